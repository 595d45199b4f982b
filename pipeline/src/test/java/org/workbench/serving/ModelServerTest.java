package org.workbench.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.workbench.collection.FileHash;
import org.workbench.core.InputException;
import org.workbench.data.Predictions;
import org.workbench.deployment.Bundle;
import tech.tablesaw.api.Table;

/** The server on a free loopback port: every endpoint, every refusal, and that it keeps serving after each. */
class ModelServerTest {
    static final String ROW = "{\"Pclass\": 3, \"Sex\": \"male\", \"Age\": 22, \"SibSp\": 1, \"Parch\": 0, \"Fare\": 7.25, \"Embarked\": \"S\"}";
    static final String ROW2 = "{\"Pclass\": \"1\", \"Sex\": \"female\", \"Age\": null, \"SibSp\": 0, \"Parch\": 0, \"Fare\": 80, \"Embarked\": \"C\"}";
    static final HttpClient CLIENT = HttpClient.newHttpClient();

    static Path bundleFile;
    static Bundle bundle;
    static ModelServer server;
    static StringWriter log = new StringWriter();
    static final AtomicInteger OBSERVED = new AtomicInteger();

    /** A monitor as a drift monitor would be: a gauge, an endpoint, and every scored request. */
    static final Monitor COUNTING = new Monitor() {
        @Override
        public void observe(Table rawRows, Predictions predictions) {
            assertEquals(rawRows.rowCount(), predictions.size());
            OBSERVED.addAndGet(rawRows.rowCount());
        }

        @Override
        public void register(MeterRegistry registry) {
            Gauge.builder("test.observed.rows", OBSERVED, AtomicInteger::get).register(registry);
        }

        @Override
        public String name() {
            return "observed";
        }

        @Override
        public Object status() {
            return Map.of("rows", OBSERVED.get());
        }
    };

    @BeforeAll
    static void start() {
        bundleFile = Bundles.of("titanic");
        bundle = Bundle.read(bundleFile);
        server = ModelServer.start(bundle, bundleFile, ServeOptions.loopback(0).withMaxBody(4096), List.of(COUNTING), new PrintWriter(log, true));
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    static HttpResponse<String> post(String type, String body) throws IOException, InterruptedException {
        return post("/invocations", type, body, null);
    }

    static HttpResponse<String> post(String path, String type, String body, String token) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url() + path)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (type != null) {
            b.header("Content-Type", type);
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(server.url() + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> response) throws IOException {
        assertEquals("application/json", ModelServer.mediaType(response.headers().firstValue("Content-Type").orElse("")), response.body());
        return ModelServer.OUT.readTree(response.body());
    }

    /** A refusal: the status, a JSON body with the code and a message holding every expected part, and no stack trace. */
    static void refused(HttpResponse<String> response, int status, String code, String... parts) throws IOException, InterruptedException {
        assertEquals(status, response.statusCode(), response.body());
        JsonNode body = json(response);
        assertEquals(code, body.path("error_code").asText(), response.body());
        for (String part : parts) {
            assertTrue(body.path("message").asText().contains(part), part + " not in " + response.body());
        }
        assertFalse(response.body().contains("\tat ") || response.body().contains("Exception"), response.body());
        // and the server keeps serving
        assertEquals(200, post("application/json", "{\"instances\": [" + ROW + "]}").statusCode());
    }

    @Test
    void theThreeJsonFormsAndCsvGiveTheSameAnswers() throws Exception {
        JsonNode records = json(post("application/json", "{\"dataframe_records\": [" + ROW + ", " + ROW2 + "]}"));
        JsonNode instances = json(post("application/json; charset=utf-8", "{\"instances\": [" + ROW + ", " + ROW2 + "]}"));
        JsonNode split = json(post("application/json", "{\"dataframe_split\": {\"columns\": [\"Embarked\", \"Fare\", \"Parch\", \"SibSp\","
                + " \"Age\", \"Sex\", \"Pclass\"], \"index\": [0, 1], \"data\": [[\"S\", 7.25, 0, 1, 22, \"male\", 3],"
                + " [\"C\", 80, 0, 0, null, \"female\", 1]]}}"));
        JsonNode csv = json(post("text/csv", "Pclass,Sex,Age,SibSp,Parch,Fare,Embarked\n3,male,22,1,0,7.25,S\n1,female,,0,0,80,C\n"));
        assertEquals(2, records.path("predictions").size(), records.toString());
        assertEquals(records, instances);
        assertEquals(records, split);
        assertEquals(records, csv);
        // the second passenger (first class, female) survives; the first does not
        assertEquals("[\"0\",\"1\"]", records.path("predictions").toString());
    }

    @Test
    void probabilitiesWhenAskedForInJsonParamsOrTheCsvQuery() throws Exception {
        JsonNode p = json(post("application/json", "{\"instances\": [" + ROW + "], \"params\": {\"probabilities\": true}}")).path("predictions").get(0);
        assertEquals("0", p.path("prediction").asText());
        assertEquals(1.0, p.path("prob_0").doubleValue() + p.path("prob_1").doubleValue(), 1e-9);
        assertTrue(p.path("prob_0").doubleValue() > 0.5, p.toString());
        JsonNode viaCsv = json(post("/invocations?probabilities=true", "text/csv", "Pclass,Sex,Age,SibSp,Parch,Fare,Embarked\n3,male,22,1,0,7.25,S\n", null));
        assertEquals(p, viaCsv.path("predictions").get(0));
        refused(post("/invocations?probabilities=maybe", "text/csv", "Pclass,Sex,Age,SibSp,Parch,Fare,Embarked\n3,male,22,1,0,7.25,S\n", null),
                400, "INVALID_PARAMETER_VALUE", "probabilities must be true or false");
    }

    @Test
    void sameAnswersAsPredictOnEveryTitanicRow() throws Exception {
        // 891 rows are more than this server's 4 KB body limit: ServeParity starts its own server
        ServeParity.check(bundle, bundleFile, Path.of("../datasets/titanic/data.csv"));
    }

    @Test
    void badRowsNameTheRowAndColumn() throws Exception {
        refused(post("application/json", "{\"instances\": [" + ROW + ", {\"Pclass\": 3, \"Sex\": \"male\", \"Age\": \"old\", \"SibSp\": 1,"
                + " \"Parch\": 0, \"Fare\": 7.25, \"Embarked\": \"S\"}]}"), 400, "INVALID_PARAMETER_VALUE", "row 2", "column 'Age'", "\"old\"");
        refused(post("application/json", "{\"instances\": [{\"Pclass\": 3, \"Sex\": \"male\", \"Agee\": 22, \"SibSp\": 1, \"Parch\": 0,"
                + " \"Fare\": 7.25, \"Embarked\": \"S\"}]}"), 400, "INVALID_PARAMETER_VALUE", "missing column 'Age'", "did you mean 'Agee'");
        refused(post("application/json", "{\"dataframe_records\": [" + ROW + ", {\"Pclass\": 3}]}"), 400, "INVALID_PARAMETER_VALUE",
                "row 2 has no column 'Sex'");
        refused(post("application/json", "{\"instances\": [" + ROW.replace("\"S\"", "[\"S\"]") + "]}"), 400, "INVALID_PARAMETER_VALUE",
                "row 1, column 'Embarked'", "got list");
        refused(post("application/json", "{\"dataframe_split\": {\"columns\": [\"Pclass\"], \"data\": [[3, 4]]}}"), 400,
                "INVALID_PARAMETER_VALUE", "row 1 has 2 values, expected 1");
        refused(post("application/json", "{\"instances\": []}"), 400, "INVALID_PARAMETER_VALUE", "no rows");
        refused(post("application/json", "{\"instances\": [" + ROW + "], \"params\": {\"probabilities\": \"yes\"}}"), 400,
                "INVALID_PARAMETER_VALUE", "params.probabilities must be true or false");
        refused(post("application/json", "{\"instances\": [" + ROW + "], \"params\": {\"threshold\": 0.3}}"), 400,
                "INVALID_PARAMETER_VALUE", "unknown parameter 'threshold'");
        refused(post("text/csv", "Pclass,Sex,SibSp,Parch,Fare,Embarked\n3,male,1,0,7.25,S\n"), 400, "INVALID_PARAMETER_VALUE",
                "CSV body", "missing column [Age]");
        refused(post("text/csv", "Pclass,Sex,Age,SibSp,Parch,Fare,Embarked\n3,male,22,1,0\n"), 400, "INVALID_PARAMETER_VALUE",
                "CSV body", "line 2 has 5 fields, expected 7");
    }

    @Test
    void unreadableBodiesAreMalformed() throws Exception {
        refused(post("application/json", ""), 400, "MALFORMED_REQUEST", "empty");
        refused(post("application/json", "  \n"), 400, "MALFORMED_REQUEST", "empty");
        refused(post("text/csv", ""), 400, "MALFORMED_REQUEST", "empty");
        refused(post("application/json", "{\"instances\": [" + ROW), 400, "MALFORMED_REQUEST", "malformed JSON", "line 1");
        refused(post("application/json", "[" + ROW + "]"), 400, "MALFORMED_REQUEST", "must be a JSON object", "not a list");
        refused(post("application/json", "{\"rows\": [" + ROW + "]}"), 400, "MALFORMED_REQUEST", "unknown field 'rows'");
        refused(post("application/json", "{\"instances\": [" + ROW + "], \"dataframe_records\": [" + ROW + "]}"), 400,
                "MALFORMED_REQUEST", "one form of rows");
        refused(post("application/json", "{\"instances\": [[3, \"male\"]]}"), 400, "MALFORMED_REQUEST", "use dataframe_split");
        refused(post("application/json", "{\"instances\": [{\"Age\": 1, \"Age\": 2}]}"), 400, "MALFORMED_REQUEST", "Duplicate field 'Age'");
    }

    @Test
    void statusCodesForSizeTypePathAndMethod() throws Exception {
        refused(post("application/json", "{\"instances\": [" + (ROW + ",").repeat(60) + ROW + "]}"), 413, "REQUEST_TOO_LARGE", "4096 bytes");
        refused(post("text/plain", "x"), 415, "UNSUPPORTED_MEDIA_TYPE", "text/plain", "application/json");
        refused(post(null, "{}"), 415, "UNSUPPORTED_MEDIA_TYPE", "no Content-Type");
        refused(get("/predict"), 404, "ENDPOINT_NOT_FOUND", "GET /predict", "/invocations");
        refused(get("/invocations"), 405, "METHOD_NOT_ALLOWED", "use POST");
        refused(post("/metadata", "application/json", "{}", null), 405, "METHOD_NOT_ALLOWED", "use GET");
    }

    @Test
    void probesVersionAndMetadata() throws Exception {
        assertEquals(200, get("/ping").statusCode());
        JsonNode health = json(get("/health"));
        assertEquals("ok", health.path("status").asText());
        assertEquals("titanic", health.path("model").asText());
        JsonNode version = json(get("/version"));
        assertFalse(version.path("serving").path("workbench").asText().isEmpty(), version.toString());
        assertEquals(bundle.manifest().versions().get("tribuo"), version.path("trained_with").path("tribuo").asText());

        JsonNode m = json(get("/metadata"));
        assertEquals("classification", m.path("task").asText());
        assertEquals("Survived", m.path("target").asText());
        assertEquals("[\"0\",\"1\"]", m.path("classes").toString());
        assertTrue(m.has("threshold"), m.toString());
        JsonNode sex = column(m, "Sex");
        assertEquals("categorical", sex.path("type").asText());
        assertTrue(sex.path("required").asBoolean());
        assertEquals("[\"female\",\"male\"]", sex.path("levels").toString());
        assertEquals("numeric", column(m, "Age").path("type").asText());
        assertFalse(column(m, "Name").path("required").asBoolean(), "dropped by the recipe");
        assertEquals(bundle.manifest().testMetrics().get("accuracy"), m.path("training_metrics").path("test").path("accuracy").doubleValue());
        assertEquals(bundle.manifest().dataSha256(), m.path("data").path("sha256").asText());
        assertEquals(FileHash.sha256(bundleFile), m.path("bundle").path("sha256").asText());
    }

    private static JsonNode column(JsonNode metadata, String name) {
        for (JsonNode c : metadata.path("input_columns")) {
            if (c.path("name").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no input column " + name + " in " + metadata);
    }

    @Test
    void metricsMonitorAndAccessLog() throws Exception {
        int before = OBSERVED.get();
        assertEquals(200, post("application/json", "{\"instances\": [" + ROW + ", " + ROW2 + "]}").statusCode());
        assertTrue(OBSERVED.get() >= before + 2);
        assertTrue(json(get("/observed")).path("rows").asInt() >= 2);
        assertEquals(415, post("text/plain", "x").statusCode());
        HttpResponse<String> metrics = get("/metrics");
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"), metrics.headers().toString());
        String text = metrics.body();
        for (String line : List.of("workbench_http_requests_seconds_bucket{endpoint=\"/invocations\",method=\"POST\",model=\"titanic\",status=\"200\",le=",
                "workbench_http_requests_seconds_count{endpoint=\"/invocations\",method=\"POST\",model=\"titanic\",status=\"415\"}",
                "workbench_rows_scored_total{model=\"titanic\"}", "workbench_predictions_total{class=\"1\",model=\"titanic\"}",
                "test_observed_rows{model=\"titanic\"}", "jvm_memory_used_bytes")) {
            assertTrue(text.contains(line), line + " not in /metrics");
        }
        String access = log.toString();
        assertTrue(access.lines().anyMatch(l -> l.matches("POST /invocations 200 rows=2 \\d+\\.\\d\\dms")), access);
        assertTrue(access.lines().anyMatch(l -> l.matches("POST /invocations 415 rows=- \\d+\\.\\d\\dms")), access);
    }

    @Test
    void theDriftMonitorServesItsWindowAtDriftAndInMetrics() throws Exception {
        Monitor drift = DriftMonitor.of(bundle, 50).orElseThrow();
        try (ModelServer s = ModelServer.start(bundle, bundleFile, ServeOptions.loopback(0), List.of(drift), new PrintWriter(new StringWriter()))) {
            // 40 men in third class: Sex and Pclass move far from the training shares
            String rows = String.join(", ", java.util.Collections.nCopies(40, ROW));
            HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create(s.url() + "/invocations"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"instances\": [" + rows + "]}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            HttpResponse<String> window = CLIENT.send(HttpRequest.newBuilder(URI.create(s.url() + "/drift")).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode status = json(window);
            assertEquals(40, status.get("rows").asInt(), window.body());
            assertEquals(50, status.get("window").asInt());
            JsonNode sex = null;
            for (JsonNode c : status.get("columns")) {
                if (c.get("name").asText().equals("Sex")) {
                    sex = c;
                }
            }
            assertEquals("drifted", sex.get("status").asText(), window.body());
            String metrics = CLIENT.send(HttpRequest.newBuilder(URI.create(s.url() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(metrics.contains("workbench_drift_window_rows{model=\"titanic\"} 40.0"), metrics);
            assertTrue(metrics.contains("workbench_drift_psi{column=\"Sex\",model=\"titanic\"}"), metrics);
            assertTrue(metrics.contains("workbench_drift_detected{model=\"titanic\"}"), metrics);
        }
    }

    @Test
    void aMonitorThatFailsIsCountedAndTheRequestStillAnswered() throws Exception {
        Monitor failing = (rows, predictions) -> {
            throw new IllegalStateException("window full");
        };
        StringWriter out = new StringWriter();
        try (ModelServer s = ModelServer.start(bundle, bundleFile, ServeOptions.loopback(0), List.of(failing), new PrintWriter(out, true))) {
            HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create(s.url() + "/invocations"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"instances\": [" + ROW + "]}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            String metrics = CLIENT.send(HttpRequest.newBuilder(URI.create(s.url() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(metrics.contains("workbench_monitor_errors_total{model=\"titanic\"} 1.0"), metrics);
            assertTrue(out.toString().contains("failed: java.lang.IllegalStateException: window full"), out.toString());
        }
    }

    @Test
    void anErrorIsAOneLine500AndTheServerGoesOn() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        Monitor broken = (rows, predictions) -> {
            if (calls.incrementAndGet() == 1) {
                throw new StackOverflowError("deep");
            }
        };
        StringWriter out = new StringWriter();
        try (ModelServer s = ModelServer.start(bundle, bundleFile, ServeOptions.loopback(0), List.of(broken), new PrintWriter(out, true))) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(s.url() + "/invocations")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"instances\": [" + ROW + "]}")).build();
            HttpResponse<String> failed = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            assertEquals(500, failed.statusCode(), failed.body());
            assertEquals("INTERNAL_ERROR", json(failed).path("error_code").asText());
            assertTrue(json(failed).path("message").asText().contains("StackOverflowError: deep"), failed.body());
            assertFalse(out.toString().contains("\tat "), out.toString());
            assertEquals(200, CLIENT.send(request, HttpResponse.BodyHandlers.ofString()).statusCode());
        }
    }

    @Test
    void aTokenGuardsEverythingButTheProbes() throws Exception {
        try (ModelServer s = ModelServer.start(bundle, bundleFile, ServeOptions.loopback(0).withToken("s3cret"), List.of(),
                new PrintWriter(new StringWriter()))) {
            ModelServer saved = server;
            server = s;
            try {
                String body = "{\"instances\": [" + ROW + "]}";
                HttpResponse<String> none = post("/invocations", "application/json", body, null);
                assertEquals(401, none.statusCode());
                assertEquals("UNAUTHENTICATED", json(none).path("error_code").asText());
                assertEquals("Bearer", none.headers().firstValue("WWW-Authenticate").orElse(""));
                assertEquals(401, post("/invocations", "application/json", body, "guess").statusCode());
                assertEquals(401, get("/metadata").statusCode());
                assertEquals(200, post("/invocations", "application/json", body, "s3cret").statusCode());
                assertEquals(200, get("/ping").statusCode());
                assertEquals(200, get("/health").statusCode());
            } finally {
                server = saved;
            }
        }
    }

    @Test
    void stopLetsARequestInFlightFinishThenRefusesConnections() throws Exception {
        CountDownLatch inFlight = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Monitor slow = (rows, predictions) -> {
            inFlight.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        ModelServer s = ModelServer.start(bundle, bundleFile, ServeOptions.loopback(0), List.of(slow), new PrintWriter(new StringWriter()));
        URI url = URI.create(s.url() + "/invocations");
        CompletableFuture<HttpResponse<String>> answer = CLIENT.sendAsync(HttpRequest.newBuilder(url).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"instances\": [" + ROW + "]}")).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(inFlight.await(10, TimeUnit.SECONDS));
        CompletableFuture<Void> stopping = CompletableFuture.runAsync(s::stop);
        Thread.sleep(200); // the stop has begun and is waiting for the request
        assertFalse(stopping.isDone());
        release.countDown();
        HttpResponse<String> r = answer.get(10, TimeUnit.SECONDS);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("{\"predictions\":[\"0\"]}", r.body());
        stopping.get(10, TimeUnit.SECONDS);
        var refused = assertThrows(java.util.concurrent.ExecutionException.class, () -> CLIENT.sendAsync(HttpRequest.newBuilder(url)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString()).get(10, TimeUnit.SECONDS));
        assertTrue(refused.getCause() instanceof ConnectException, String.valueOf(refused.getCause()));
    }

    @Test
    void aRegressionModelRefusesProbabilities() throws Exception {
        Path file = Bundles.of("auto_mpg");
        Bundle regression = Bundle.read(file);
        try (ModelServer s = ModelServer.start(regression, file, ServeOptions.loopback(0), List.of(), new PrintWriter(new StringWriter()))) {
            ModelServer saved = server;
            server = s;
            try {
                String csv = java.nio.file.Files.readAllLines(Path.of("../datasets/auto_mpg/data.csv")).subList(0, 3).stream()
                        .map(line -> line + "\n").collect(java.util.stream.Collectors.joining());
                JsonNode values = json(post("text/csv", csv)).path("predictions");
                assertEquals(2, values.size());
                assertTrue(values.get(0).isNumber(), values.toString());
                HttpResponse<String> r = post("/invocations?probabilities=true", "text/csv", csv, null);
                assertEquals(400, r.statusCode());
                assertTrue(json(r).path("message").asText().contains("gives no class probabilities"), r.body());
                assertTrue(get("/metrics").body().contains("workbench_predicted_value_count{model=\"auto_mpg\"} 2"));
            } finally {
                server = saved;
            }
        }
    }

    @Test
    void optionsRefuseAnOpenHostWithoutTokenAndReadSizes() {
        InputException open = assertThrows(InputException.class,
                () -> new ServeOptions("0.0.0.0", 8080, 1024, null, false, ServeOptions.DEFAULT_STOP_TIMEOUT));
        assertTrue(open.getMessage().contains("--token-file"), open.getMessage());
        assertNotNull(new ServeOptions("0.0.0.0", 8080, 1024, null, true, ServeOptions.DEFAULT_STOP_TIMEOUT));
        assertNotNull(new ServeOptions("0.0.0.0", 8080, 1024, "t", false, ServeOptions.DEFAULT_STOP_TIMEOUT));
        assertTrue(ServeOptions.isLoopback("localhost") && ServeOptions.isLoopback("127.0.0.2") && ServeOptions.isLoopback("::1"));
        assertEquals(10L * 1024 * 1024, ServeOptions.parseSize("10MB"));
        assertEquals(512L * 1024, ServeOptions.parseSize("512kb"));
        assertEquals(1000, ServeOptions.parseSize("1000"));
        assertThrows(InputException.class, () -> ServeOptions.parseSize("ten"));
        assertThrows(InputException.class, () -> ServeOptions.loopback(70_000));
    }

    @Test
    void aTakenPortIsOneLine() {
        InputException taken = assertThrows(InputException.class, () -> ModelServer.start(bundle, bundleFile,
                ServeOptions.loopback(server.port()), List.of(), new PrintWriter(new StringWriter())));
        assertTrue(taken.getMessage().startsWith("cannot listen on 127.0.0.1:" + server.port()), taken.getMessage());
        assertFalse(taken.getMessage().contains("\n"));
    }
}
