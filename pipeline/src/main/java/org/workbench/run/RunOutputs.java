package org.workbench.run;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.workbench.stage.RunContext;
import org.workbench.stage.StageResult;
import org.workbench.core.Background;
import org.workbench.report.HtmlReport;
import org.workbench.report.RunMetrics;
import org.workbench.report.RunRecord;
import org.workbench.core.Json;
import org.workbench.core.Versions;
import org.workbench.evaluation.FinalModel;
import org.workbench.collection.CollectionStage;
import org.workbench.core.Artifact;
import org.workbench.evaluation.EvaluationStage;
import org.workbench.stage.Stage;
import org.workbench.stage.StageCache;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;

/**
 * The files of a finished run: the files stages made ({@code model.bundle}, {@code tuned.yaml}),
 * {@code run.json} (everything), {@code metrics.json} (only what is
 * deterministic: same config, data and seed give the same bytes; its {@code final} block is the
 * bundle's model on the test rows), {@code report.md} and {@code predictions.csv} (the final model's
 * prediction for every row, with its split).
 */
public final class RunOutputs {
    public static final String RUN_JSON = RunRecord.FILE;
    public static final String METRICS_JSON = "metrics.json";
    public static final String REPORT_MD = "report.md";
    public static final String PREDICTIONS_CSV = "predictions.csv";

    private RunOutputs() {
    }

    /**
     * The local engine's writer: once the last stage that may choose the final model has run,
     * predictions.csv's content is decided, and it is rendered on a spare thread while the deployment
     * stage, which keeps one core busy, makes the bundle (a million rows' probabilities take about as
     * long to format as the stage takes).
     */
    static final class Writer implements Engine.RunWriter {
        /** The last stage that may write a final-model key. */
        private static final String FINAL_MODEL_DECIDED = lastStageWriting(EvaluationStage.EVALUATED_MODEL, FinalModel.ADOPTED_MODEL);

        private final Path dir;
        private final RunContext context;
        private final StageCache cache;
        private final String lastStageKey;
        private final Reusable reused;
        private PredictionFile predictions;
        private Background<List<byte[]>> rendering;

        Writer(Path dir, RunContext context) {
            this(dir, context, null, null, null);
        }

        /**
         * A writer for a run with the stage cache: when every stage was restored and {@code reused} (the
         * files stored under the same last stage key) is not null, the run's files are made from it;
         * otherwise they are made anew and stored under {@code lastStageKey} (null: not cachable).
         */
        Writer(Path dir, RunContext context, StageCache cache, String lastStageKey, Reusable reused) {
            this.dir = dir;
            this.context = context;
            this.cache = cache;
            this.lastStageKey = lastStageKey;
            this.reused = reused;
        }

        @Override
        public void stageFinished(StageResult result) {
            if (result.stage().equals(FINAL_MODEL_DECIDED) && FinalModel.find(context).isPresent()) {
                // read from the context here, between stages; the spare thread only formats what it holds
                PredictionFile file = PredictionFile.of(context);
                predictions = file;
                rendering = Background.start("predictions", file::chunks);
            }
        }

        @Override
        public void write(List<StageResult> results, Instant started, Instant finished) {
            if (reused != null && results.stream().allMatch(StageResult::fromCache)) {
                writeReused(dir, context, results, started, finished, reused);
                return;
            }
            Reusable made = RunOutputs.write(dir, context, results, started, finished, predictions, rendering);
            if (cache != null && lastStageKey != null) {
                made.store(cache, lastStageKey);
            }
        }

        private static String lastStageWriting(Artifact<?>... keys) {
            String last = null;
            for (Stage stage : Workbench.pipeline().stages()) {
                if (stage.outputs().stream().anyMatch(List.of(keys)::contains)) {
                    last = stage.name();
                }
            }
            return last;
        }
    }

    static void write(Path dir, RunContext context, List<StageResult> results, Instant started, Instant finished) {
        write(dir, context, results, started, finished, null, null);
    }

    /**
     * The run's files made from its stages' results alone: metrics.json, predictions.csv (null when the
     * run has none), report.md after its header and report.html's body. A rerun whose stages are all
     * restored from the stage cache copies them ({@link #writeReused}) rather than loading the final
     * model and the rows to make them again: they would be the same bytes.
     */
    record Reusable(byte[] metrics, List<byte[]> predictions, String markdownBody, HtmlReport.Body htmlBody) {
        private static final String KIND = "run files";
        private static final String HTML_BODY = "report-body.json";

        /** One section of report.html's body; a list keeps the page's order, which a JSON object's sorted keys would not. */
        private record Section(String id, String html) {
        }

        /** The files stored for the run whose last stage has the cache key {@code lastStageKey}, or null. */
        static Reusable find(StageCache cache, String lastStageKey) {
            Map<String, byte[]> files = cache.findFiles(StageCache.runFilesKey(lastStageKey), KIND);
            if (files == null) {
                return null;
            }
            try {
                Map<String, String> sections = new LinkedHashMap<>();
                for (Section s : Json.MAPPER.readValue(files.get(HTML_BODY), new TypeReference<List<Section>>() { })) {
                    sections.put(s.id(), s.html());
                }
                byte[] predictions = files.get(PREDICTIONS_CSV);
                return new Reusable(files.get(METRICS_JSON), predictions == null ? null : List.of(predictions),
                        new String(files.get(REPORT_MD), StandardCharsets.UTF_8), new HtmlReport.Body(sections));
            } catch (IOException | RuntimeException e) {
                return null; // checked against its sums, so written by another layout: the run writes its files anew
            }
        }

        void store(StageCache cache, String lastStageKey) {
            Map<String, byte[]> files = new LinkedHashMap<>();
            files.put(METRICS_JSON, metrics);
            if (predictions != null) {
                files.put(PREDICTIONS_CSV, concat(predictions));
            }
            files.put(REPORT_MD, markdownBody.getBytes(StandardCharsets.UTF_8));
            List<Section> sections = htmlBody.sections().entrySet().stream().map(e -> new Section(e.getKey(), e.getValue())).toList();
            files.put(HTML_BODY, Json.write(sections).getBytes(StandardCharsets.UTF_8));
            cache.storeFiles(StageCache.runFilesKey(lastStageKey), KIND, files);
        }

        private static byte[] concat(List<byte[]> parts) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(parts.stream().mapToInt(p -> p.length).sum());
            parts.forEach(out::writeBytes);
            return out.toByteArray();
        }
    }

    /** {@code predictions} and its file's bytes being rendered, when the writer started them early (else null). */
    private static Reusable write(Path dir, RunContext context, List<StageResult> results, Instant started, Instant finished,
                                  PredictionFile early, Background<List<byte[]>> rendering) {
        writeRunFiles(dir, context);
        RunMetrics metrics = RunMetrics.of(results, FinalModel.find(context).orElse(null));
        byte[] metricsJson = (Json.write(metrics) + "\n").getBytes(StandardCharsets.UTF_8);
        Json.writeAtomically(dir.resolve(METRICS_JSON), metricsJson);
        String runJson = writeRunJson(dir, context, results, started, finished, metrics);

        PredictionFile predictions = early != null ? early : FinalModel.find(context).isPresent() ? PredictionFile.of(context) : null;
        // the reports and the predictions file are independent: write them side by side
        String markdownBody = Report.body(context, results);
        Background<HtmlReport.Body> reports = Background.start("reports", () -> {
            Json.writeAtomically(dir.resolve(REPORT_MD), (Report.header(context.config()) + markdownBody).getBytes(StandardCharsets.UTF_8));
            return HtmlReport.write(dir, runJson, predictions == null ? Map.of() : predictions.testText(),
                    predictions == null ? Map.of() : predictions.testNumbers());
        });
        List<byte[]> predictionBytes = null;
        try {
            if (predictions != null) {
                predictionBytes = rendering != null ? rendering.join() : predictions.chunks();
                Json.writeAtomically(dir.resolve(PREDICTIONS_CSV), predictionBytes);
            }
        } catch (RuntimeException e) {
            // the run folder is deleted on failure: let the other writer finish first
            try {
                reports.join();
            } catch (RuntimeException other) {
                e.addSuppressed(other);
            }
            throw e;
        }
        return new Reusable(metricsJson, predictionBytes, markdownBody, reports.join());
    }

    /**
     * Writes the files of a run whose stages were all restored, from the files an earlier run with the
     * same stage keys made: run.json anew (this run's times and cache flags), the rest the same bytes.
     */
    static void writeReused(Path dir, RunContext context, List<StageResult> results, Instant started, Instant finished,
                            Reusable reused) {
        writeRunFiles(dir, context);
        Json.writeAtomically(dir.resolve(METRICS_JSON), reused.metrics());
        RunMetrics metrics;
        try {
            metrics = Json.MAPPER.readValue(reused.metrics(), RunMetrics.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the stored metrics.json: " + e.getMessage(), e);
        }
        String runJson = writeRunJson(dir, context, results, started, finished, metrics);
        if (reused.predictions() != null) {
            Json.writeAtomically(dir.resolve(PREDICTIONS_CSV), reused.predictions());
        }
        Json.writeAtomically(dir.resolve(REPORT_MD), (Report.header(context.config()) + reused.markdownBody())
                .getBytes(StandardCharsets.UTF_8));
        HtmlReport.write(dir, runJson, reused.htmlBody());
    }

    /** The files stages made for the run folder (the bundle, tuned.yaml). */
    private static void writeRunFiles(Path dir, RunContext context) {
        for (var file : Workbench.RUN_FILES) {
            context.find(file).ifPresent(f -> Json.writeAtomically(dir.resolve(f.name()), f.bytes()));
        }
    }

    private static String writeRunJson(Path dir, RunContext context, List<StageResult> results, Instant started, Instant finished,
                                       RunMetrics metrics) {
        RunRecord run = new RunRecord(context.config().name(), context.config().file().toString(), started.toString(),
                finished.toString(), context.config().seed(), Versions.all(), context.find(CollectionStage.SOURCE)
                .map(s -> new RunRecord.DataFile(s.file(), s.sha256(), s.rows())).orElse(null), context.config().resolved(),
                results, metrics);
        String runJson = run.json() + "\n";
        Json.writeAtomically(dir.resolve(RUN_JSON), runJson.getBytes(StandardCharsets.UTF_8));
        return runJson;
    }
}
