package org.workbench.data;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.workbench.config.ConfigException;
import org.workbench.config.Suggest;

/** The metric names a user may ask for, per task: exactly the keys of the reports' headline maps. */
public final class MetricNames {
    private static final List<String> CLASSIFICATION = List.of("accuracy", "balanced_accuracy", "precision", "recall",
            "f1", "precision_macro", "recall_macro", "f1_macro", "f1_weighted", "roc_auc", "average_precision", "log_loss", "brier",
            "mcc", "kappa");
    private static final List<String> REGRESSION = List.of("mse", "rmse", "mae", "r2", "mape");
    /** ari and nmi need a label column (problem.target) to compare the clusters with. */
    private static final List<String> CLUSTERING = List.of("silhouette", "wcss", "ari", "nmi");
    private static final Set<String> LOWER_IS_BETTER = Set.of("mse", "rmse", "mae", "log_loss", "brier", "mape", "wcss");

    /** The value of {@code problem.metric} that stands for the task's default metric. */
    public static final String AUTO = "auto";

    private MetricNames() {
    }

    public static List<String> classification() {
        return CLASSIFICATION;
    }

    public static List<String> regression() {
        return REGRESSION;
    }

    public static List<String> clustering() {
        return CLUSTERING;
    }

    public static List<String> forTask(Task task) {
        return switch (task) {
            case CLASSIFICATION -> CLASSIFICATION;
            case REGRESSION -> REGRESSION;
            case CLUSTERING -> CLUSTERING;
        };
    }

    /**
     * The metrics in the order the task's catalog lists them (any others after, as they come): the
     * order a report makes them in, which a map read back from sorted JSON has lost.
     */
    public static Map<String, Double> inCatalogOrder(Task task, Map<String, Double> metrics) {
        Map<String, Double> out = new java.util.LinkedHashMap<>();
        for (String name : forTask(task)) {
            if (metrics.containsKey(name)) {
                out.put(name, metrics.get(name));
            }
        }
        metrics.forEach(out::putIfAbsent);
        return out;
    }

    /** accuracy for classification, rmse for regression, silhouette for clustering. */
    public static String defaultMetric(Task task) {
        return switch (task) {
            case CLASSIFICATION -> "accuracy";
            case REGRESSION -> "rmse";
            case CLUSTERING -> "silhouette";
        };
    }

    /** False for errors and losses (mse, rmse, mae, log_loss, brier, mape, wcss), true for scores. */
    public static boolean higherIsBetter(String metric) {
        if (!CLASSIFICATION.contains(metric) && !REGRESSION.contains(metric) && !CLUSTERING.contains(metric)) {
            throw new IllegalArgumentException("unknown metric '" + metric + "'");
        }
        return !LOWER_IS_BETTER.contains(metric);
    }

    /**
     * Fails with a one-line message naming {@code configPath} unless {@code metric} is a metric of
     * the task, e.g. {@code problem.metric: 'f1_macr' is not a classification metric; did you mean
     * 'f1_macro'? valid: accuracy, ...}.
     *
     * @throws ConfigException (an {@link org.workbench.core.InputException}) for an unknown metric
     */
    public static void check(String metric, Task task, String configPath) {
        List<String> valid = forTask(task);
        if (valid.contains(metric)) {
            return;
        }
        Task otherTask = java.util.Arrays.stream(Task.values()).filter(t -> t != task && forTask(t).contains(metric))
                .findFirst().orElse(null);
        String suggestion = Suggest.nearest(metric, valid);
        String hint;
        if (otherTask != null) {
            hint = " (it is a " + otherTask.label() + " metric);";
        } else if (suggestion != null) {
            hint = "; did you mean '" + suggestion + "'?";
        } else {
            hint = ";";
        }
        String message = "'" + metric + "' is not a " + task.label() + " metric" + hint + " valid: " + String.join(", ", valid);
        throw new ConfigException(configPath, message);
    }

    /** {@link #defaultMetric} for "auto", else the metric itself once {@link #check}ed. */
    public static String resolve(String metric, Task task, String configPath) {
        if (AUTO.equals(metric)) {
            return defaultMetric(task);
        }
        check(metric, task, configPath);
        return metric;
    }
}
