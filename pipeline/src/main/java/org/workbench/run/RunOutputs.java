package org.workbench.run;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.workbench.stage.RunContext;
import org.workbench.stage.StageResult;
import org.workbench.core.Background;
import org.workbench.report.HtmlReport;
import org.workbench.core.Json;
import org.workbench.core.Versions;
import org.workbench.evaluation.FinalModel;
import org.workbench.collection.CollectionStage;

/**
 * The files of a finished run: {@code run.json} (everything), {@code metrics.json} (only what is
 * deterministic: same config, data and seed give the same bytes; its {@code final} block is the
 * bundle's model on the test rows), {@code report.md} and {@code predictions.csv} (the final model's
 * prediction for every row, with its split).
 */
public final class RunOutputs {
    public static final String RUN_JSON = "run.json";
    public static final String METRICS_JSON = "metrics.json";
    public static final String REPORT_MD = "report.md";
    public static final String PREDICTIONS_CSV = "predictions.csv";

    private RunOutputs() {
    }

    static void write(Path dir, RunContext context, List<StageResult> results, Instant started, Instant finished) {
        Map<String, Object> metrics = metrics(results);
        FinalModel.find(context).ifPresent(f -> metrics.put("final", finalBlock(f)));
        Json.writeFile(dir.resolve(METRICS_JSON), metrics);

        Map<String, Object> run = new LinkedHashMap<>();
        run.put("name", context.config().name());
        run.put("config_file", context.config().file().toString());
        run.put("started", started.toString());
        run.put("finished", finished.toString());
        run.put("seed", context.config().seed());
        run.put("versions", Versions.all());
        context.find(CollectionStage.SOURCE).ifPresent(s -> run.put("data", Map.of("file", s.file(), "sha256", s.sha256(),
                "rows", s.rows())));
        run.put("config", context.config().resolved());
        run.put("stages", results);
        run.put("metrics", metrics);
        String runJson = Json.write(run) + "\n";
        Json.writeAtomically(dir.resolve(RUN_JSON), runJson.getBytes(StandardCharsets.UTF_8));

        PredictionFile predictions = FinalModel.find(context).isPresent() ? PredictionFile.of(context) : null;
        // the reports and the predictions file are independent: write them side by side
        Background<Void> reports = Background.start("reports", () -> {
            Json.writeAtomically(dir.resolve(REPORT_MD), Report.markdown(context, results).getBytes(StandardCharsets.UTF_8));
            HtmlReport.write(dir, runJson, predictions == null ? Map.of() : predictions.testText(),
                    predictions == null ? Map.of() : predictions.testNumbers());
        });
        try {
            if (predictions != null) {
                predictions.write(dir.resolve(PREDICTIONS_CSV));
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

    /**
     * The model the bundle holds, scored on the test rows with its threshold applied: which model,
     * whether tuning adopted it, its threshold (null: the most probable class) and its test metrics.
     */
    static Map<String, Object> finalBlock(FinalModel chosen) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("model", chosen.model());
        out.put("tuned", chosen.tuned());
        Map<String, Object> threshold = null;
        if (chosen.threshold() != null) {
            threshold = new LinkedHashMap<>();
            threshold.put("value", chosen.threshold().value());
            threshold.put("positive_class", chosen.threshold().positiveClass());
            threshold.put("rule", chosen.threshold().rule());
            threshold.put("chosen_on", chosen.threshold().chosenOn());
        }
        out.put("threshold", threshold);
        out.put("test", chosen.test());
        return out;
    }

    /** The numbers of each stage that measured something, keyed by stage. */
    static Map<String, Object> metrics(List<StageResult> results) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (StageResult r : results) {
            if (r.stage().equals("evaluation") || r.stage().equals("tuning") && !r.data().containsKey("skipped")) {
                Map<String, Object> copy = new LinkedHashMap<>(r.data());
                if (r.stage().equals("tuning")) {
                    copy.remove("trials"); // trial times vary; the full trials list is in run.json
                    copy.remove("configured");
                    copy.remove("best");
                    Object best = r.data().get("best");
                    if (best instanceof org.workbench.tuning.Trial t) {
                        copy.put("best_params", t.params());
                        copy.put("best_cv_mean", t.mean());
                        copy.put("best_cv_std", t.std());
                    }
                }
                out.put(r.stage(), copy);
            }
        }
        return out;
    }
}
