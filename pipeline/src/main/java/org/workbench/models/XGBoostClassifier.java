package org.workbench.models;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.tribuo.Dataset;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.classification.Label;
import org.tribuo.classification.xgboost.XGBoostClassificationConverter;
import org.tribuo.common.xgboost.XGBoostOutputConverter;
import org.workbench.data.TableDataset;

/**
 * Tribuo's XGBoost classifier, except that a two-class problem trains with XGBoost's
 * {@code binary:logistic} objective, as scikit-learn's {@code XGBClassifier} and XGBoost's own
 * defaults do. Tribuo always asks for {@code multi:softprob}, which grows one tree per class per round:
 * for two classes, twice the trees to build, store and walk. On 800,000 rows x 33 features (100 rounds,
 * depth 6, hist, 2 threads) XGBoost itself trained in 43.5 s with {@code binary:logistic} against
 * 159 s with {@code multi:softprob} (xgboost 1.7, same data and machine, back to back). Three or more
 * classes train exactly as Tribuo's {@code XGBoostClassificationTrainer} does (a final class, so this
 * one extends its parent, through {@link TableXGBoostTrainer}, and repeats its training). A {@link TableDataset} becomes
 * XGBoost's matrix straight from its columns ({@link XGBoostMatrix}); any other dataset through
 * Tribuo's own conversion of its examples, which gives the same matrix.
 */
public final class XGBoostClassifier extends TableXGBoostTrainer<Label> {
    XGBoostClassifier(BoosterType booster, TreeMethod method, int trees, double eta, double gamma, int maxDepth,
                      double minChildWeight, double subsample, double colsample, double lambda, double alpha, int threads,
                      LoggingVerbosity verbosity, long seed) {
        super(booster, method, trees, eta, gamma, maxDepth, minChildWeight, subsample, colsample, lambda, alpha, threads,
                verbosity, seed);
        postConfig();
    }

    /** For Tribuo's configuration system, which may rebuild a trainer from its provenance. */
    private XGBoostClassifier() {
    }

    @Override
    public void postConfig() {
        super.postConfig();
        parameters.put("objective", "multi:softprob");
    }

    @Override
    Boosted<Label> boost(Dataset<Label> examples) throws XGBoostError {
        ImmutableOutputInfo<Label> outputInfo = examples.getOutputIDInfo();
        ImmutableFeatureMap featureMap = examples.getFeatureIDMap();
        Map<String, Object> params = copyParams(parameters);
        boolean binary = outputInfo.size() == 2;
        XGBoostOutputConverter<Label> converter;
        if (binary) {
            params.put("objective", "binary:logistic");
            converter = new BinaryLogisticConverter();
        } else {
            params.put("num_class", outputInfo.size());
            converter = new XGBoostClassificationConverter();
        }
        DMatrix matrix;
        if (examples instanceof TableDataset<Label> table) {
            float[] labels = new float[table.size()];
            for (int row = 0; row < labels.length; row++) {
                labels[row] = outputInfo.getID(table.output(row));
            }
            matrix = XGBoostMatrix.of(table.rows(), featureMap, labels);
        } else {
            Function<Label, Float> response = label -> (float) outputInfo.getID(label);
            matrix = convertExamples(examples, featureMap, response).data;
        }
        try {
            Booster booster = XGBoost.train(matrix, params, numTrees, Map.of(), null, null);
            return new Boosted<>("xgboost-classification-model", List.of(booster), converter);
        } finally {
            matrix.dispose();
        }
    }
}
