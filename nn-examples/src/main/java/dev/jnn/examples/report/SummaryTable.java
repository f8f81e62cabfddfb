package dev.jnn.examples.report;

import dev.jnn.examples.run.RunResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.ToDoubleFunction;

/**
 * The results of a comparison: one row per variant with its final losses, best accuracy, the epoch it
 * first reached the target accuracy, time and throughput; with several seeds, mean ± spread (sample
 * standard deviation). Rendered as text for the terminal and as a sortable HTML table for the report,
 * from the same cells.
 */
public final class SummaryTable {
    /** A table cell: what it shows, and the number it sorts by (NaN: sorts by its text). */
    record Cell(String text, double sortKey) {
        static Cell text(String text) {
            return new Cell(text, Double.NaN);
        }
    }

    private final Map<String, List<RunResult>> byLabel;
    private final double target;
    /** Whether some run stopped early or kept an earlier epoch: then the table has an "epochs" column. */
    private final boolean stoppedEarly;

    public SummaryTable(List<RunResult> results, double target) {
        this.byLabel = RunResult.byLabel(results);
        this.target = target;
        this.stoppedEarly = results.stream().anyMatch(r -> !r.epochsNote().equals(Integer.toString(r.spec().epochs())));
    }

    List<String> header() {
        List<String> header = new ArrayList<>(List.of("variant", "seeds", "final train loss", "final test loss", "best test acc",
                "epoch>=" + Math.round(100 * target) + "%", "time s", "samples/s"));
        if (stoppedEarly) {
            header.add("epochs");
        }
        return header;
    }

    List<List<Cell>> rows() {
        List<List<Cell>> rows = new ArrayList<>();
        byLabel.forEach((label, runs) -> {
            double seconds = runs.stream().mapToDouble(RunResult::seconds).average().orElse(0);
            double throughput = runs.stream().mapToDouble(RunResult::samplesPerSecond).average().orElse(0);
            List<Cell> row = new ArrayList<>(List.of(Cell.text(label), new Cell(Integer.toString(runs.size()), runs.size()),
                    stat(runs, r -> r.last().trainLoss(), "%.4f"),
                    stat(runs, r -> r.last().validationLoss(), "%.4f"),
                    stat(runs, r -> 100 * r.bestAccuracy(), "%.1f%%"),
                    reached(runs),
                    new Cell(String.format(Locale.ROOT, "%.2f", seconds), seconds),
                    new Cell(String.format(Locale.ROOT, "%.0f", throughput), throughput)));
            if (stoppedEarly) {
                row.add(Cell.text(String.join("; ", runs.stream().map(RunResult::epochsNote).toList())));
            }
            rows.add(row);
        });
        return rows;
    }

    /** The table as text: the variant column left-aligned, the numbers right-aligned, each column as wide as it needs. */
    public String render() {
        List<String> header = header();
        List<List<Cell>> rows = rows();
        int[] widths = new int[header.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = header.get(c).length();
            for (List<Cell> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).text().length());
            }
        }
        StringBuilder s = new StringBuilder();
        line(s, header, widths);
        rows.forEach(row -> line(s, row.stream().map(Cell::text).toList(), widths));
        return s.toString();
    }

    private static void line(StringBuilder s, List<String> cells, int[] widths) {
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            String pad = " ".repeat(widths[c] - cell.length());
            s.append(c == 0 ? cell + pad : "  " + pad + cell);
        }
        s.append('\n');
    }

    /** The table as HTML: each cell carries its sort key, so the report's script sorts numbers as numbers. */
    String html() {
        StringBuilder s = new StringBuilder("<table class=\"results sortable\">\n<thead><tr>");
        header().forEach(h -> s.append("<th title=\"sort by this column\">").append(Html.escape(h)).append("</th>"));
        s.append("</tr></thead>\n<tbody>\n");
        for (List<Cell> row : rows()) {
            s.append("<tr>");
            row.forEach(cell -> s.append(Double.isNaN(cell.sortKey()) ? "<td>"
                            : String.format(Locale.ROOT, "<td data-sort=\"%s\">", cell.sortKey()))
                    .append(Html.escape(cell.text())).append("</td>"));
            s.append("</tr>\n");
        }
        return s.append("</tbody></table>\n").toString();
    }

    /** The first epoch each seed reached the target, {@code 3/4/-}; sorts by the mean over the seeds that reached it. */
    private Cell reached(List<RunResult> runs) {
        List<String> epochs = new ArrayList<>();
        double sum = 0;
        int count = 0;
        for (RunResult r : runs) {
            OptionalInt e = r.epochReaching(target);
            epochs.add(e.isPresent() ? String.valueOf(e.getAsInt()) : "-");
            if (e.isPresent()) {
                sum += e.getAsInt();
                count++;
            }
        }
        return new Cell(String.join("/", epochs), count == runs.size() ? sum / count : Double.POSITIVE_INFINITY);
    }

    private static Cell stat(List<RunResult> runs, ToDoubleFunction<RunResult> f, String format) {
        double[] values = runs.stream().mapToDouble(f).toArray();
        double mean = Arrays.stream(values).average().orElse(Double.NaN);
        if (Double.isNaN(mean)) {
            return Cell.text("-");
        }
        if (values.length == 1) {
            return new Cell(String.format(Locale.ROOT, format, mean), mean);
        }
        double var = Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum() / (values.length - 1);
        return new Cell(String.format(Locale.ROOT, format + " ± " + format.replace("%%", ""), mean, Math.sqrt(var)), mean);
    }
}
