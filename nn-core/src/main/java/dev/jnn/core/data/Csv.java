package dev.jnn.core.data;

import dev.jnn.api.Tensor;
import dev.jnn.api.data.Dataset;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * A table of numbers from a CSV file: one column is the label, every other column a feature. Cells may
 * be quoted ("New York, NY"), with "" for a quote inside.
 * Classification labels (any text) become class indices in sorted order of their values; regression
 * labels must be numbers.
 */
public final class Csv {
    private Csv() {
    }

    /**
     * @param label          the label column: a header name, or a 0-based index
     * @param header         whether the first line names the columns
     * @param classification labels are classes (else numbers to regress)
     * @throws DataFileException naming the file, the line and the column of the first bad value
     */
    public static Dataset read(Path file, String label, boolean header, boolean classification) {
        return table(file, label, header, classification).dataset();
    }

    /**
     * A CSV file's data with what it takes to read new rows the same way.
     *
     * @param features the feature columns' names, in order (from the header, or {@code "0"}, {@code "1"}, ... by index)
     * @param label    the label column's name, null without one
     * @param classes  class index to label, for a classification; empty otherwise
     */
    public record Table(Dataset dataset, List<String> features, String label, List<String> classes) {
    }

    /** As {@link #read}, with the column names and classes. */
    public static Table table(Path file, String label, boolean header, boolean classification) {
        return read(file, label, header, classification, true);
    }

    /**
     * New rows read the way a model's training data was: the feature columns by their saved names
     * (the header may order them differently or hold more), and the label column, when present, mapped
     * through the saved classes (or read as numbers for a regression).
     *
     * @return the rows, with their targets when the label column is present (else zeros), and whether it was
     * @throws DataFileException naming the file and the missing column, or a label that was not a class
     */
    public static Table like(Path file, List<String> features, String label, List<String> classes) {
        List<String[]> rows = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String name : parse(file, true, rows)) {
            names.add(name.trim());
        }
        int[] columns = new int[features.size()];
        for (int f = 0; f < columns.length; f++) {
            columns[f] = names.indexOf(features.get(f));
            if (columns[f] < 0) {
                throw new DataFileException(file, "line 1", "has no column '" + features.get(f) + "', which the model was trained on;"
                        + " it has " + names);
            }
        }
        int labelColumn = label == null ? -1 : names.indexOf(label);
        int n = rows.size();
        float[] x = new float[n * columns.length];
        float[] y = new float[n];
        for (int r = 0; r < n; r++) {
            for (int f = 0; f < columns.length; f++) {
                x[r * columns.length + f] = number(file, rows.get(r)[columns[f]], r + 2, columns[f]);
            }
            if (labelColumn >= 0) {
                String value = rows.get(r)[labelColumn].trim();
                if (classes.isEmpty()) {
                    y[r] = number(file, value, r + 2, labelColumn);
                } else {
                    int index = classes.indexOf(value);
                    if (index < 0) {
                        throw new DataFileException(file, "line " + (r + 2), "label '" + value + "' was not a class in training; the classes are "
                                + classes);
                    }
                    y[r] = index;
                }
            }
        }
        Dataset data = new Dataset(Tensor.of(x, n, columns.length), Tensor.of(y, n, 1));
        return new Table(data, features, labelColumn >= 0 ? label : null, classes);
    }



    /**
     * Every column as a feature, for data to predict on; the targets are zeros, one per row.
     *
     * @throws DataFileException naming the file, the line and the column of the first bad value
     */
    public static Dataset readFeatures(Path file, boolean header) {
        return read(file, null, header, false, false).dataset();
    }

    /** Reads the rows into {@code rows} and returns the header's names, or null without a header. */
    private static String[] parse(Path file, boolean header, List<String[]> rows) {
        String[] names = null;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int lineNumber = 0;
            while ((line = in.readLine()) != null) {
                lineNumber++;
                if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);                 // a UTF-8 byte-order mark, as spreadsheet programs write
                }
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = cells(line, file, lineNumber);
                if (names == null && header) {
                    names = cells;
                    continue;
                }
                int expected = names != null ? names.length : rows.isEmpty() ? cells.length : rows.get(0).length;
                if (cells.length != expected) {
                    throw new DataFileException(file, "line " + lineNumber, "has " + cells.length + " columns, expected " + expected);
                }
                rows.add(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read: " + e.getMessage(), e);
        }
        if (rows.isEmpty()) {
            throw new DataFileException(file, "line 1", "has no data rows");
        }
        return names;
    }

    private static Table read(Path file, String label, boolean header, boolean classification, boolean labelled) {
        List<String[]> rows = new ArrayList<>();
        String[] names = parse(file, header, rows);
        int columns = rows.get(0).length;
        int labelColumn = labelled ? labelColumn(file, label, names, columns) : -1;
        int features = labelled ? columns - 1 : columns;
        if (features < 1) {
            throw new DataFileException(file, "line 1", "has no feature column besides the label");
        }
        int firstDataLine = header ? 2 : 1;
        TreeMap<String, Integer> classes = new TreeMap<>();
        if (labelled && classification) {
            rows.forEach(r -> classes.put(r[labelColumn].trim(), 0));
            int next = 0;
            for (var e : classes.entrySet()) {
                e.setValue(next++);
            }
        }
        float[] x = new float[rows.size() * features];
        float[] y = new float[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            String[] cells = rows.get(r);
            int f = 0;
            for (int c = 0; c < columns; c++) {
                if (c == labelColumn) {
                    y[r] = classification ? classes.get(cells[c].trim()) : number(file, cells[c], r + firstDataLine, c);
                } else {
                    x[r * features + f++] = number(file, cells[c], r + firstDataLine, c);
                }
            }
        }
        List<String> featureNames = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            if (c != labelColumn) {
                featureNames.add(names != null ? names[c].trim() : Integer.toString(c));
            }
        }
        return new Table(new Dataset(Tensor.of(x, rows.size(), features), Tensor.of(y, rows.size(), 1)), featureNames,
                labelled ? (names != null ? names[labelColumn].trim() : Integer.toString(labelColumn)) : null,
                List.copyOf(classes.keySet()));
    }

    /** A cell as CSV writes it: quoted when it holds a comma, a quote or a line break. */
    public static String quote(String cell) {
        return cell.contains(",") || cell.contains("\"") || cell.contains("\n")
                ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }

    /**
     * One line's cells: separated by commas, a cell may be quoted ("a, b") with "" for a quote inside
     * it, as in RFC 4180 (but a quoted cell must end on its line).
     */
    static String[] cells(String line, Path file, int lineNumber) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"' && cell.toString().isBlank()) {
                quoted = true;
            } else if (ch == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        if (quoted) {
            throw new DataFileException(file, "line " + lineNumber, "a quoted cell does not end on its line");
        }
        cells.add(cell.toString());
        return cells.toArray(String[]::new);
    }

    private static int labelColumn(Path file, String label, String[] names, int columns) {
        if (names != null) {
            for (int c = 0; c < names.length; c++) {
                if (names[c].trim().equals(label)) {
                    return c;
                }
            }
        }
        try {
            int index = Integer.parseInt(label.trim());
            if (index >= 0 && index < columns) {
                return index;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new DataFileException(file, "line 1", "no label column '" + label + "': expected "
                + (names != null ? "one of " + String.join(", ", names) + " or " : "") + "an index from 0 to " + (columns - 1));
    }

    private static float number(Path file, String cell, int line, int column) {
        try {
            float v = Float.parseFloat(cell.trim());
            if (Float.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new DataFileException(file, "line " + line + ", column " + (column + 1), "'" + cell + "' is not a finite number");
    }

    /** Scales every feature to mean 0 and standard deviation 1, with the statistics of {@code reference} (the training split). */
    public static Standardization standardize(Dataset reference, Dataset... targets) {
        int features = reference.features().columns();
        double[] mean = new double[features];
        double[] var = new double[features];
        float[] r = reference.features().data();
        int n = reference.size();
        for (int i = 0; i < n; i++) {
            for (int f = 0; f < features; f++) {
                mean[f] += r[i * features + f] / (double) n;
            }
        }
        for (int i = 0; i < n; i++) {
            for (int f = 0; f < features; f++) {
                double d = r[i * features + f] - mean[f];
                var[f] += d * d / n;
            }
        }
        double[] std = new double[features];
        for (int f = 0; f < features; f++) {
            std[f] = var[f] > 0 ? Math.sqrt(var[f]) : 1;    // a constant feature is only centred
        }
        Standardization s = new Standardization(mean, std);
        for (Dataset t : targets) {
            s.apply(t);
        }
        return s;
    }

    /** Each feature's mean and deviation, as measured on training data: new rows are scaled alike. */
    public record Standardization(double[] mean, double[] std) {

        /** Scales {@code data}'s features in place: {@code (x - mean) / std}. */
        public void apply(Dataset data) {
            int features = mean.length;
            float[] x = data.features().data();
            for (int i = 0; i < data.size(); i++) {
                for (int f = 0; f < features; f++) {
                    x[i * features + f] = (float) ((x[i * features + f] - mean[f]) / std[f]);
                }
            }
        }
    }
}
