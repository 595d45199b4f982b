package org.workbench.serving;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.util.JavalinBindException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.workbench.core.InputException;
import org.workbench.data.Predictions;
import org.workbench.deployment.Bundle;

/**
 * A model bundle behind HTTP: Javalin on Jetty, the MLflow scoring protocol at
 * {@code POST /invocations}, {@code /ping}, {@code /health}, {@code /version}, {@code /metadata} and
 * Prometheus {@code /metrics}, plus one JSON endpoint per named {@link Monitor}. Every refusal is a
 * JSON body {@code {"error_code", "message"}} with a 4xx status and no stack trace; an unexpected
 * failure is a 500 with one line, and the server keeps serving. One access-log line per request.
 * Stopping waits for requests in flight (Jetty's graceful stop, bounded by the options' timeout).
 * Access-log line: {@code POST /invocations 200 rows=1 0.41ms} (method, path, status, rows scored, milliseconds).
 */
public final class ModelServer implements AutoCloseable {
    // Javalin and Jetty log their start-up at INFO through java.util.logging; held in fields so the levels stick
    private static final Logger JAVALIN = Logger.getLogger("io.javalin");
    private static final Logger JETTY = Logger.getLogger("org.eclipse.jetty");

    static {
        JAVALIN.setLevel(Level.WARNING);
        JETTY.setLevel(Level.WARNING);
    }

    static final String JSON = "application/json";
    static final String CSV = "text/csv";
    private static final String ROWS = "workbench.rows";
    /** Probes must work without the token: they say only whether the server is up. */
    private static final Set<String> OPEN = Set.of("/ping", "/health");
    static final ObjectMapper OUT = JsonMapper.builder().build();

    private final Scorer scorer;
    private final ServeOptions options;
    private final List<Monitor> monitors;
    private final PrintWriter log;
    private final ServingMetrics metrics;
    private final Metadata metadata;
    private final Path spool;
    private final Set<String> endpoints;
    private final long startedMillis = System.currentTimeMillis();
    private final AtomicLong scoredRequests = new AtomicLong();
    private final Javalin app;
    private boolean stopped;

    private ModelServer(Bundle bundle, Path bundleFile, ServeOptions options, List<Monitor> monitors, PrintWriter log) {
        this.options = options;
        this.monitors = List.copyOf(monitors);
        this.log = log;
        try {
            this.spool = Files.createTempDirectory("workbench-serve-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder for CSV bodies: " + e.getMessage(), e);
        }
        this.scorer = new Scorer(bundle, spool);
        this.metadata = new Metadata(bundle, bundleFile, scorer.schema());
        this.metrics = new ServingMetrics(bundle.manifest().name());
        List<String> paths = new ArrayList<>(List.of("/invocations", "/ping", "/health", "/version", "/metadata", "/metrics"));
        for (Monitor m : this.monitors) {
            m.register(metrics.registry());
            if (m.name() != null) {
                paths.add("/" + m.name());
            }
        }
        this.endpoints = Set.copyOf(paths);
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.startup.startupWatcherEnabled = false;
            config.jetty.host = options.host();
            config.jetty.port = options.port();
            config.http.maxRequestSize = options.maxBodyBytes();
            config.http.prefer405over404 = true;
            config.jetty.modifyServer(server -> {
                // requests in flight finish before the connectors close, for at most the stop timeout
                server.insertHandler(new GracefulHandler());
                server.setStopTimeout(options.stopTimeout().toMillis());
            });
            config.routes.before(this::authenticate);
            config.routes.post("/invocations", this::invocations);
            // the bundle is read before the port is bound, so a server that answers is ready; while it stops, Jetty's
            // GracefulHandler answers new requests with 503 itself
            config.routes.get("/ping", ctx -> ctx.contentType(JSON).result("{}"));
            config.routes.get("/health", ctx -> json(ctx, health()));
            config.routes.get("/version", ctx -> json(ctx, metadata.versions()));
            config.routes.get("/metadata", ctx -> json(ctx, metadata.document()));
            config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
            for (Monitor m : this.monitors) {
                if (m.name() != null) {
                    config.routes.get("/" + m.name(), ctx -> json(ctx, m.status()));
                }
            }
            config.routes.exception(BadRequest.class, (e, ctx) -> error(ctx, e.status(), e.code(), e.getMessage()));
            config.routes.exception(InputException.class, (e, ctx) -> error(ctx, 400, BadRequest.INVALID_VALUE, oneLine(e.getMessage())));
            config.routes.exception(HttpResponseException.class, this::httpError);
            config.routes.exception(Exception.class, (e, ctx) -> {
                log.println("internal error on " + ctx.method() + " " + ctx.path() + ": " + oneLine(e.toString()));
                error(ctx, 500, "INTERNAL_ERROR", "internal error: " + oneLine(e.toString()));
            });
            config.router.javaLangErrorHandler((response, error) -> {
                // an Error (a library's StackOverflowError, say): one line in the log and a JSON 500, not Javalin's stack trace
                log.println("internal error: " + oneLine(error.toString()));
                response.setStatus(500);
                response.setContentType(JSON);
                try {
                    response.getOutputStream().write(OUT.writeValueAsBytes(Map.of("error_code", "INTERNAL_ERROR",
                            "message", "internal error: " + oneLine(error.toString()))));
                } catch (IOException e) {
                    log.println("could not answer: " + e.getMessage());
                }
            });
            config.requestLogger.http(this::logRequest);
        });
    }

    /**
     * Starts serving {@code bundle} (read from {@code bundleFile}) and returns once the port is bound.
     *
     * @throws InputException when the port is taken or the host cannot be bound
     */
    public static ModelServer start(Bundle bundle, Path bundleFile, ServeOptions options, List<Monitor> monitors, PrintWriter log) {
        ModelServer server = new ModelServer(bundle, bundleFile, options, monitors, log);
        try {
            server.app.start();
        } catch (JavalinBindException e) {
            server.deleteSpool();
            throw new InputException("cannot listen on " + options.host() + ":" + options.port() + ": " + oneLine(e.getMessage())
                    + "; choose another --port");
        } catch (RuntimeException e) {
            server.deleteSpool();
            throw new InputException("cannot listen on " + options.host() + ":" + options.port() + ": "
                    + oneLine(String.valueOf(e.getCause() == null ? e.getMessage() : e.getCause().getMessage())));
        }
        return server;
    }

    public int port() {
        return app.port();
    }

    public String url() {
        String host = options.host().contains(":") ? "[" + options.host() + "]" : options.host();
        return "http://" + host + ":" + port();
    }

    /** Stops accepting requests, lets those in flight finish (bounded by the stop timeout), then closes. Idempotent. */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            app.stop();
        } finally {
            deleteSpool();
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void invocations(Context ctx) throws IOException {
        String type = mediaType(ctx.contentType());
        if (!type.equals(JSON) && !type.equals(CSV)) {
            throw new BadRequest(415, "UNSUPPORTED_MEDIA_TYPE", (type.isEmpty() ? "no Content-Type" : "Content-Type " + type)
                    + " is not supported; send application/json (dataframe_split, dataframe_records or instances) or text/csv");
        }
        byte[] body = body(ctx);
        if (isBlank(body)) {
            throw BadRequest.malformed("the request body is empty; send rows to score");
        }
        Scorer.Scored scored = type.equals(JSON) ? scorer.json(body) : scorer.csv(body, csvProbabilities(ctx));
        Predictions predictions = scored.predictions();
        ctx.attribute(ROWS, predictions.size());
        metrics.scored(predictions);
        scoredRequests.incrementAndGet();
        for (Monitor m : monitors) {
            try {
                m.observe(scored.rows(), predictions);
            } catch (RuntimeException e) {
                metrics.monitorFailed();
                log.println("monitor " + (m.name() == null ? m.getClass().getSimpleName() : m.name()) + " failed: " + oneLine(e.toString()));
            }
        }
        ctx.contentType(JSON).result(predictionsJson(predictions, scored.probabilities()));
    }

    /** A CSV body cannot carry params; {@code ?probabilities=true} asks for them. */
    private static boolean csvProbabilities(Context ctx) {
        String p = ctx.queryParam("probabilities");
        if (p == null || p.equalsIgnoreCase("false")) {
            return false;
        }
        if (p.equalsIgnoreCase("true")) {
            return true;
        }
        throw BadRequest.invalid("query parameter probabilities must be true or false, not '" + p + "'");
    }

    /** The body, refused with 413 past the limit: by its declared length before reading, else while reading. */
    private byte[] body(Context ctx) throws IOException {
        long limit = options.maxBodyBytes();
        long declared = ctx.req().getContentLengthLong();
        if (declared > limit) {
            throw tooLarge(declared + " bytes");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(declared > 0 ? (int) declared : 8192);
        byte[] buffer = new byte[8192];
        long total = 0;
        try (InputStream in = ctx.req().getInputStream()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                total += n;
                if (total > limit) {
                    throw tooLarge("more than " + limit + " bytes");
                }
                bytes.write(buffer, 0, n);
            }
        }
        return bytes.toByteArray();
    }

    private BadRequest tooLarge(String size) {
        return new BadRequest(413, "REQUEST_TOO_LARGE", "the body is " + size + ", over the limit of " + options.maxBodyBytes()
                + " bytes (--max-body); send the rows in smaller batches");
    }

    private void authenticate(Context ctx) {
        if (options.token() == null || OPEN.contains(ctx.path())) {
            return;
        }
        String header = ctx.header("Authorization");
        String expected = "Bearer " + options.token();
        if (header == null || !MessageDigest.isEqual(header.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8))) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new BadRequest(401, "UNAUTHENTICATED", header == null ? "this server needs the header Authorization: Bearer <token>"
                    : "the bearer token does not match");
        }
    }

    private void httpError(HttpResponseException e, Context ctx) {
        int status = e.getStatus();
        if (status == 404) {
            error(ctx, 404, "ENDPOINT_NOT_FOUND", "no endpoint " + ctx.method() + " " + ctx.path() + "; endpoints: "
                    + String.join(", ", endpoints.stream().sorted().toList()));
        } else if (status == 405) {
            error(ctx, 405, "METHOD_NOT_ALLOWED", ctx.method() + " is not allowed on " + ctx.path() + "; use "
                    + (ctx.path().equals("/invocations") ? "POST" : "GET"));
        } else if (status == 413) {
            BadRequest b = tooLarge("over the limit");
            error(ctx, 413, b.code(), b.getMessage());
        } else {
            error(ctx, status, "BAD_REQUEST", oneLine(e.getMessage()));
        }
    }

    private Map<String, Object> health() {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("status", "ok");
        h.put("model", metadata.name());
        h.put("uptime_seconds", (System.currentTimeMillis() - startedMillis) / 1000);
        h.put("requests_scored", scoredRequests.get());
        return h;
    }

    private void logRequest(Context ctx, float millis) {
        Object rows = ctx.attribute(ROWS);
        String path = ctx.path();
        metrics.request(endpoints.contains(path) ? path : "other", ctx.method().name(), ctx.statusCode(), (long) (millis * 1e6));
        // built by hand: String.format costs more than the rest of the line on a one-row request
        StringBuilder line = new StringBuilder(64).append(ctx.method().name()).append(' ').append(path).append(' ')
                .append(ctx.statusCode()).append(" rows=").append(rows == null ? "-" : rows.toString()).append(' ');
        long hundredths = Math.round(millis * 100.0);
        line.append(hundredths / 100).append('.').append(hundredths % 100 < 10 ? "0" : "").append(hundredths % 100).append("ms");
        log.println(line);
    }

    private static void json(Context ctx, Object value) throws IOException {
        ctx.contentType(JSON).result(OUT.writeValueAsBytes(value));
    }

    private static void error(Context ctx, int status, String code, String message) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error_code", code);
        body.put("message", message);
        try {
            ctx.status(status).contentType(JSON).result(OUT.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code {"predictions": [...]}}: labels (classes, clusters) or numbers; with probabilities, one
     * object per row holding {@code prediction} and {@code prob_<class>}, the columns of predict's CSV.
     */
    static byte[] predictionsJson(Predictions p, boolean probabilities) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 + 24 * p.size());
        try (JsonGenerator g = OUT.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeArrayFieldStart("predictions");
            for (int i = 0; i < p.size(); i++) {
                if (probabilities) {
                    g.writeStartObject();
                    g.writeStringField("prediction", p.labels()[i]);
                    double[] probs = p.probabilities()[i];
                    for (int c = 0; c < probs.length; c++) {
                        g.writeFieldName("prob_" + p.classes().get(c));
                        number(g, probs[c]);
                    }
                    g.writeEndObject();
                } else if (p.labels() != null) {
                    g.writeString(p.labels()[i]);
                } else {
                    number(g, p.values()[i]);
                }
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return out.toByteArray();
    }

    private static void number(JsonGenerator g, double v) throws IOException {
        if (Double.isFinite(v)) {
            g.writeNumber(v);
        } else {
            g.writeNull(); // JSON has no NaN or infinity
        }
    }

    /** "application/json; charset=utf-8" → "application/json"; none → "". */
    static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    static String oneLine(String message) {
        return message == null ? "" : String.join(" ", message.strip().lines().map(String::strip).toList());
    }

    private void deleteSpool() {
        try (Stream<Path> files = Files.walk(spool)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            log.println("could not remove " + spool + ": " + e.getMessage());
        }
    }
}
