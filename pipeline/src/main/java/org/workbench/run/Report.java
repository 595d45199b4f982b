package org.workbench.run;

import java.util.List;
import org.workbench.config.PipelineConfig;
import java.util.Map;
import org.workbench.stage.RunContext;
import org.workbench.stage.StageResult;
import org.workbench.evaluation.ClassificationReport;
import org.workbench.evaluation.ClusteringReport;
import org.workbench.evaluation.Evaluation;
import org.workbench.evaluation.MetricTable;
import org.workbench.core.Versions;
import org.workbench.evaluation.FinalModel;
import org.workbench.collection.CollectionStage;
import org.workbench.evaluation.EvaluationStage;
import org.workbench.definition.DefinitionStage;

/** A readable stage-by-stage account of a run, in Markdown. */
final class Report {
    private Report() {
    }

    static String markdown(RunContext context, List<StageResult> results) {
        return header(context.config()) + body(context, results);
    }

    /** The title and the config file: the part a rerun of the same stages from another config file changes. */
    static String header(PipelineConfig config) {
        return "# Run: " + config.name() + "\n\n" + "Config `" + config.file().getFileName() + "`, seed " + config.seed() + ".\n\n";
    }

    /** Each stage's account, the final model and the provenance: made from the stages' results alone. */
    static String body(RunContext context, List<StageResult> results) {
        StringBuilder md = new StringBuilder();
        int n = 1;
        for (StageResult r : results) {
            md.append("## ").append(n++).append(". ").append(r.stage()).append("\n\n");
            md.append(r.summary()).append("\n\n");
            if (!r.details().isEmpty()) {
                md.append("```\n");
                r.details().forEach(d -> md.append(d).append('\n'));
                md.append("```\n\n");
            }
            if (r.stage().equals("evaluation")) {
                context.find(EvaluationStage.EVALUATION).ifPresent(e -> metricsTable(md, e));
            }
        }
        FinalModel.find(context).ifPresent(f -> finalModel(md, f, context.get(DefinitionStage.PROBLEM).target()));
        md.append("## Provenance\n\n");
        context.find(CollectionStage.SOURCE).ifPresent(s -> md.append("- data: `").append(s.file()).append("`, sha256 `")
                .append(s.sha256()).append("`\n"));
        Versions.all().forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
        return md.toString();
    }

    /** What the bundle holds and how it scored on the test rows (threshold applied): the run's result. */
    private static void finalModel(StringBuilder md, FinalModel f, String target) {
        md.append("## Final model\n\n").append("`model.bundle` holds ").append(f.model())
                .append(f.tuned() ? " with the setting tuning adopted" : " as configured");
        if (f.threshold() != null) {
            md.append(", labelling rows by the ").append(f.threshold().describe(target));
        }
        md.append(". On the test rows:\n\n").append(MetricTable.column("test", f.test()).markdown()).append('\n');
    }

    private static void metricsTable(StringBuilder md, Evaluation e) {
        md.append(MetricTable.scores(e.test(), e.train(), e.baseline(), e.cv(), !e.cv().isEmpty(), Map.of()).markdown()).append('\n');
        if (e.testReport() instanceof ClusteringReport c) {
            md.append("Rows per cluster on the test split").append(c.noise() > 0 ? " (noise: rows in no cluster)" : "")
                    .append(":\n\n| cluster | rows |\n|---|---|\n");
            c.sizes().forEach((cluster, rows) -> md.append("| ").append(cluster).append(" | ").append(rows).append(" |\n"));
            md.append("\nCross-validation does not apply to clustering (there is no target to validate against).");
            if (c.silhouetteSampled()) {
                md.append(" The silhouette was computed on a seeded sample of ").append(c.silhouetteRows()).append(" rows.");
            }
            md.append("\n\n");
        }
        if (e.testReport() instanceof ClassificationReport c) {
            md.append("Confusion matrix (rows = truth, columns = predicted):\n\n");
            List<String> classes = c.classes();
            md.append("| |");
            classes.forEach(k -> md.append(' ').append(k).append(" |"));
            md.append("\n|---|");
            classes.forEach(k -> md.append("---|"));
            md.append('\n');
            int[][] cm = c.confusionMatrix();
            for (int i = 0; i < classes.size(); i++) {
                md.append("| **").append(classes.get(i)).append("** |");
                for (int v : cm[i]) {
                    md.append(' ').append(v).append(" |");
                }
                md.append('\n');
            }
            md.append('\n');
        }
    }
}
