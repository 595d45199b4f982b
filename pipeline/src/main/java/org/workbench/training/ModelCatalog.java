package org.workbench.training;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.tribuo.classification.baseline.DummyClassifierTrainer;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.ensemble.VotingCombiner;
import org.tribuo.classification.sgd.objectives.Hinge;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.common.xgboost.XGBoostTrainer.BoosterType;
import org.tribuo.common.xgboost.XGBoostTrainer.LoggingVerbosity;
import org.tribuo.common.xgboost.XGBoostTrainer.TreeMethod;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.regression.baseline.DummyRegressionTrainer;
import org.tribuo.regression.ensemble.AveragingCombiner;
import org.tribuo.regression.rtree.CARTRegressionTrainer;
import org.tribuo.regression.rtree.impurity.MeanSquaredError;
import org.tribuo.regression.sgd.objectives.SquaredLoss;
import org.tribuo.regression.xgboost.XGBoostRegressionTrainer;
import org.workbench.config.ConfigException;
import org.workbench.config.Key;
import org.workbench.config.Section;
import org.workbench.config.Suggest;
import org.workbench.data.Task;

/** The algorithms a config can name under {@code train.model}, per task, with their parameters. */
public final class ModelCatalog {
    static {
        QuietLogging.apply();
    }

    /** Tribuo's CART default: a node needs this much example weight to be split further. */
    private static final float MIN_CHILD_WEIGHT = 5f;

    private static final List<Key> SGD_PARAMS = List.of(
            Key.integer("epochs", 20, "passes over the training rows"),
            Key.number("learning_rate", 0.1, "initial AdaGrad step size; smaller is slower but steadier"),
            Key.integer("minibatch", 1, "rows per gradient step"));

    private static final List<Key> REGRESSION_SGD_PARAMS = List.of(
            Key.integer("epochs", 20, "passes over the training rows"),
            Key.number("learning_rate", 0.05, "initial AdaGrad step size, as a share of the target's root-mean-square"
                    + " value (so it suits any unit); smaller is slower but steadier"),
            Key.integer("minibatch", 1, "rows per gradient step"));

    private static final List<Key> TREE_PARAMS = List.of(
            Key.integer("max_depth", 6, "deepest question chain from root to leaf; deeper fits more detail (and noise)"));

    private static final List<Key> FOREST_PARAMS = List.of(
            Key.integer("trees", 50, "number of trees that vote"),
            Key.integer("max_depth", 10, "maximum depth of each tree"),
            Key.number("feature_fraction", 0.5, "share of features each split may choose from (0 < x < 1)"));

    private static final List<Key> XGBOOST_PARAMS = List.of(
            Key.integer("trees", 100, "boosting rounds (one tree per round, per class)"),
            Key.integer("max_depth", 6, "maximum depth of each tree"),
            Key.number("eta", 0.3, "learning rate: how much each new tree corrects the previous ones"),
            Key.number("subsample", 1.0, "share of rows each tree sees (0 < x <= 1)"),
            Key.number("colsample", 1.0, "share of features each tree sees (0 < x <= 1)"),
            Key.number("lambda", 1.0, "L2 penalty on leaf weights"),
            Key.number("alpha", 0.0, "L1 penalty on leaf weights"),
            Key.number("min_child_weight", 1.0, "minimum example weight in a leaf"),
            Key.integer("threads", Runtime.getRuntime().availableProcessors(), "CPU threads to use; default: all processors"));

    private static final List<ModelSpec> CLASSIFICATION = List.of(
            new ModelSpec("baseline", Task.CLASSIFICATION,
                    "Always predicts the most frequent training class: the score any real model must beat.",
                    List.of(), (p, seed, scale) -> DummyClassifierTrainer.createMostFrequentTrainer()),
            new ModelSpec("logistic_regression", Task.CLASSIFICATION,
                    "A weighted sum of the features turned into class probabilities; fast, and its weights can be read.",
                    SGD_PARAMS, (p, seed, scale) -> new org.tribuo.classification.sgd.linear.LinearSGDTrainer(
                            new LogMulticlass(), adaGrad(p, 1.0), epochs(p), -1, minibatch(p), seed)),
            new ModelSpec("linear_svm", Task.CLASSIFICATION,
                    "A straight boundary placed with the widest margin between classes (hinge loss); gives no probabilities.",
                    SGD_PARAMS, (p, seed, scale) -> new org.tribuo.classification.sgd.linear.LinearSGDTrainer(
                            new Hinge(), adaGrad(p, 1.0), epochs(p), -1, minibatch(p), seed)),
            new ModelSpec("decision_tree", Task.CLASSIFICATION,
                    "A flowchart of yes/no questions about single features; easy to read, overfits when deep.",
                    TREE_PARAMS, (p, seed, scale) -> new CARTClassificationTrainer(atLeast(p, "max_depth", 1), 1f, seed)),
            new ModelSpec("random_forest", Task.CLASSIFICATION,
                    "Many decision trees, each on a bootstrap sample and random feature subsets, voting together.",
                    FOREST_PARAMS, (p, seed, scale) -> new RandomForestTrainer<>(
                            new CARTClassificationTrainer(atLeast(p, "max_depth", 1), featureFraction(p), seed),
                            new VotingCombiner(), atLeast(p, "trees", 1), seed)),
            new ModelSpec("xgboost", Task.CLASSIFICATION,
                    "Gradient-boosted trees: each new tree corrects the errors of the ones before; often the most accurate on tables.",
                    XGBOOST_PARAMS, (p, seed, scale) -> new XGBoostClassificationTrainer(BoosterType.GBTREE, TreeMethod.HIST,
                            atLeast(p, "trees", 1), positive(p, "eta"), 0.0, atLeast(p, "max_depth", 1),
                            nonNegative(p, "min_child_weight"), share(p, "subsample"), share(p, "colsample"),
                            nonNegative(p, "lambda"), nonNegative(p, "alpha"), atLeast(p, "threads", 1),
                            LoggingVerbosity.SILENT, seed)));

    private static final List<ModelSpec> REGRESSION = List.of(
            new ModelSpec("baseline", Task.REGRESSION,
                    "Always predicts the mean of the training target: the error any real model must beat.",
                    List.of(), (p, seed, scale) -> DummyRegressionTrainer.createMeanTrainer()),
            new ModelSpec("linear_regression", Task.REGRESSION,
                    "A weighted sum of the features fitted to minimise squared error; scale the features first.",
                    REGRESSION_SGD_PARAMS, (p, seed, scale) -> new org.tribuo.regression.sgd.linear.LinearSGDTrainer(
                            new SquaredLoss(), adaGrad(p, scale), epochs(p), -1, minibatch(p), seed)),
            new ModelSpec("decision_tree", Task.REGRESSION,
                    "A flowchart of yes/no questions about single features, predicting the mean of each leaf.",
                    TREE_PARAMS, (p, seed, scale) -> regressionTree(atLeast(p, "max_depth", 1), 1f, seed)),
            new ModelSpec("random_forest", Task.REGRESSION,
                    "Many decision trees, each on a bootstrap sample and random feature subsets, averaged together.",
                    FOREST_PARAMS, (p, seed, scale) -> new RandomForestTrainer<>(
                            regressionTree(atLeast(p, "max_depth", 1), featureFraction(p), seed),
                            new AveragingCombiner(), atLeast(p, "trees", 1), seed)),
            new ModelSpec("xgboost", Task.REGRESSION,
                    "Gradient-boosted trees: each new tree corrects the errors of the ones before; often the most accurate on tables.",
                    XGBOOST_PARAMS, (p, seed, scale) -> new XGBoostRegressionTrainer(BoosterType.GBTREE, TreeMethod.HIST,
                            XGBoostRegressionTrainer.RegressionType.LINEAR,
                            atLeast(p, "trees", 1), positive(p, "eta"), 0.0, atLeast(p, "max_depth", 1),
                            nonNegative(p, "min_child_weight"), share(p, "subsample"), share(p, "colsample"),
                            nonNegative(p, "lambda"), nonNegative(p, "alpha"), atLeast(p, "threads", 1),
                            LoggingVerbosity.SILENT, seed)));

    private ModelCatalog() {
    }

    /** Every algorithm, classification first. */
    public static List<ModelSpec> all() {
        return Stream.concat(CLASSIFICATION.stream(), REGRESSION.stream()).toList();
    }

    public static List<ModelSpec> forTask(Task task) {
        return task == Task.CLASSIFICATION ? CLASSIFICATION : REGRESSION;
    }

    public static String defaultModel(Task task) {
        return task == Task.CLASSIFICATION ? "logistic_regression" : "linear_regression";
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
        Task other = task == Task.CLASSIFICATION ? Task.REGRESSION : Task.CLASSIFICATION;
        if (forTask(other).stream().anyMatch(s -> s.name().equals(name))) {
            throw new ConfigException("train.model", "'" + name + "' is not a " + task.label() + " model (it is for "
                    + other.label() + ");" + valid);
        }
        String nearest = Suggest.nearest(name, byName.keySet());
        throw new ConfigException("train.model", "'" + name + "' is not a " + task.label() + " model;"
                + (nearest == null ? "" : " did you mean '" + nearest + "'?") + valid);
    }

    private static AdaGrad adaGrad(Section p, double targetScale) {
        return new AdaGrad(positive(p, "learning_rate") * targetScale);
    }

    private static int epochs(Section p) {
        return atLeast(p, "epochs", 1);
    }

    private static int minibatch(Section p) {
        return atLeast(p, "minibatch", 1);
    }

    private static float featureFraction(Section p) {
        return (float) p.fraction("feature_fraction", false);
    }

    private static CARTRegressionTrainer regressionTree(int maxDepth, float featureFraction, long seed) {
        return new CARTRegressionTrainer(maxDepth, MIN_CHILD_WEIGHT, 0f, featureFraction, false, new MeanSquaredError(), seed);
    }

    private static int atLeast(Section p, String name, int min) {
        int v = p.integer(name);
        if (v < min) {
            throw new ConfigException(p.join(name), "expected an integer >= " + min + ", got " + v);
        }
        return v;
    }

    private static double positive(Section p, String name) {
        double v = p.number(name);
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new ConfigException(p.join(name), "expected a number > 0, got " + v);
        }
        return v;
    }

    private static double nonNegative(Section p, String name) {
        double v = p.number(name);
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new ConfigException(p.join(name), "expected a number >= 0, got " + v);
        }
        return v;
    }

    /** A share of rows or features: 0 < x <= 1. */
    private static double share(Section p, String name) {
        double v = p.number(name);
        if (!(v > 0 && v <= 1)) {
            throw new ConfigException(p.join(name), "expected a fraction 0 < x <= 1, got " + v);
        }
        return v;
    }
}
