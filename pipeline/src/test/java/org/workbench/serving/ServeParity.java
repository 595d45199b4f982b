package org.workbench.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.workbench.data.Predictions;
import org.workbench.deployment.BatchScorer;
import org.workbench.deployment.Bundle;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The same rows give the same answers through serve and predict: a bundle is served on a free
 * loopback port and sent a CSV file twice, as the CSV body itself and as JSON rows (the typed cells
 * predict read, missing as null); both answers must equal what {@link BatchScorer} (predict) gives.
 */
public final class ServeParity {
    private ServeParity() {
    }

    public static void check(Bundle bundle, Path bundleFile, Path csv) throws IOException, InterruptedException {
        BatchScorer.Result predicted = BatchScorer.score(bundle, csv);
        Predictions expected = predicted.predictions();
        boolean probabilities = expected.hasProbabilities();
        ServeOptions options = ServeOptions.loopback(0).withMaxBody(256L * 1024 * 1024);
        try (ModelServer server = ModelServer.start(bundle, bundleFile, options, List.of(), new PrintWriter(new StringWriter()))) {
            HttpClient client = HttpClient.newHttpClient();
            String query = probabilities ? "?probabilities=true" : "";
            HttpResponse<String> viaCsv = client.send(HttpRequest.newBuilder(URI.create(server.url() + "/invocations" + query))
                    .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofByteArray(Files.readAllBytes(csv))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, viaCsv.statusCode(), viaCsv.body());
            assertSame(expected, probabilities, viaCsv.body(), csv + " as text/csv");

            ObjectNode request = JsonNodeFactory.instance.objectNode();
            request.set("dataframe_split", split(predicted.rows()));
            if (probabilities) {
                request.putObject("params").put("probabilities", true);
            }
            HttpResponse<String> viaJson = client.send(HttpRequest.newBuilder(URI.create(server.url() + "/invocations"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(ModelServer.OUT.writeValueAsString(request))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, viaJson.statusCode(), viaJson.body());
            assertSame(expected, probabilities, viaJson.body(), csv + " as JSON");
        }
    }

    /** The raw rows as pandas' split orient: numbers as numbers, text as text, missing as null. */
    static ObjectNode split(Table rows) {
        ObjectNode split = JsonNodeFactory.instance.objectNode();
        ArrayNode columns = split.putArray("columns");
        rows.columnNames().forEach(columns::add);
        ArrayNode data = split.putArray("data");
        for (int r = 0; r < rows.rowCount(); r++) {
            ArrayNode row = data.addArray();
            for (Column<?> column : rows.columns()) {
                if (column instanceof DoubleColumn d) {
                    double v = d.getDouble(r);
                    if (Double.isNaN(v)) {
                        row.addNull();
                    } else {
                        row.add(v);
                    }
                } else {
                    String v = column.getString(r);
                    if (v.isEmpty()) {
                        row.addNull();
                    } else {
                        row.add(v);
                    }
                }
            }
        }
        return split;
    }

    /** Every prediction (label or value) and every probability equal, to the last bit. */
    static void assertSame(Predictions expected, boolean probabilities, String body, String what) throws IOException {
        JsonNode predictions = ModelServer.OUT.readTree(body).path("predictions");
        assertEquals(expected.size(), predictions.size(), what);
        for (int i = 0; i < expected.size(); i++) {
            JsonNode p = predictions.get(i);
            if (probabilities) {
                assertEquals(expected.labels()[i], p.path("prediction").asText(), what + " row " + (i + 1));
                for (int c = 0; c < expected.classes().size(); c++) {
                    assertEquals(expected.probabilities()[i][c], p.path("prob_" + expected.classes().get(c)).doubleValue(),
                            what + " row " + (i + 1));
                }
            } else if (expected.labels() != null) {
                assertEquals(expected.labels()[i], p.asText(), what + " row " + (i + 1));
            } else {
                assertEquals(expected.values()[i], p.doubleValue(), what + " row " + (i + 1));
            }
        }
    }
}
