package org.workbench.definition;

import java.util.List;
import java.util.Set;
import org.workbench.config.ConfigException;
import org.workbench.config.PipelineConfig;
import org.workbench.data.Labels;
import org.workbench.data.Task;
import org.workbench.data.MetricNames;
import org.workbench.models.ModelCatalog;
import org.workbench.models.TrainConfig;
import tech.tablesaw.columns.Column;
import org.workbench.evaluation.EvaluateConfig;
import org.workbench.features.FeaturesConfig;
import org.workbench.selection.SelectConfig;
import org.workbench.tuning.TuneConfig;

/**
 * The clustering problem: no column is predicted. An optional label column only scores how well the
 * clusters agree with it, so everything that learns from a target (target encoding, scored feature
 * selection, tuning, model comparison, permutation importance, thresholds) is refused up front.
 */
final class ClusteringProblem {
    /** Selection methods that need no target. */
    private static final Set<String> UNSUPERVISED_SELECTION = Set.of("none", "variance");
    /** Metrics that compare the clusters with the label column. */
    private static final Set<String> NEED_LABEL = Set.of("ari", "nmi");

    private ClusteringProblem() {
    }

    /** {@code label} is the label column, or null when {@code problem.target} is not given. */
    static Problem define(ProblemConfig cfg, TrainConfig train, Column<?> label, String file) {
        if (cfg.positiveClass() != null) {
            throw new ConfigException("problem.positive_class", "only applies to classification");
        }
        if (label != null && java.util.Arrays.stream(Labels.of(label)).allMatch(java.util.Objects::isNull)) {
            throw new ConfigException("problem.target", file + ": label column '" + cfg.target() + "' has no values");
        }
        String metric = MetricNames.resolve(cfg.metric(), Task.CLUSTERING, "problem.metric");
        if (label == null) {
            needsLabel(metric, "problem.metric");
        }
        String model = train.model().equals("auto") ? ModelCatalog.defaultModel(Task.CLUSTERING) : train.model();
        ModelCatalog.spec(model, Task.CLUSTERING).resolvedParams(train.params());
        return new Problem(cfg.target(), Task.CLUSTERING, metric, null, List.of(), model);
    }

    /** Fails at the first setting of the other stages that needs a target. */
    static void checkStages(PipelineConfig config) {
        var features = config.section(FeaturesConfig.class);
        if (features.encode().equals("target")) {
            throw noTarget("features.encode", "target encoding learns from the target; use onehot, ordinal or frequency");
        }
        features.encodeColumns().forEach((column, method) -> {
            if (method.equals("target")) {
                throw noTarget("features.encode_columns." + column, "target encoding learns from the target;"
                        + " use onehot, ordinal or frequency");
            }
        });
        String selection = config.section(SelectConfig.class).method();
        if (!UNSUPERVISED_SELECTION.contains(selection)) {
            throw noTarget("select.method", "'" + selection + "' scores features against the target; use variance,"
                    + " or select.include / select.exclude");
        }
        if (config.section(TuneConfig.class).enabled()) {
            throw noTarget("tune.enabled", "tuning ranks settings by a cross-validated score against the target");
        }
        if (config.section(TuneConfig.class).lab().any()) {
            throw noTarget("tune.lab", "the lab's curves are cross-validated scores against the target");
        }
        var evaluate = config.section(EvaluateConfig.class);
        if (!evaluate.compare().isEmpty()) {
            throw noTarget("evaluate.compare", "algorithms are compared by cross-validated scores against the target");
        }
        if (!evaluate.threshold().equals("default")) {
            throw new ConfigException("evaluate.threshold", "only applies to binary classification");
        }
        if (evaluate.importanceRepeats() > 0) {
            throw noTarget("evaluate.importance_repeats", "permutation importance measures a drop in a score against the target");
        }
        for (int i = 0; i < evaluate.metrics().size(); i++) {
            String path = "evaluate.metrics[" + i + "]";
            MetricNames.check(evaluate.metrics().get(i), Task.CLUSTERING, path);
            if (config.section(ProblemConfig.class).target() == null) {
                needsLabel(evaluate.metrics().get(i), path);
            }
        }
    }

    private static void needsLabel(String metric, String path) {
        if (NEED_LABEL.contains(metric)) {
            throw new ConfigException(path, "'" + metric + "' compares the clusters with a label column; set problem.target"
                    + " to one, or use silhouette or wcss");
        }
    }

    private static ConfigException noTarget(String path, String why) {
        return new ConfigException(path, why + "; clustering has no target");
    }
}
