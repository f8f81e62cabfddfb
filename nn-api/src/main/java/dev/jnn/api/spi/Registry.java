package dev.jnn.api.spi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The providers of one type found by {@link ServiceLoader}, resolved by name.
 *
 * <p>Names are matched case-insensitively. An unknown name fails with the known names and the
 * closest one; two providers with one name fail at load time naming both classes, because which
 * of them wins would otherwise depend on classpath order.
 *
 * @param <P> the provider type, such as {@link OptimizerProvider}
 */
public final class Registry<P extends Provider<?>> {
    private final String kind;
    private final Map<String, P> byName;
    private final Providers owner;

    private Registry(String kind, Map<String, P> byName, Providers owner) {
        this.kind = kind;
        this.byName = byName;
        this.owner = owner;
    }

    /**
     * Loads every provider of {@code type} visible to {@code loader}.
     *
     * @param kind what the providers make, for messages: "optimizer"
     * @throws DuplicateProviderException if two providers share a name
     * @throws IllegalStateException      if a listed provider class cannot be loaded or instantiated
     */
    public static <P extends Provider<?>> Registry<P> load(Class<P> type, String kind, ClassLoader loader) {
        return load(type, kind, loader, null);
    }

    /** As {@link #load(Class, String, ClassLoader)}, for a registry of {@code owner}'s set. */
    static <P extends Provider<?>> Registry<P> load(Class<P> type, String kind, ClassLoader loader, Providers owner) {
        List<P> found = new ArrayList<>();
        try {
            ServiceLoader.load(type, loader).forEach(found::add);
        } catch (ServiceConfigurationError e) {
            throw new IllegalStateException("cannot load the " + kind + " providers listed in META-INF/services/"
                    + type.getName() + ": " + e.getMessage(), e);
        }
        return of(kind, found, owner);
    }

    /** A registry of the given providers (for tests and for hosts that assemble their own). */
    public static <P extends Provider<?>> Registry<P> of(String kind, List<P> providers) {
        return of(kind, providers, null);
    }

    private static <P extends Provider<?>> Registry<P> of(String kind, List<P> providers, Providers owner) {
        Map<String, P> byName = new TreeMap<>();
        for (P provider : providers) {
            String key = key(provider.name());
            P earlier = byName.putIfAbsent(key, provider);
            if (earlier != null) {
                throw new DuplicateProviderException("two " + kind + " providers are named '" + key + "': "
                        + earlier.getClass().getName() + " and " + provider.getClass().getName()
                        + "; remove one of them from the classpath or rename it");
            }
        }
        return new Registry<>(kind, byName, owner);
    }

    /**
     * The provider named {@code name}, ignoring case.
     *
     * @throws UnknownProviderException listing the known names and the closest one
     */
    public P find(String name) {
        P provider = name == null ? null : byName.get(key(name));
        if (provider == null) {
            throw unknown(name);
        }
        return provider;
    }

    public boolean contains(String name) {
        return name != null && byName.containsKey(key(name));
    }

    /**
     * Creates the thing named {@code name} from raw settings, checked against the provider's declaration.
     *
     * @throws UnknownProviderException for an unknown name
     * @throws InvalidSettingException  for an unknown, ill-typed, missing or impossible setting, naming
     *                                  the provider as {@code kind 'name'} whatever class checked it
     */
    @SuppressWarnings("unchecked")
    public <T> T create(String name, Map<String, ?> settings) {
        P provider = find(name);
        Settings checked = Settings.resolve(provider, kind, settings, owner);
        try {
            return (T) provider.create(checked);
        } catch (InvalidSettingException e) {
            throw e.ownedBy(checked.owner());
        }
    }

    /**
     * Creates from a name with its settings written inline, {@code name} or
     * {@code name(key=value, key=value)}, such as {@code normal(std=1.0)} or {@code he_normal(mode=fan_out)}:
     * how a run file gives settings to a provider it names in a setting of another (a dense layer's init).
     *
     * @throws IllegalArgumentException when the text is not of that form
     * @throws InvalidSettingException  for a bad setting
     * @throws UnknownProviderException for an unknown name
     */
    public <T> T createInline(String spec) {
        String text = spec.trim();
        int open = text.indexOf('(');
        if (open < 0) {
            return create(text, Map.of());
        }
        if (!text.endsWith(")")) {
            throw new IllegalArgumentException(kind + " '" + spec + "' is not name(key=value, ...): it lacks the closing ')'");
        }
        Map<String, Object> settings = new java.util.LinkedHashMap<>();
        String inside = text.substring(open + 1, text.length() - 1).trim();
        if (!inside.isEmpty()) {
            for (String pair : inside.split(",")) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException(kind + " '" + spec + "': '" + pair.trim() + "' is not key=value");
                }
                settings.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
        }
        return create(text.substring(0, open).trim(), settings);
    }

    /** Every provider, sorted by name. */
    public List<P> all() {
        List<P> sorted = new ArrayList<>(byName.values());
        sorted.sort(Comparator.comparing(Provider::name));
        return sorted;
    }

    /** Every known name, sorted. */
    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    /** What the providers make: "optimizer". */
    public String kind() {
        return kind;
    }

    private UnknownProviderException unknown(String name) {
        List<String> known = names();
        String closest = closest(name == null ? "" : key(name), known);
        String message = "unknown " + kind + " '" + name + "'"
                + (closest == null ? ";" : "; did you mean '" + closest + "'?")
                + " known " + kind + "s: " + (known.isEmpty() ? "none (is the module that provides them on the classpath?)"
                : String.join(", ", known));
        return new UnknownProviderException(message, known);
    }

    /** The known name at the smallest edit distance, if it is within half the name's length. */
    private static String closest(String name, List<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int d = editDistance(name, candidate);
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return bestDistance <= Math.max(2, name.length() / 2) ? best : null;
    }

    /**
     * The optimal-string-alignment distance: insertions, deletions, substitutions and swaps of two
     * neighbouring characters cost 1 each, so that the typo {@code rleu} is one step from {@code relu}.
     */
    static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    private static String key(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }
}
