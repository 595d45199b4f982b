package org.workbench.models;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.workbench.config.ConfigException;
import org.workbench.config.Suggest;
import org.workbench.data.Task;

/** The algorithms a config can name under {@code train.model}, per task, with their parameters. */
public final class ModelCatalog {
    static {
        QuietLogging.apply();
    }

    private static final List<ModelSpec> CLASSIFICATION = ClassificationModels.ALL;
    private static final List<ModelSpec> REGRESSION = RegressionModels.ALL;
    private static final List<ModelSpec> CLUSTERING = ClusteringModels.ALL;

    private ModelCatalog() {
    }

    /** Every algorithm: classification, then regression, then clustering. */
    public static List<ModelSpec> all() {
        return Stream.of(CLASSIFICATION, REGRESSION, CLUSTERING).flatMap(List::stream).toList();
    }

    public static List<ModelSpec> forTask(Task task) {
        return switch (task) {
            case CLASSIFICATION -> CLASSIFICATION;
            case REGRESSION -> REGRESSION;
            case CLUSTERING -> CLUSTERING;
        };
    }

    public static String defaultModel(Task task) {
        return switch (task) {
            case CLASSIFICATION -> "logistic_regression";
            case REGRESSION -> "linear_regression";
            case CLUSTERING -> "kmeans";
        };
    }

    /**
     * The algorithm called {@code model} for {@code task}; null or "auto" means the default.
     *
     * @throws ConfigException at {@code train.model} when there is no such algorithm for the task
     */
    public static ModelSpec spec(String model, Task task) {
        String name = model == null || model.equals("auto") ? defaultModel(task) : model;
        Map<String, ModelSpec> byName = forTask(task).stream()
                .collect(Collectors.toMap(ModelSpec::name, Function.identity(), (a, b) -> a, java.util.LinkedHashMap::new));
        ModelSpec spec = byName.get(name);
        if (spec != null) {
            return spec;
        }
        String valid = " valid: " + String.join(", ", byName.keySet());
        for (Task other : Task.values()) {
            if (other != task && forTask(other).stream().anyMatch(s -> s.name().equals(name))) {
                throw new ConfigException("train.model", "'" + name + "' is not a " + task.label() + " model (it is for "
                        + other.label() + ");" + valid);
            }
        }
        String nearest = Suggest.nearest(name, byName.keySet());
        throw new ConfigException("train.model", "'" + name + "' is not a " + task.label() + " model;"
                + (nearest == null ? "" : " did you mean '" + nearest + "'?") + valid);
    }
}
