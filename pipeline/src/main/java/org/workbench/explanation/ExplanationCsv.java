package org.workbench.explanation;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.workbench.core.Json;

/**
 * An explanation as CSV, one line per input row: {@code row} (1-based data row of the input),
 * {@code prediction}, {@code explained} (the quantity explained), {@code output} (its value for the
 * row), {@code base} (its value with no column information; empty for the replacement method),
 * {@code others} (the columns beyond the top, summed), then {@code column_k}, {@code value_k} (the
 * row's raw value) and {@code contribution_k} for k = 1..top, largest first by size. For the exact
 * methods, base + others + the contributions = output.
 */
public final class ExplanationCsv {
    private ExplanationCsv() {
    }

    public static void write(Path file, Explainer.Result result, int top) {
        Json.writeAtomically(file, render(result, top).getBytes(StandardCharsets.UTF_8));
    }

    public static String render(Explainer.Result result, int top) {
        List<String> header = new ArrayList<>(List.of("row", "prediction", "explained", "output", "base", "others"));
        for (int k = 1; k <= top; k++) {
            header.addAll(List.of("column_" + k, "value_" + k, "contribution_" + k));
        }
        StringBuilder sb = new StringBuilder();
        sb.append(String.join(",", header)).append('\n');
        for (Explainer.Row r : result.rows()) {
            sb.append(r.row()).append(',').append(escape(r.prediction())).append(',').append(escape(r.explained()))
                    .append(',').append(number(r.output())).append(',').append(number(r.base()))
                    .append(',').append(number(r.others()));
            for (int k = 0; k < top; k++) {
                if (k < r.top().size()) {
                    Explainer.Contribution c = r.top().get(k);
                    sb.append(',').append(escape(c.column())).append(',').append(escape(c.value()))
                            .append(',').append(number(c.contribution()));
                } else {
                    sb.append(",,,");
                }
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }

    static String escape(String value) {
        if (value == null) {
            return "";
        }
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
