package dev.jnn.examples.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code --set setting=value} options of commands that make one provider (gradcheck, minimize). */
final class ProviderSettings {
    private ProviderSettings() {
    }

    /**
     * The settings, as text (each provider converts them as it does a run file's).
     *
     * @throws IllegalArgumentException naming an option that is not {@code setting=value}
     */
    static Map<String, Object> parse(List<String> sets) {
        Map<String, Object> settings = new LinkedHashMap<>();
        for (String s : sets) {
            int eq = s.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--set '" + s + "' is not setting=value");
            }
            settings.put(s.substring(0, eq).trim(), s.substring(eq + 1).trim());
        }
        return settings;
    }
}
