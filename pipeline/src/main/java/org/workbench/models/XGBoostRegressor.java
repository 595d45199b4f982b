package org.workbench.models;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.regression.ImmutableRegressionInfo;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.xgboost.XGBoostRegressionConverter;
import org.workbench.data.TableDataset;

/**
 * Tribuo's XGBoost regression with squared error ({@code XGBoostRegressionTrainer} with
 * {@code RegressionType.LINEAR}: the same parameters, one booster per target dimension, the same
 * model), except that a {@link TableDataset} becomes XGBoost's matrix straight from its columns
 * ({@link XGBoostMatrix}) instead of through an example per row. Any other dataset goes through
 * Tribuo's own conversion of its examples. Tribuo's trainer is final, so this one extends its parent
 * ({@link TableXGBoostTrainer}) and repeats its training.
 */
public final class XGBoostRegressor extends TableXGBoostTrainer<Regressor> {
    XGBoostRegressor(BoosterType booster, TreeMethod method, int trees, double eta, double gamma, int maxDepth,
                     double minChildWeight, double subsample, double colsample, double lambda, double alpha, int threads,
                     LoggingVerbosity verbosity, long seed) {
        super(booster, method, trees, eta, gamma, maxDepth, minChildWeight, subsample, colsample, lambda, alpha, threads,
                verbosity, seed);
        postConfig();
    }

    /** For Tribuo's configuration system, which may rebuild a trainer from its provenance. */
    private XGBoostRegressor() {
    }

    @Override
    public void postConfig() {
        super.postConfig();
        parameters.put("objective", "reg:squarederror");
    }

    @Override
    Boosted<Regressor> boost(Dataset<Regressor> examples) throws XGBoostError {
        ImmutableFeatureMap featureMap = examples.getFeatureIDMap();
        ImmutableOutputInfo<Regressor> outputInfo = examples.getOutputIDInfo();
        // each dimension's targets by its id, as Tribuo's trainer orders them
        int[] dimensionIds = ((ImmutableRegressionInfo) outputInfo).getNaturalOrderToIDMapping();
        float[][] targets = new float[outputInfo.size()][examples.size()];
        List<Booster> boosters = new ArrayList<>();
        DMatrix matrix;
        if (examples instanceof TableDataset<Regressor> table) {
            for (int row = 0; row < table.size(); row++) {
                addTargets(table.output(row), row, dimensionIds, targets);
            }
            matrix = XGBoostMatrix.of(table.rows(), featureMap, targets[0]);
        } else {
            float[] weights = new float[examples.size()];
            int row = 0;
            for (Example<Regressor> example : examples) {
                weights[row] = example.getWeight();
                addTargets(example.getOutput(), row++, dimensionIds, targets);
            }
            matrix = convertExamples(examples, featureMap, null).data;
            matrix.setWeight(weights);
        }
        Map<String, Object> params = overrideParameters.isEmpty() ? copyParams(parameters) : copyParams(overrideParameters);
        try {
            for (float[] target : targets) {
                matrix.setLabel(target);
                boosters.add(XGBoost.train(matrix, params, numTrees, Map.of(), null, null));
            }
        } finally {
            matrix.dispose();
        }
        return new Boosted<>("xgboost-regression-model", boosters, new XGBoostRegressionConverter());
    }

    private static void addTargets(Regressor output, int row, int[] dimensionIds, float[][] targets) {
        double[] values = output.getValues();
        for (int j = 0; j < values.length; j++) {
            targets[dimensionIds[j]][row] = (float) values[j];
        }
    }
}
