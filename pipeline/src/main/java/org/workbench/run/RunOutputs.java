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
        private PredictionFile predictions;
        private Background<List<byte[]>> rendering;

        Writer(Path dir, RunContext context) {
            this.dir = dir;
            this.context = context;
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
            RunOutputs.write(dir, context, results, started, finished, predictions, rendering);
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

    /** {@code predictions} and its file's bytes being rendered, when the writer started them early (else null). */
    private static void write(Path dir, RunContext context, List<StageResult> results, Instant started, Instant finished,
                              PredictionFile early, Background<List<byte[]>> rendering) {
        for (var file : Workbench.RUN_FILES) {
            context.find(file).ifPresent(f -> Json.writeAtomically(dir.resolve(f.name()), f.bytes()));
        }
        RunMetrics metrics = RunMetrics.of(results, FinalModel.find(context).orElse(null));
        Json.writeFile(dir.resolve(METRICS_JSON), metrics);

        RunRecord run = new RunRecord(context.config().name(), context.config().file().toString(), started.toString(),
                finished.toString(), context.config().seed(), Versions.all(), context.find(CollectionStage.SOURCE)
                .map(s -> new RunRecord.DataFile(s.file(), s.sha256(), s.rows())).orElse(null), context.config().resolved(),
                results, metrics);
        String runJson = run.json() + "\n";
        Json.writeAtomically(dir.resolve(RUN_JSON), runJson.getBytes(StandardCharsets.UTF_8));

        PredictionFile predictions = early != null ? early : FinalModel.find(context).isPresent() ? PredictionFile.of(context) : null;
        // the reports and the predictions file are independent: write them side by side
        Background<Void> reports = Background.start("reports", () -> {
            Json.writeAtomically(dir.resolve(REPORT_MD), Report.markdown(context, results).getBytes(StandardCharsets.UTF_8));
            HtmlReport.write(dir, runJson, predictions == null ? Map.of() : predictions.testText(),
                    predictions == null ? Map.of() : predictions.testNumbers());
        });
        try {
            if (predictions != null) {
                Json.writeAtomically(dir.resolve(PREDICTIONS_CSV), rendering != null ? rendering.join() : predictions.chunks());
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
        reports.join();
    }
}
