package org.workbench.models;

import static org.workbench.models.Params.atLeast;
import static org.workbench.models.Params.nonNegative;
import static org.workbench.models.Params.positive;

import java.util.List;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.common.xgboost.XGBoostTrainer.BoosterType;
import org.tribuo.common.xgboost.XGBoostTrainer.LoggingVerbosity;
import org.tribuo.math.la.VectorTuple;
import org.tribuo.regression.baseline.DummyRegressionTrainer;
import org.tribuo.regression.ensemble.AveragingCombiner;
import org.tribuo.regression.rtree.CARTRegressionTrainer;
import org.tribuo.regression.rtree.impurity.MeanAbsoluteError;
import org.tribuo.regression.rtree.impurity.MeanSquaredError;
import org.tribuo.regression.slm.ElasticNetCDTrainer;
import org.tribuo.regression.slm.SLMTrainer;
import org.workbench.config.Key;
import org.workbench.config.Section;
import org.workbench.data.Task;

/** The regression algorithms of the catalog. */
final class RegressionModels {
    private RegressionModels() {
    }

    private static final List<String> CRITERIA = List.of("mse", "mae");

    private static final Key MAX_ITERATIONS = Key.integer("max_iterations", 1000, "coordinate-descent passes before giving up");
    private static final Key TOLERANCE = Key.number("tolerance", 1e-4, "stop when no weight moves by more than this share");

    private static final List<Key> KNN_PARAMS = List.of(
            Key.integer("k", 5, "neighbours whose targets are averaged"),
            Key.choice("distance", "l2", List.of("l2", "l1", "cosine"), "l2 = straight-line, l1 = city-block, cosine = angle"),
            Key.integer("threads", 0, "CPU threads for finding neighbours; 0 = auto: all processors from 10,000 training rows, else 1"));

    static final List<ModelSpec> ALL = List.of(
            new ModelSpec("baseline", Task.REGRESSION,
                    "Always predicts the mean of the training target: the error any real model must beat.",
                    List.of(), (p, seed, data) -> DummyRegressionTrainer.createMeanTrainer()),
            new ModelSpec("linear_regression", Task.REGRESSION,
                    "A weighted sum of the features fitted to minimise squared error by gradient steps; scale the features first.",
                    Linear.REGRESSION_SGD_PARAMS, (p, seed, data) -> new LinearRegressor(
                            Linear.learningRate(p, data.targetScale()), Linear.epochs(p), Linear.minibatch(p), seed)),
            new ModelSpec("least_squares", Task.REGRESSION,
                    "Linear regression solved exactly (ordinary least squares, closed form): no steps, no tuning.",
                    List.of(), (p, seed, data) -> new SLMTrainer(false, -1)),
            new ModelSpec("ridge", Task.REGRESSION,
                    "Least squares with a penalty on squared weights (L2): shrinks them, steadier with correlated features.",
                    List.of(Key.number("alpha", 1.0, "penalty strength, as scikit-learn's Ridge: alpha * sum of squared weights"
                            + " is added to the sum of squared errors"), MAX_ITERATIONS, TOLERANCE),
                    (p, seed, data) -> elasticNet(p, nonNegative(p, "alpha") / Math.max(1, data.rows()), VectorTuple.DELTA, seed)),
            new ModelSpec("lasso", Task.REGRESSION,
                    "Least squares with a penalty on absolute weights (L1): sets weak features' weights to exactly 0.",
                    List.of(Key.number("alpha", 0.1, "penalty strength in the target's units, as scikit-learn's Lasso"),
                            MAX_ITERATIONS, TOLERANCE),
                    (p, seed, data) -> elasticNet(p, nonNegative(p, "alpha"), 1.0, seed)),
            new ModelSpec("elastic_net", Task.REGRESSION,
                    "Least squares with both the lasso (L1) and ridge (L2) penalties, mixed by l1_ratio.",
                    List.of(Key.number("alpha", 0.1, "penalty strength in the target's units, as scikit-learn's ElasticNet"),
                            Key.number("l1_ratio", 0.5, "share of the penalty that is L1 (0 < x <= 1; 1 = lasso)"),
                            MAX_ITERATIONS, TOLERANCE),
                    (p, seed, data) -> elasticNet(p, nonNegative(p, "alpha"), l1Ratio(p), seed)),
            new ModelSpec("decision_tree", Task.REGRESSION,
                    "A flowchart of yes/no questions about single features, predicting the mean of each leaf.",
                    Trees.treeParams(6, CRITERIA), (p, seed, data) -> cart(p, 1f, false, seed)),
            new ModelSpec("random_forest", Task.REGRESSION,
                    "Many decision trees, each on a bootstrap sample and random feature subsets, averaged together.",
                    Trees.ensembleParams(CRITERIA, 0.5, Trees.FOREST_FRACTION), (p, seed, data) -> new RandomForestTrainer<>(
                            cart(p, Trees.featureFraction(p), false, seed), new AveragingCombiner(), atLeast(p, "trees", 1), seed)),
            new ModelSpec("knn", Task.REGRESSION,
                    "Predicts the mean target of the k most similar training rows; scale the features first.",
                    KNN_PARAMS, (p, seed, data) -> Neighbours.trainer(p, data, new MeanCombiner())),
            new ModelSpec("xgboost", Task.REGRESSION,
                    "Gradient-boosted trees: each new tree corrects the errors of the ones before; often the most accurate on tables.",
                    Trees.XGBOOST_PARAMS, (p, seed, data) -> new XGBoostRegressor(BoosterType.GBTREE, Trees.treeMethod(p),
                            atLeast(p, "trees", 1), positive(p, "eta"), nonNegative(p, "gamma"), atLeast(p, "max_depth", 1),
                            nonNegative(p, "min_child_weight"), Params.share(p, "subsample"), Params.share(p, "colsample"),
                            nonNegative(p, "lambda"), nonNegative(p, "alpha"), Params.threads(p, data),
                            LoggingVerbosity.SILENT, seed)));

    private static CARTRegressionTrainer cart(Section p, float featureFraction, boolean randomSplits, long seed) {
        var impurity = p.choice("criterion").equals("mae") ? new MeanAbsoluteError() : new MeanSquaredError();
        return new CARTRegressionTrainer(atLeast(p, "max_depth", 1), (float) nonNegative(p, "min_leaf"), 0f,
                featureFraction, randomSplits, impurity, seed);
    }

    private static ElasticNetCDTrainer elasticNet(Section p, double alpha, double l1Ratio, long seed) {
        return new ElasticNetCDTrainer(alpha, l1Ratio, positive(p, "tolerance"), atLeast(p, "max_iterations", 1), false, seed);
    }

    /** Tribuo needs a little L1; a pure L2 penalty is {@code ridge}. */
    private static double l1Ratio(Section p) {
        double v = p.number("l1_ratio");
        if (!(v > 0 && v <= 1)) {
            throw new org.workbench.config.ConfigException(p.join("l1_ratio"),
                    "expected a fraction 0 < x <= 1 (for no L1 at all use model ridge), got " + v);
        }
        return v;
    }
}
