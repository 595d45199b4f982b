package org.workbench.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Metrics as a table: one row per metric (or metric path), one column per split, run or statistic. The
 * one model behind every metric table Workbench prints: the evaluation stage's detail lines in the
 * terminal, report.md, report.html and {@code workbench compare}. Each rendering keeps its own number
 * format ({@link #fixed}, {@link #signed}, or the page's), always with {@link Locale#ROOT}.
 *
 * @param header the first column's title, then one title per column of cells
 */
public record MetricTable(List<String> header, List<Row> rows) {

    /** One row: its name and one cell per column. */
    public record Row(String name, List<Cell> cells) {
    }

    /** One cell: a score, a mean with its standard deviation, a change, or text already formatted. */
    public sealed interface Cell permits Score, MeanStd, Change, Text {
    }

    /** A score; null when it was not measured. */
    public record Score(Double value) implements Cell {
    }

    /** A mean and standard deviation (cross-validation). */
    public record MeanStd(double mean, double std) implements Cell {
    }

    /** A difference, shown with its sign; null when one side is missing. */
    public record Change(Double value) implements Cell {
    }

    /** Text formatted by whoever built the table; null when there is none. */
    public record Text(String text) implements Cell {
    }

    /**
     * The evaluation's table: each test metric with its train and baseline scores, then its
     * cross-validation mean and std when {@code cvColumn} (a "-" for a metric without one), and
     * {@code more} further columns of scores by title (e.g. clustering's "all rows").
     */
    public static MetricTable scores(Map<String, Double> test, Map<String, Double> train, Map<String, Double> baseline,
                                     Map<String, double[]> cv, boolean cvColumn, Map<String, Map<String, Double>> more) {
        List<String> header = new ArrayList<>(List.of("metric", "test", "train", "baseline (test)"));
        header.addAll(more.keySet());
        if (cvColumn) {
            header.add("CV mean +/- std");
        }
        List<Row> rows = new ArrayList<>();
        test.forEach((metric, value) -> {
            List<Cell> cells = new ArrayList<>(List.of(new Score(value), new Score(train.get(metric)), new Score(baseline.get(metric))));
            more.values().forEach(scores -> cells.add(new Score(scores.get(metric))));
            if (cvColumn) {
                double[] ms = cv.get(metric);
                cells.add(ms == null ? new Score(null) : new MeanStd(ms[0], ms[1]));
            }
            rows.add(new Row(metric, cells));
        });
        return new MetricTable(header, rows);
    }

    /** One column of scores, e.g. the final model's test metrics. */
    public static MetricTable column(String title, Map<String, Double> scores) {
        List<Row> rows = new ArrayList<>();
        scores.forEach((metric, value) -> rows.add(new Row(metric, List.of(new Score(value)))));
        return new MetricTable(List.of("metric", title), rows);
    }

    /** Four decimals, "-" for none: 0.8125. */
    public static String fixed(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.4f", v);
    }

    /** Four decimals with the sign, "-" for none: +0.0125. */
    public static String signed(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%+.4f", v);
    }

    /** The cells of every row as text: scores by {@code number}, a mean and std joined by {@code plusMinus}. */
    public List<List<String>> cells(Function<Double, String> number, String plusMinus) {
        List<List<String>> out = new ArrayList<>();
        for (Row row : rows) {
            List<String> cells = new ArrayList<>();
            for (Cell c : row.cells()) {
                if (c instanceof Score s) {
                    cells.add(number.apply(s.value()));
                } else if (c instanceof MeanStd m) {
                    cells.add(number.apply(m.mean()) + plusMinus + number.apply(m.std()));
                } else if (c instanceof Change d) {
                    cells.add(signed(d.value()));
                } else {
                    String text = ((Text) c).text();
                    cells.add(text == null ? "-" : text);
                }
            }
            out.add(cells);
        }
        return out;
    }

    /** A Markdown table, four decimals. */
    public String markdown() {
        StringBuilder md = new StringBuilder("| ").append(String.join(" | ", header)).append(" |\n|");
        header.forEach(h -> md.append("---|"));
        md.append('\n');
        List<List<String>> cells = cells(MetricTable::fixed, " +/- ");
        for (int i = 0; i < rows.size(); i++) {
            md.append("| ").append(rows.get(i).name());
            cells.get(i).forEach(c -> md.append(" | ").append(c));
            md.append(" |\n");
        }
        return md.toString();
    }

    /**
     * Aligned plain text, one line per row after the header: {@code indent}, the names left-aligned in
     * {@code nameWidth}, then each cell right-aligned in {@code cellWidth}, {@code gap} between columns.
     */
    public List<String> text(List<String> titles, String indent, int nameWidth, int cellWidth, String gap) {
        List<String> lines = new ArrayList<>();
        lines.add(line(indent, titles.get(0), titles.subList(1, titles.size()), nameWidth, cellWidth, gap));
        List<List<String>> cells = cells(MetricTable::fixed, " +/- ");
        for (int i = 0; i < rows.size(); i++) {
            lines.add(line(indent, rows.get(i).name(), cells.get(i), nameWidth, cellWidth, gap));
        }
        return lines;
    }

    private static String line(String indent, String name, List<String> cells, int nameWidth, int cellWidth, String gap) {
        StringBuilder sb = new StringBuilder(indent).append(String.format(Locale.ROOT, "%-" + nameWidth + "s", name));
        cells.forEach(c -> sb.append(gap).append(String.format(Locale.ROOT, "%" + cellWidth + "s", c)));
        return sb.toString();
    }
}
