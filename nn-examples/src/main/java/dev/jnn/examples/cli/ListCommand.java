package dev.jnn.examples.cli;

import dev.jnn.api.spi.Provider;
import dev.jnn.api.spi.Providers;
import dev.jnn.api.spi.Registry;
import dev.jnn.api.spi.Setting;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;

/** Lists every provider on the classpath (plugins included) with its settings and defaults. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the layers, losses, models, optimizers, initializers and data sources found, with their settings and defaults.")
final class ListCommand implements Runnable {

    @ParentCommand
    Main main;
    private static final Map<String, Function<Providers, Registry<? extends Provider<?>>>> KINDS = new LinkedHashMap<>();

    static {
        KINDS.put("layers", Providers::layers);
        KINDS.put("losses", Providers::losses);
        KINDS.put("models", Providers::models);
        KINDS.put("optimizers", Providers::optimizers);
        KINDS.put("initializers", Providers::initializers);
        KINDS.put("data", Providers::dataSources);
        KINDS.put("schedules", Providers::schedules);
        KINDS.put("functions", Providers::objectives);
    }

    @Parameters(arity = "0..1", paramLabel = "KIND", description = "layers, losses, models, optimizers, initializers, data, schedules or functions (default: all)")
    String kind;

    @Override
    public void run() {
        if (kind != null && !KINDS.containsKey(kind)) {
            throw new IllegalArgumentException("unknown kind '" + kind + "'; expected one of " + String.join(", ", KINDS.keySet()));
        }
        KINDS.forEach((name, registry) -> {
            if (kind == null || kind.equals(name)) {
                System.out.println(name + ":");
                for (Provider<?> p : registry.apply(main.engine().providers()).all()) {
                    System.out.printf("  %-24s %s  [%s]%n", p.name(), p.description(), p.getClass().getName());
                    for (Setting s : p.settings()) {
                        System.out.println("      " + s);
                    }
                }
            }
        });
    }
}
