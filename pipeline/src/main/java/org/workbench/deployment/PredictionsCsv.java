package org.workbench.deployment;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.workbench.data.Predictions;
import org.workbench.core.Json;

/**
 * Writes predictions as CSV: {@code row} (1-based data row of the input file), {@code prediction},
 * then one {@code prob_<class>} column per class when the model gives probabilities, then any
 * extra columns (e.g. split and truth in a run's predictions file).
 */
public final class PredictionsCsv {
    private PredictionsCsv() {
    }

    public static void write(Path file, int[] rowNumbers, Predictions predictions, Map<String, String[]> extra) {
        Json.writeAtomically(file, render(rowNumbers, predictions, extra).getBytes(StandardCharsets.UTF_8));
    }

    public static String render(int[] rowNumbers, Predictions predictions, Map<String, String[]> extra) {
        StringBuilder sb = new StringBuilder(64 * predictions.size());
        sb.append(String.join(",", header(predictions, extra).stream().map(PredictionsCsv::escape).toList())).append('\n');
        for (int i = 0; i < predictions.size(); i++) {
            sb.append(rowNumbers[i]).append(',');
            sb.append(predictions.labels() != null ? escape(predictions.labels()[i]) : Double.toString(predictions.values()[i]));
            if (predictions.hasProbabilities()) {
                for (double p : predictions.probabilities()[i]) {
                    sb.append(',').append(p);
                }
            }
            for (String[] column : extra.values()) {
                sb.append(',').append(escape(column[i]));
            }
            sb.append('\n');
        }
        return sb.toString();
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
        if (value.contains(",") || value.contains("\"") || value.contains("\n")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
