package dev.jnn.examples.report;

import dev.jnn.examples.run.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.ToDoubleFunction;

/**
 * The terminal table of a comparison: one row per variant with its final losses, best accuracy, the
 * epoch it first reached the target accuracy, time and throughput; with several seeds, mean ± spread
 * (sample standard deviation).
 */
public final class SummaryTable {
    private final Map<String, List<RunResult>> byLabel;
    private final double target;

    public SummaryTable(List<RunResult> results, double target) {
        this.byLabel = RunResult.byLabel(results);
        this.target = target;
    }

    public String render() {
        int width = Math.max(8, byLabel.keySet().stream().mapToInt(String::length).max().orElse(8));
        boolean stopped = byLabel.values().stream().flatMap(List::stream).anyMatch(r -> !r.epochsNote().equals(
                Integer.toString(r.spec().epochs())));
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%-" + width + "s %5s %17s %17s %15s %9s %8s %10s%s%n",
                "variant", "seeds", "final train loss", "final test loss", "best test acc",
                "epoch>=" + Math.round(100 * target) + "%", "time s", "samples/s", stopped ? "  epochs" : ""));
        byLabel.forEach((label, runs) -> s.append(String.format(Locale.ROOT, "%-" + width + "s %5d %17s %17s %15s %9s %8.2f %10.0f%s%n",
                label, runs.size(),
                stat(runs, r -> r.last().trainLoss(), "%.4f"),
                stat(runs, r -> r.last().validationLoss(), "%.4f"),
                stat(runs, r -> 100 * r.bestAccuracy(), "%.1f%%"),
                reached(runs),
                runs.stream().mapToDouble(RunResult::seconds).average().orElse(0),
                runs.stream().mapToDouble(RunResult::samplesPerSecond).average().orElse(0),
                stopped ? "  " + String.join("; ", runs.stream().map(RunResult::epochsNote).toList()) : "")));
        return s.toString();
    }

    private String reached(List<RunResult> runs) {
        List<String> epochs = new ArrayList<>();
        for (RunResult r : runs) {
            OptionalInt e = r.epochReaching(target);
            epochs.add(e.isPresent() ? String.valueOf(e.getAsInt()) : "-");
        }
        return String.join("/", epochs);
    }

    private static String stat(List<RunResult> runs, ToDoubleFunction<RunResult> f, String format) {
        double[] values = runs.stream().mapToDouble(f).toArray();
        double mean = java.util.Arrays.stream(values).average().orElse(Double.NaN);
        if (Double.isNaN(mean)) {
            return "-";
        }
        if (values.length == 1) {
            return String.format(Locale.ROOT, format, mean);
        }
        double var = java.util.Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum() / (values.length - 1);
        return String.format(Locale.ROOT, format + " ± " + format.replace("%%", ""), mean, Math.sqrt(var));
    }
}
