package dev.jnn.examples.run;

import dev.jnn.core.Engine;
import dev.jnn.core.config.ConfigException;
import dev.jnn.core.config.ConfigNode;
import dev.jnn.core.config.RunFiles;
import dev.jnn.core.config.RunSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The runs of a comparison: every run file, times every combination of the {@code --vary} values
 * (a grid), times every seed. Each is bound before any runs, so one bad variant stops the whole
 * comparison before it starts.
 */
public final class Variants {
    private Variants() {
    }

    /** One run to make. */
    public record Variant(String label, long seed, RunSpec spec) {
    }

    /**
     * @param files  run files; with more than one, each variant's label starts with its file's name
     * @param sets   {@code key=value} overrides applied to every file first
     * @param varies {@code key=v1,v2,...}, each multiplying the variants
     * @param seeds  runs per variant, with seeds seed, seed + 1, ... (the run file's seed first)
     * @throws ConfigException for a bad file, override or variant, naming it
     */
    public static List<Variant> expand(Engine engine, List<Path> files, List<String> sets, List<String> varies, int seeds) {
        if (seeds < 1) {
            throw new IllegalArgumentException("--seeds must be at least 1, got " + seeds);
        }
        List<List<String>> grid = grid(varies);
        List<Variant> variants = new ArrayList<>();
        for (Path file : files) {
            Map<String, Object> base = RunFiles.read(file);
            Map<String, String> setBy = new LinkedHashMap<>();
            for (String set : sets) {
                RunFiles.override(base, set, "--set " + set);
                setBy.put(key(set), "--set " + set);
            }
            for (List<String> combination : grid) {
                Map<String, Object> tree = RunFiles.copy(base);
                Map<String, String> variedBy = new LinkedHashMap<>(setBy);
                for (String assignment : combination) {
                    RunFiles.override(tree, assignment, "--vary " + assignment);
                    variedBy.put(key(assignment), "--vary " + assignment);
                }
                long first = ConfigNode.root(tree, file.toString()).get("seed").asLong(0);
                String label = label(files.size() > 1 ? name(file, files) : null, combination);
                for (int s = 0; s < seeds; s++) {
                    Map<String, Object> seeded = RunFiles.copy(tree);
                    seeded.put("seed", first + s);
                    variants.add(new Variant(label, first + s, RunSpec.bind(engine, seeded, file.toString(),
                            file.toAbsolutePath().getParent(), variedBy)));
                }
            }
        }
        return variants;
    }

    /** The key path an assignment {@code key.path=value} sets. */
    private static String key(String assignment) {
        return assignment.substring(0, assignment.indexOf('=')).trim();
    }

    /** Every combination of the {@code --vary} values, each as its {@code key=value} assignments. */
    private static List<List<String>> grid(List<String> varies) {
        List<List<String>> grid = new ArrayList<>();
        grid.add(List.of());
        for (String vary : varies) {
            int eq = vary.indexOf('=');
            if (eq <= 0 || eq == vary.length() - 1) {
                throw new IllegalArgumentException("--vary '" + vary + "' is not key.path=value1,value2,...");
            }
            String key = vary.substring(0, eq).trim();
            List<String> values = values(vary.substring(eq + 1));
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (String value : values) {
                if (value.isBlank()) {
                    throw new IllegalArgumentException("--vary '" + vary + "' has an empty value; expected key.path=value1,value2,...");
                }
                if (!seen.add(value.trim())) {
                    throw new IllegalArgumentException("--vary '" + vary + "' lists '" + value.trim() + "' twice; each value is"
                            + " one variant (use --seeds N for repeated runs)");
                }
            }
            List<List<String>> next = new ArrayList<>();
            for (List<String> combination : grid) {
                for (String value : values) {
                    List<String> extended = new ArrayList<>(combination);
                    extended.add(key + "=" + value.trim());
                    next.add(extended);
                }
            }
            grid = next;
        }
        return grid;
    }

    /** The comma-separated values, commas inside parentheses kept: {@code constant,cosine(t_max=20, eta_min=0)}. */
    private static List<String> values(String text) {
        List<String> values = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (c == ',' && depth == 0) {
                values.add(text.substring(from, i));
                from = i + 1;
            }
        }
        values.add(text.substring(from));
        return values;
    }

    private static String label(String file, List<String> combination) {
        List<String> parts = new ArrayList<>();
        if (file != null) {
            parts.add(file);
        }
        parts.addAll(combination);
        return parts.isEmpty() ? "run" : String.join(" ", parts);
    }

    /** The file's stem, or its folder and stem when another file of the comparison has the same stem. */
    private static String name(Path file, List<Path> files) {
        long same = files.stream().filter(f -> stem(f).equals(stem(file))).count();
        Path parent = file.toAbsolutePath().getParent();
        return same > 1 && parent != null ? parent.getFileName() + "/" + stem(file) : stem(file);
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** The distinct labels, in order. */
    public static List<String> labels(List<Variant> variants) {
        return variants.stream().map(Variant::label).distinct().toList();
    }

}
