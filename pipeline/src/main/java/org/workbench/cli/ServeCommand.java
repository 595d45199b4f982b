package org.workbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.workbench.core.InputException;
import org.workbench.deployment.Bundle;
import org.workbench.serving.DriftMonitor;
import org.workbench.serving.ModelServer;
import org.workbench.serving.Monitor;
import org.workbench.serving.ServeOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve a model bundle over HTTP with the MLflow scoring protocol: POST /invocations (JSON"
                + " dataframe_split, dataframe_records or instances; or text/csv), GET /ping, /health, /version, /metadata,"
                + " /metrics (Prometheus). Rows are scored exactly as predict scores them. Runs until Ctrl-C or SIGTERM,"
                + " which lets requests in flight finish. One access-log line per request on stderr.",
        footer = {"", "Example:",
                "  workbench serve --model reports/titanic/<run>/model.bundle --port 8080",
                "  curl -s localhost:8080/invocations -H 'Content-Type: application/json' \\",
                "    -d '{\"dataframe_records\": [{\"Pclass\": 3, \"Sex\": \"male\", \"Age\": 22, \"SibSp\": 1, \"Parch\": 0, \"Fare\": 7.25, \"Embarked\": \"S\"}]}'",
                "", "Another host than loopback needs a bearer token (--token-file, or the environment variable "
                + "WORKBENCH_TOKEN), or --insecure."})
final class ServeCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "BUNDLE", description = "model.bundle from a run folder")
    Path model;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = ServeOptions.DEFAULT_HOST,
            description = "address to listen on (default: ${DEFAULT-VALUE}, this machine only)")
    String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080", description = "port (default: ${DEFAULT-VALUE}; 0: any free port)")
    int port;

    @Option(names = "--max-body", paramLabel = "SIZE", defaultValue = "10MB",
            description = "largest request body, e.g. 10MB, 512KB (default: ${DEFAULT-VALUE}); larger ones get 413")
    String maxBody;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "file whose first line is the bearer token clients must send (default: the environment variable WORKBENCH_TOKEN, if set)")
    Path tokenFile;

    @Option(names = "--insecure", description = "allow a non-loopback --host without a token (prints a warning)")
    boolean insecure;

    @Option(names = "--drift-window", paramLabel = "ROWS", defaultValue = "1000",
            description = "rows the drift monitor keeps, the last scored (default: ${DEFAULT-VALUE}; 0: no monitor); served at /drift and in /metrics")
    int driftWindow;

    @Mixin
    OutputOptions options;

    @Override
    public Integer call() throws InterruptedException {
        PredictArguments.check(model, null);
        String token = TokenSource.read(tokenFile, System.getenv(TokenSource.ENV));
        ServeOptions settings = new ServeOptions(host, port, ServeOptions.parseSize(maxBody), token, insecure,
                ServeOptions.DEFAULT_STOP_TIMEOUT);
        SetUp.tables();
        Bundle bundle = Bundle.read(model);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter accessLog = options.quiet ? new PrintWriter(java.io.Writer.nullWriter()) : err;
        if (token == null && !ServeOptions.isLoopback(host)) {
            err.println("warning: --insecure: serving on " + host + " without a token; anyone who can reach this port can use the model");
        }
        if (driftWindow < 0) {
            throw new InputException("--drift-window: " + driftWindow + " is negative; give a row count, or 0 for no drift monitor");
        }
        java.util.Optional<Monitor> drift = driftWindow == 0 ? java.util.Optional.empty() : DriftMonitor.of(bundle, driftWindow);
        if (driftWindow > 0 && drift.isEmpty()) {
            err.println("note: this bundle holds no training profile (written before drift monitoring), so /drift is off;"
                    + " run its config again for a bundle that has one");
        }
        List<Monitor> monitors = drift.stream().toList();
        ModelServer server = ModelServer.start(bundle, model, settings, monitors, accessLog);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.stop(); // waits for requests in flight, at most the stop timeout
                err.println("stopped");
            } catch (RuntimeException e) {
                err.println("error: stopping the server: " + ErrorHandler.oneLine(e.toString()));
            }
            err.flush();
            stopped.countDown();
        }, "serve-stop"));
        out.println("serving " + bundle.manifest().name() + " (" + bundle.manifest().task() + ", " + bundle.manifest().model()
                + ") at " + server.url() + "/invocations" + (token == null ? "" : " (bearer token required)"));
        out.println("metadata: " + server.url() + "/metadata; metrics: " + server.url() + "/metrics; stop with Ctrl-C");
        out.flush();
        stopped.await();
        return ErrorHandler.OK;
    }

    /** Where the bearer token comes from: --token-file, else the environment variable. */
    static final class TokenSource {
        static final String ENV = "WORKBENCH_TOKEN";

        private TokenSource() {
        }

        static String read(Path file, String environment) {
            if (file == null) {
                return environment == null || environment.isBlank() ? null : environment.strip();
            }
            try {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                String first = lines.isEmpty() ? "" : lines.get(0).strip();
                if (first.isEmpty()) {
                    throw new InputException("--token-file " + file + ": the first line is empty; put the token there");
                }
                return first;
            } catch (NoSuchFileException e) {
                throw new InputException("--token-file " + file + ": file not found");
            } catch (IOException e) {
                throw new InputException("--token-file " + file + ": cannot read it: " + e.getMessage());
            }
        }
    }
}
