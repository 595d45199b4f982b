package org.workbench.explanation;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.workbench.core.Json;

/**
 * An explanation as JSON ({@code --format json}): the method, whether it adds up, and per row the
 * fields of the CSV with the top columns as a list; {@code base} is null where the method has none.
 */
public final class ExplanationJson {
    private ExplanationJson() {
    }

    @JsonPropertyOrder({"method", "additive", "rows"})
    record Document(String method, boolean additive, List<Row> rows) {
    }

    @JsonPropertyOrder({"row", "prediction", "explained", "output", "base", "others", "top"})
    record Row(int row, String prediction, String explained, double output, Double base, double others,
               List<Explainer.Contribution> top) {
    }

    public static String render(Explainer.Result result) {
        List<Row> rows = result.rows().stream().map(r -> new Row(r.row(), r.prediction(), r.explained(), r.output(),
                Double.isNaN(r.base()) ? null : r.base(), r.others(), r.top())).toList();
        return Json.write(new Document(result.method(), result.additive(), rows)) + "\n";
    }

    public static void write(Path file, Explainer.Result result) {
        Json.writeAtomically(file, render(result).getBytes(StandardCharsets.UTF_8));
    }
}
