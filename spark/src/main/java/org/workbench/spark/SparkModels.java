package org.workbench.spark;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.classification.DecisionTreeClassifier;
import org.apache.spark.ml.classification.GBTClassifier;
import org.apache.spark.ml.classification.LinearSVC;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.NaiveBayes;
import org.apache.spark.ml.classification.RandomForestClassifier;
import org.apache.spark.ml.clustering.KMeans;
import org.apache.spark.ml.regression.DecisionTreeRegressor;
import org.apache.spark.ml.regression.GBTRegressor;
import org.apache.spark.ml.regression.LinearRegression;
import org.apache.spark.ml.regression.RandomForestRegressor;
import org.workbench.config.Key;
import org.workbench.core.InputException;
import org.workbench.data.Task;
import org.workbench.models.ModelCatalog;
import org.workbench.models.ModelSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The catalog's algorithms that Spark ML has, by the same names and documented parameters. A parameter
 * maps to the Spark parameter that means the same; one without a counterpart is either harmless to leave
 * out (said on the terminal) or refused when set (exit 2 naming it).
 */
final class SparkModels {
    /** How one catalog algorithm runs on Spark. */
    record Model(String name, Task task, String sparkClass, Map<String, String> mapped, Map<String, String> ignored,
                 boolean binaryOnly, boolean probabilities) {
        ModelSpec spec() {
            return ModelCatalog.spec(name.equals(GBT) ? "xgboost" : name, task);
        }
    }

    /** Also accepted: the Spark name of gradient-boosted trees, with xgboost's parameters. */
    static final String GBT = "gradient_boosted_trees";
    private static final String LBFGS = "Spark fits it with L-BFGS (or the normal equations) over every row, which needs no step size"
            + " or batch";
    private static final Map<String, String> SGD_IGNORED = Map.of("learning_rate", LBFGS, "minibatch", LBFGS);
    private static final Map<String, String> TREE = ordered("max_depth", "maxDepth", "min_leaf", "minInstancesPerNode",
            "criterion", "impurity (gini, entropy; mse as variance)");
    private static final Map<String, String> FOREST = ordered("trees", "numTrees", "max_depth", "maxDepth", "min_leaf",
            "minInstancesPerNode", "criterion", "impurity (gini, entropy; mse as variance)", "feature_fraction", "featureSubsetStrategy");
    private static final Map<String, String> BOOSTED = ordered("trees", "maxIter", "max_depth", "maxDepth", "eta", "stepSize",
            "subsample", "subsamplingRate", "colsample", "featureSubsetStrategy");
    private static final Map<String, String> BOOSTED_IGNORED = Map.of("threads", "Spark uses its executors' cores",
            "tree_method", "Spark bins every feature into at most 32 values (maxBins), much as hist does");

    static final List<Model> ALL = List.of(
            new Model("logistic_regression", Task.CLASSIFICATION, "LogisticRegression", ordered("epochs", "maxIter"), SGD_IGNORED, false, true),
            new Model("linear_svm", Task.CLASSIFICATION, "LinearSVC", ordered("epochs", "maxIter"), SGD_IGNORED, true, false),
            new Model("decision_tree", Task.CLASSIFICATION, "DecisionTreeClassifier", TREE, Map.of(), false, true),
            new Model("random_forest", Task.CLASSIFICATION, "RandomForestClassifier", FOREST, Map.of(), false, true),
            new Model("xgboost", Task.CLASSIFICATION, "GBTClassifier", BOOSTED, BOOSTED_IGNORED, true, true),
            new Model(GBT, Task.CLASSIFICATION, "GBTClassifier", BOOSTED, BOOSTED_IGNORED, true, true),
            new Model("naive_bayes", Task.CLASSIFICATION, "NaiveBayes (multinomial)", ordered("alpha", "smoothing"), Map.of(), false, true),
            new Model("linear_regression", Task.REGRESSION, "LinearRegression", ordered("epochs", "maxIter"), SGD_IGNORED, false, false),
            new Model("ridge", Task.REGRESSION, "LinearRegression (L2)", ordered("alpha", "regParam = alpha / rows, elasticNetParam 0"),
                    Map.of(), false, false),
            new Model("lasso", Task.REGRESSION, "LinearRegression (L1)", ordered("alpha", "regParam, elasticNetParam 1",
                    "max_iterations", "maxIter", "tolerance", "tol"), Map.of(), false, false),
            new Model("elastic_net", Task.REGRESSION, "LinearRegression (L1 + L2)", ordered("alpha", "regParam", "l1_ratio",
                    "elasticNetParam", "max_iterations", "maxIter", "tolerance", "tol"), Map.of(), false, false),
            new Model("decision_tree", Task.REGRESSION, "DecisionTreeRegressor", TREE, Map.of(), false, false),
            new Model("random_forest", Task.REGRESSION, "RandomForestRegressor", FOREST, Map.of(), false, false),
            new Model("xgboost", Task.REGRESSION, "GBTRegressor", BOOSTED, BOOSTED_IGNORED, false, false),
            new Model(GBT, Task.REGRESSION, "GBTRegressor", BOOSTED, BOOSTED_IGNORED, false, false),
            new Model("kmeans", Task.CLUSTERING, "KMeans", ordered("k", "k", "init", "initMode (kmeans++ as k-means||)",
                    "iterations", "maxIter", "restarts", "best of that many fits by cost, seeds seed..seed+n-1",
                    "distance", "distanceMeasure (l2, cosine)"), Map.of("threads", "Spark uses its executors' cores"), false, false));

    private SparkModels() {
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    /** The Spark form of {@code name} for {@code task}; exit 2 naming train.model when Spark has none. */
    static Model of(String name, Task task) {
        for (Model m : ALL) {
            if (m.name.equals(name) && m.task == task) {
                return m;
            }
        }
        List<String> names = ALL.stream().filter(m -> m.task == task).map(Model::name).toList();
        throw new InputException("train.model: '" + name + "' has no Spark ML counterpart for " + task.label()
                + "; the spark engine trains " + String.join(", ", names) + " (or run it with --engine local)");
    }

    /**
     * The parameters the user set (not defaults) that this engine cannot honour: exit 2 naming the first;
     * the ones it leaves out harmlessly come back as notes.
     */
    static List<String> check(Model m, JsonNode userParams, List<String> notes) {
        m.spec().resolvedParams(userParams); // the catalog's own checks: names and values
        List<String> out = new ArrayList<>();
        userParams.fieldNames().forEachRemaining(p -> {
            if (m.mapped.containsKey(p)) {
                if (p.equals("criterion") && userParams.get(p).asText().equals("mae")) {
                    throw new InputException("train.params.criterion: mae has no Spark tree counterpart (Spark splits by variance);"
                            + " use mse");
                }
                if (p.equals("distance") && userParams.get(p).asText().equals("l1")) {
                    throw new InputException("train.params.distance: l1 has no Spark KMeans counterpart; use l2 or cosine");
                }
                return;
            }
            if (m.ignored.containsKey(p)) {
                out.add("train.params." + p + " is left out: " + m.ignored.get(p));
                return;
            }
            throw new InputException("train.params." + p + ": " + m.name + " on Spark (" + m.sparkClass + ") has no"
                    + " counterpart; it takes " + String.join(", ", m.mapped.keySet()) + " (or run it with --engine local)");
        });
        notes.addAll(out);
        return out;
    }

    /** The unfitted Spark estimator with the resolved parameters mapped. */
    static Estimator<?> estimator(Model m, JsonNode p, long seed, long trainRows) {
        String label = SparkRun.LABEL;
        String features = SparkRun.FEATURES;
        return switch (m.sparkClass) {
            case "LogisticRegression" -> new LogisticRegression().setMaxIter(p.get("epochs").asInt()).setLabelCol(label)
                    .setFeaturesCol(features).setPredictionCol(SparkRun.PREDICTION).setProbabilityCol(SparkRun.PROBABILITY)
                    .setRawPredictionCol(SparkRun.RAW);
            case "LinearSVC" -> new LinearSVC().setMaxIter(p.get("epochs").asInt()).setLabelCol(label).setFeaturesCol(features)
                    .setPredictionCol(SparkRun.PREDICTION).setRawPredictionCol(SparkRun.RAW);
            case "DecisionTreeClassifier" -> new DecisionTreeClassifier().setMaxDepth(depth(p)).setMinInstancesPerNode(minLeaf(p))
                    .setImpurity(p.get("criterion").asText()).setSeed(seed).setLabelCol(label).setFeaturesCol(features)
                    .setPredictionCol(SparkRun.PREDICTION).setProbabilityCol(SparkRun.PROBABILITY).setRawPredictionCol(SparkRun.RAW);
            case "RandomForestClassifier" -> new RandomForestClassifier().setNumTrees(p.get("trees").asInt()).setMaxDepth(depth(p))
                    .setMinInstancesPerNode(minLeaf(p)).setImpurity(p.get("criterion").asText())
                    .setFeatureSubsetStrategy(fraction(p.get("feature_fraction").asDouble())).setSeed(seed).setLabelCol(label)
                    .setFeaturesCol(features).setPredictionCol(SparkRun.PREDICTION).setProbabilityCol(SparkRun.PROBABILITY)
                    .setRawPredictionCol(SparkRun.RAW);
            case "GBTClassifier" -> new GBTClassifier().setMaxIter(p.get("trees").asInt()).setMaxDepth(depth(p))
                    .setStepSize(p.get("eta").asDouble()).setSubsamplingRate(p.get("subsample").asDouble())
                    .setFeatureSubsetStrategy(fraction(p.get("colsample").asDouble())).setSeed(seed).setLabelCol(label)
                    .setFeaturesCol(features).setPredictionCol(SparkRun.PREDICTION).setProbabilityCol(SparkRun.PROBABILITY)
                    .setRawPredictionCol(SparkRun.RAW);
            case "NaiveBayes (multinomial)" -> new NaiveBayes().setSmoothing(p.get("alpha").asDouble()).setModelType("multinomial")
                    .setLabelCol(label).setFeaturesCol(features).setPredictionCol(SparkRun.PREDICTION)
                    .setProbabilityCol(SparkRun.PROBABILITY).setRawPredictionCol(SparkRun.RAW);
            case "LinearRegression" -> linear(p.get("epochs").asInt(), 0, 0, 1e-6);
            // scikit-learn's Ridge minimises |y - Xw|^2 + alpha |w|^2; Spark divides the loss by 2n
            case "LinearRegression (L2)" -> linear(100, p.get("alpha").asDouble() / Math.max(1, trainRows), 0, 1e-6);
            case "LinearRegression (L1)" -> linear(p.get("max_iterations").asInt(), p.get("alpha").asDouble(), 1,
                    p.get("tolerance").asDouble());
            case "LinearRegression (L1 + L2)" -> linear(p.get("max_iterations").asInt(), p.get("alpha").asDouble(),
                    p.get("l1_ratio").asDouble(), p.get("tolerance").asDouble());
            case "DecisionTreeRegressor" -> new DecisionTreeRegressor().setMaxDepth(depth(p)).setMinInstancesPerNode(minLeaf(p))
                    .setImpurity("variance").setSeed(seed).setLabelCol(label).setFeaturesCol(features)
                    .setPredictionCol(SparkRun.PREDICTION);
            case "RandomForestRegressor" -> new RandomForestRegressor().setNumTrees(p.get("trees").asInt()).setMaxDepth(depth(p))
                    .setMinInstancesPerNode(minLeaf(p)).setImpurity("variance")
                    .setFeatureSubsetStrategy(fraction(p.get("feature_fraction").asDouble())).setSeed(seed).setLabelCol(label)
                    .setFeaturesCol(features).setPredictionCol(SparkRun.PREDICTION);
            case "GBTRegressor" -> new GBTRegressor().setMaxIter(p.get("trees").asInt()).setMaxDepth(depth(p))
                    .setStepSize(p.get("eta").asDouble()).setSubsamplingRate(p.get("subsample").asDouble())
                    .setFeatureSubsetStrategy(fraction(p.get("colsample").asDouble())).setSeed(seed).setLabelCol(label)
                    .setFeaturesCol(features).setPredictionCol(SparkRun.PREDICTION);
            case "KMeans" -> new KMeans().setK(p.get("k").asInt()).setMaxIter(p.get("iterations").asInt())
                    .setInitMode(p.get("init").asText().equals("random") ? "random" : "k-means||")
                    .setDistanceMeasure(p.get("distance").asText().equals("cosine") ? "cosine" : "euclidean")
                    .setSeed(seed).setFeaturesCol(features).setPredictionCol(SparkRun.PREDICTION);
            default -> throw new IllegalStateException(m.sparkClass);
        };
    }

    private static LinearRegression linear(int maxIter, double regParam, double elasticNet, double tol) {
        // standardization off: the penalty applies to the weights as the local engine (and scikit-learn) define it
        return new LinearRegression().setMaxIter(maxIter).setRegParam(regParam).setElasticNetParam(elasticNet).setTol(tol)
                .setStandardization(false).setLabelCol(SparkRun.LABEL).setFeaturesCol(SparkRun.FEATURES)
                .setPredictionCol(SparkRun.PREDICTION);
    }

    /** Spark trees go at most 30 deep. */
    private static int depth(JsonNode p) {
        return Math.min(30, p.get("max_depth").asInt());
    }

    private static int minLeaf(JsonNode p) {
        return Math.max(1, (int) Math.round(p.get("min_leaf").asDouble()));
    }

    private static String fraction(double f) {
        return f >= 1.0 ? "all" : String.format(Locale.ROOT, "%s", f);
    }

    /** What {@code workbench models --engine spark} prints. */
    static List<String> lines(String task) {
        List<String> out = new ArrayList<>();
        for (Task t : Task.values()) {
            if (task != null && !task.equals(t.label())) {
                continue;
            }
            List<Model> models = ALL.stream().filter(m -> m.task == t).toList();
            out.add(String.format(Locale.ROOT, "%s on Spark (%d algorithms)", t.label(), models.size()));
            for (Model m : models) {
                out.add(String.format(Locale.ROOT, "  %-22s Spark ML %s%s", m.name, m.sparkClass,
                        m.binaryOnly ? " (two classes only)" : ""));
                for (Key k : m.spec().params()) {
                    String how = m.mapped.containsKey(k.name()) ? "-> " + m.mapped.get(k.name())
                            : m.ignored.containsKey(k.name()) ? "left out: " + m.ignored.get(k.name()) : "refused when set";
                    out.add(String.format(Locale.ROOT, "      %-18s default %-8s %s", k.name(), k.describeDefault(), how));
                }
            }
            out.add("");
        }
        out.add("Set them as for the local engine, e.g.  train: {model: random_forest, params: {trees: 200}}");
        return out;
    }
}
