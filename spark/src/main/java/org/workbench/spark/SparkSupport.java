package org.workbench.spark;

import com.fasterxml.jackson.databind.JsonNode;
import org.workbench.config.PipelineConfig;
import org.workbench.core.InputException;
import org.workbench.tuning.TuneConfig;
import org.workbench.tuning.Tuning;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the Spark engine honours of a config: every key the user wrote is checked here, before the
 * session starts. A key or value without a Spark counterpart is an {@link InputException} naming it
 * (exit 2); where the mapping is close but not exact, a note says what was decided.
 */
final class SparkSupport {
    /** The keys the engine honours whatever their value. */
    private static final Set<String> ANY = Set.of("name", "seed", "engine", "problem.target", "problem.task", "problem.metric",
            "problem.positive_class", "data.source", "data.delimiter", "data.quote", "data.header", "data.encoding",
            "data.missing_values", "data.split.test", "data.split.stratify", "preprocess.drop", "preprocess.impute.fill_categorical", "preprocess.impute.indicator",
            "features.keep_identifiers", "preprocess.drop_constant", "preprocess.drop_duplicates", "preprocess.outliers.factor", "preprocess.outliers.threshold",
            "preprocess.outliers.columns", "features.polynomial.degree", "features.polynomial.columns", "features.max_levels", "features.min_frequency", "features.pca.components", "features.pca.columns", "select.variance_threshold", "select.k", "train.model", "evaluate.cv_folds", "evaluate.cv_repeats", "evaluate.metrics",
            "evaluate.alpha", "evaluate.threshold", "evaluate.overfit_gap", "deploy.bundle", "tune.enabled", "tune.n_trials", "tune.cv_folds", "tune.adopt", "tune.time_budget");
    /** Keys honoured with some values only: the values, and what to say otherwise. */
    private static final Map<String, List<String>> VALUES = new LinkedHashMap<>();

    static {
        VALUES.put("problem.missing_target", List.of("drop"));
        VALUES.put("data.decimal", List.of("auto", "."));
        VALUES.put("data.thousands", List.of("none"));
        VALUES.put("preprocess.impute.numeric", List.of("median", "mean", "most_frequent"));
        VALUES.put("preprocess.impute.categorical", List.of("most_frequent", "constant", "none"));
        VALUES.put("preprocess.scale", List.of("standard", "minmax", "robust", "maxabs", "none"));
        VALUES.put("preprocess.outliers.method", List.of("none", "iqr", "zscore"));
        VALUES.put("preprocess.outliers.action", List.of("clip"));
        VALUES.put("features.encode", List.of("onehot", "ordinal", "none"));
        VALUES.put("features.bin_method", List.of("quantile", "equal_width"));
        VALUES.put("features.pca.whiten", List.of("false"));
        VALUES.put("features.polynomial.interaction_only", List.of("false"));
        VALUES.put("select.method", List.of("none", "variance", "f_test"));
        VALUES.put("evaluate.cv_mode", List.of("auto", "stratified", "kfold"));
        VALUES.put("deploy.partial_dependence", List.of("0"));
        VALUES.put("evaluate.importance_repeats", List.of("auto", "0"));
        VALUES.put("tune.method", List.of("grid", "random"));
    }

    private SparkSupport() {
    }

    /** Refuses the first key the engine cannot honour, in the config or in any setting tuning would try; returns the notes. */
    static List<String> check(PipelineConfig config) {
        TuneConfig tune = config.section(TuneConfig.class);
        if (tune.lab().any()) {
            throw new InputException("tune.lab: the spark engine does not draw the lab's curves; remove tune.lab, or run it with"
                    + " --engine local on a sample");
        }
        List<String> notes = checkOne(config);
        if (tune.enabled()) {
            if (config.section(org.workbench.definition.ProblemConfig.class).task().equals("clustering")) {
                throw new InputException("tune.enabled: the spark engine does not tune clustering (no target to cross-validate"
                        + " against); set tune.enabled: false, or run it with --engine local");
            }
            for (Map.Entry<Map<String, JsonNode>, PipelineConfig> s : Tuning.settings(config).entrySet()) {
                try {
                    checkOne(s.getValue());
                } catch (InputException e) {
                    throw new InputException("tune: the setting " + s.getKey() + " has no spark counterpart: " + e.getMessage());
                }
            }
        }
        return notes;
    }

    /** Once the data says the task: each setting's model and parameters, as the definition checks the configured ones. */
    static void checkSettings(PipelineConfig config, org.workbench.data.Task task) {
        // evaluate.compare: each algorithm on Spark for this task, with the parameters it would be given
        var ev = config.section(org.workbench.evaluation.EvaluateConfig.class);
        for (int i = 0; i < ev.compare().size(); i++) {
            String name = ev.compare().get(i);
            try {
                SparkModels.check(SparkModels.of(name, task), EvaluationOnSpark.paramsFor(name, config), new ArrayList<>());
            } catch (InputException e) {
                throw new InputException("evaluate.compare[" + i + "]: " + e.getMessage());
            }
        }
        for (Map.Entry<Map<String, JsonNode>, PipelineConfig> s : Tuning.settings(config).entrySet()) {
            var train = s.getValue().section(org.workbench.models.TrainConfig.class);
            String model = train.model().equals("auto") ? org.workbench.models.ModelCatalog.defaultModel(task) : train.model();
            try {
                SparkModels.check(SparkModels.of(model, task), train.params(), new ArrayList<>());
            } catch (InputException e) {
                throw new InputException("tune: the setting " + s.getKey() + " has no spark counterpart: " + e.getMessage());
            }
        }
    }

    private static List<String> checkOne(PipelineConfig config) {
        List<String> notes = new ArrayList<>();
        boolean tuning = config.section(TuneConfig.class).enabled();
        String model = config.section(org.workbench.models.TrainConfig.class).model();
        String task = config.section(org.workbench.definition.ProblemConfig.class).task();
        if (!model.equals("auto")) {
            if (SparkModels.ALL.stream().noneMatch(m -> m.name().equals(model))) {
                throw new InputException("train.model: '" + model + "' has no Spark ML counterpart; the spark engine trains "
                        + String.join(", ", SparkModels.ALL.stream().map(SparkModels.Model::name).distinct().toList())
                        + " (or run it with --engine local)");
            }
            // the parameters are checked now when the task is known (or the name has one task); else once the data says
            List<SparkModels.Model> candidates = SparkModels.ALL.stream().filter(m -> m.name().equals(model)
                    && (task.equals("auto") || m.task().label().equals(task))).toList();
            if (candidates.isEmpty()) {
                SparkModels.of(model, org.workbench.data.Task.valueOf(task.toUpperCase(java.util.Locale.ROOT)));
            }
            if (candidates.stream().map(SparkModels.Model::task).distinct().count() == 1) {
                SparkModels.check(candidates.get(0), config.section(org.workbench.models.TrainConfig.class).params(), notes);
                SparkModels.Model m = candidates.get(0);
                notes.add("train.model: " + model + " runs as Spark ML " + m.sparkClass() + " (" + String.join(", ",
                        m.mapped().entrySet().stream().map(e -> e.getKey() + " -> " + e.getValue()).toList()) + ")");
            }
        }
        var features = config.section(org.workbench.features.FeaturesConfig.class);
        if (features.polynomial().degree() >= 2 && features.pca() != null) {
            throw new InputException("features.polynomial: on the spark engine pca does not project a polynomial's products; use"
                    + " one of features.polynomial and features.pca, or run the config with --engine local");
        }
        if (tuning && !config.section(org.workbench.evaluation.EvaluateConfig.class).threshold().equals("default")) {
            throw new InputException("evaluate.threshold: the spark engine does not choose a threshold for a setting tuning"
                    + " adopts; set evaluate.threshold: default or tune.enabled: false, or run the config with --engine local");
        }
        var ev = config.section(org.workbench.evaluation.EvaluateConfig.class);
        if (!ev.compare().isEmpty() && ev.cvFolds() < 2) {
            throw new InputException("evaluate.compare: needs cross-validation: set evaluate.cv_folds to 2 or more");
        }
        Map<String, JsonNode> leaves = new LinkedHashMap<>();
        flatten("", config.tree(), leaves);
        for (Map.Entry<String, JsonNode> e : leaves.entrySet()) {
            String path = e.getKey();
            if (ANY.contains(path) || path.startsWith("spark.") || path.startsWith("data.column_types.")
                    || path.startsWith("train.params.") || path.startsWith("features.bins.") || (path.startsWith("tune.") && !tuning)
                    || path.startsWith("tune.grid.") || path.startsWith("tune.space.") || path.equals("tune.threads")
                    || path.equals("evaluate.compare") || path.startsWith("evaluate.compare_params.")) {
                continue;
            }
            if (path.equals("select.method") && e.getValue().asText().equals("mutual_info")) {
                throw new InputException("select.method: 'mutual_info' has no Spark ML counterpart (Spark has no mutual-information"
                        + " selector); use f_test or variance, or run the config with --engine local");
            }
            if (path.equals("select.method") && e.getValue().asText().equals("f_test") && task.equals("clustering")) {
                throw new InputException("select.method: 'f_test' scores features against the target; use variance; clustering has"
                        + " no target");
            }
            if (path.equals("features.pca.whiten") && e.getValue().asBoolean()) {
                throw new InputException("features.pca.whiten: Spark ML's PCA does not whiten its components; set whiten: false,"
                        + " or run the config with --engine local");
            }
            List<String> allowed = VALUES.get(path);
            String value = e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString();
            if (allowed == null) {
                throw new InputException(path + ": the spark engine has no counterpart for this key; remove it, or run"
                        + " the config with --engine local");
            }
            if (!allowed.contains(value)) {
                throw new InputException(path + ": '" + value + "' has no counterpart on the spark engine; it takes "
                        + String.join(", ", allowed) + " (or run the config with --engine local)");
            }
        }
        notes.add("data.split: a seeded hash of each row's values picks the test rows (the same rows on any cluster; not the"
                + " local engine's rows)");
        var prep = config.section(org.workbench.preprocessing.PreprocessConfig.class);
        if (prep.impute().numeric().equals("median")) {
            notes.add("preprocess.impute.numeric: Spark's Imputer takes an approximate median (relative error 0.001)");
        }
        if (!config.section(org.workbench.features.FeaturesConfig.class).bins().isEmpty()
                && config.section(org.workbench.features.FeaturesConfig.class).binMethod().equals("quantile")) {
            notes.add("features.bins: Spark's QuantileDiscretizer takes approximate quantiles (relative error 0.001) of the"
                    + " imputed values, so an edge may differ a little from the local engine's exact one");
        }
        if (config.section(org.workbench.features.FeaturesConfig.class).pca() != null) {
            notes.add("features.pca: Spark ML's PCA of the training values centred first (a StandardScaler with mean, without"
                    + " std), every component fitted and the first k kept by the local rule; a component's sign may differ from"
                    + " the local engine's, which the model does not notice");
        }
        if (config.section(org.workbench.selection.SelectConfig.class).method().equals("f_test")) {
            notes.add("select.method: f_test is Spark ML's UnivariateFeatureSelector (continuous features; ANOVA F against the"
                    + " classes, or the F-value against a numeric target), keeping the k smallest p-values; the local engine keeps the"
                    + " k largest F, the same features unless p-values underflow to 0 (very large F on many rows), where Spark keeps"
                    + " the earlier ones and the selection stage says so; each one-hot level is scored on its own, as locally");
        }
        if (!config.section(org.workbench.evaluation.EvaluateConfig.class).cvMode().equals("auto")) {
            notes.add("evaluate.cv_mode: the spark engine's folds are a seeded hash of each training row whatever the mode (each"
                    + " class spread over the folds at the same rate in expectation, not exactly)");
        }
        if (prep.outliers().method().equals("iqr")) {
            notes.add("preprocess.outliers: iqr bounds from Spark's approximate quartiles (relative error 0.001) of the imputed"
                    + " training values; the local engine's quartiles are exact");
        }
        if (prep.scale().equals("standard")) {
            notes.add("preprocess.scale: standard divides by the sample standard deviation (n - 1), not the population's");
        }
        return notes;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, JsonNode> out) {
        if (node.isObject() && !(prefix.equals("train.params") || prefix.equals("data.column_types") || prefix.equals("spark.conf"))
                && !(prefix.isEmpty() ? false : node.size() == 0)) {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> f = it.next();
                flatten(prefix.isEmpty() ? f.getKey() : prefix + "." + f.getKey(), f.getValue(), out);
            }
        } else if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> f = it.next();
                out.put(prefix + "." + f.getKey(), f.getValue());
            }
        } else {
            out.put(prefix, node);
        }
    }
}
