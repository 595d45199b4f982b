package org.workbench.definition;

import java.util.List;
import java.util.Set;
import org.workbench.config.ConfigException;
import org.workbench.data.Labels;
import org.workbench.data.Task;
import org.workbench.data.MetricNames;
import org.workbench.models.ModelCatalog;
import org.workbench.models.TrainConfig;
import tech.tablesaw.columns.Column;

/**
 * The clustering problem: no column is predicted. An optional label column only scores how well the
 * clusters agree with it, so everything that learns from a target (target encoding, scored feature
 * selection, tuning, model comparison, permutation importance, thresholds) is refused up front.
 */
public final class ClusteringProblem {
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

    /** Refuses a metric that compares clusters with a label column when there is none. */
    public static void needsLabel(String metric, String path) {
        if (NEED_LABEL.contains(metric)) {
            throw new ConfigException(path, "'" + metric + "' compares the clusters with a label column; set problem.target"
                    + " to one, or use silhouette or wcss");
        }
    }
}
