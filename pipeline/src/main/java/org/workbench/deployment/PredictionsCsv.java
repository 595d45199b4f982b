package org.workbench.deployment;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import com.fasterxml.jackson.core.io.NumberOutput;
import org.workbench.data.Predictions;
import org.workbench.core.Json;
import org.workbench.core.Workers;

/**
 * Writes predictions as CSV: {@code row} (1-based data row of the input file), {@code prediction},
 * then one {@code prob_<class>} column per class when the model gives probabilities, then any
 * extra columns (e.g. split and truth in a run's predictions file).
 */
public final class PredictionsCsv {
    private PredictionsCsv() {
    }

    public static void write(Path file, int[] rowNumbers, Predictions predictions, Map<String, String[]> extra) {
        Json.writeAtomically(file, chunks(rowNumbers, predictions, extra));
    }

    public static String render(int[] rowNumbers, Predictions predictions, Map<String, String[]> extra) {
        StringBuilder sb = new StringBuilder(64 * predictions.size());
        header(sb, predictions, extra);
        rows(sb, 0, predictions.size(), rowNumbers, predictions, extra);
        return sb.toString();
    }

    /** Rows per part of {@link #chunks}. */
    static final int CHUNK_ROWS = 16_384;

    /**
     * The file's bytes in parts of {@link #CHUNK_ROWS} rows, the same bytes as {@link #render}: a million
     * rows are about 60 MB, which as one text, then one array, cost two more copies and full collections.
     * The parts are made one per core: a million rows with two probabilities took about 1.2 s on one thread.
     */
    public static List<byte[]> chunks(int[] rowNumbers, Predictions predictions, Map<String, String[]> extra) {
        StringBuilder head = new StringBuilder(256);
        header(head, predictions, extra);
        List<Supplier<byte[]>> jobs = new ArrayList<>();
        for (int start = 0; start < predictions.size(); start += CHUNK_ROWS) {
            int from = start;
            jobs.add(() -> {
                StringBuilder sb = new StringBuilder(64 * CHUNK_ROWS + (from == 0 ? head.length() : 0));
                if (from == 0) {
                    sb.append(head);
                }
                rows(sb, from, Math.min(predictions.size(), from + CHUNK_ROWS), rowNumbers, predictions, extra);
                return sb.toString().getBytes(StandardCharsets.UTF_8);
            });
        }
        if (jobs.isEmpty()) {
            return List.of(head.toString().getBytes(StandardCharsets.UTF_8)); // the header of a file without rows
        }
        return new Workers(0).run(jobs); // one part runs on this thread
    }

    /**
     * A number as {@link Double#toString} writes it from Java 19 on (the shortest decimal that reads back
     * as the same double), by Jackson's Schubfach writer: Java 17's own takes twice as long (2,000,000
     * probabilities: 0.55 s against 0.27 s) and, rarely, writes more digits than needed.
     */
    public static String number(double value) {
        return NumberOutput.toString(value, true);
    }

    private static void header(StringBuilder sb, Predictions predictions, Map<String, String[]> extra) {
        sb.append(String.join(",", header(predictions, extra).stream().map(PredictionsCsv::escape).toList())).append('\n');
    }

    private static void rows(StringBuilder sb, int from, int to, int[] rowNumbers, Predictions predictions, Map<String, String[]> extra) {
        String[][] columns = extra.values().toArray(String[][]::new);
        for (int i = from; i < to; i++) {
            sb.append(rowNumbers[i]).append(',');
            sb.append(predictions.labels() != null ? escape(predictions.labels()[i]) : number(predictions.values()[i]));
            if (predictions.hasProbabilities()) {
                for (double p : predictions.probabilities()[i]) {
                    sb.append(',').append(number(p));
                }
            }
            for (String[] column : columns) {
                sb.append(',').append(escape(column[i]));
            }
            sb.append('\n');
        }
    }

    private static List<String> header(Predictions predictions, Map<String, String[]> extra) {
        List<String> names = new ArrayList<>(List.of("row", "prediction"));
        if (predictions.hasProbabilities()) {
            predictions.classes().forEach(c -> names.add("prob_" + c));
        }
        names.addAll(extra.keySet());
        return names;
    }

    public static void write(Path file, int[] rowNumbers, Predictions predictions) {
        write(file, rowNumbers, predictions, new LinkedHashMap<>());
    }

    static String escape(String value) {
        if (value == null) {
            return "";
        }
        // one look at each character: three contains() calls per cell were a tenth of a million rows' time
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\n') {
                return "\"" + value.replace("\"", "\"\"") + "\"";
            }
        }
        return value;
    }
}
