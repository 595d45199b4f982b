package org.workbench.selection;

import com.oracle.labs.mlrg.olcut.util.Pair;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.FeatureSelector;
import org.tribuo.Model;
import org.tribuo.SelectedFeatureSet;
import org.tribuo.classification.Label;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.fs.CMIM;
import org.tribuo.classification.fs.JMI;
import org.tribuo.classification.fs.MIM;
import org.tribuo.classification.fs.mRMR;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.optimisers.AdaGradRDA;
import org.tribuo.regression.rtree.CARTRegressionTrainer;
import org.tribuo.regression.slm.LARSLassoTrainer;
import org.workbench.core.InputException;
import org.workbench.data.Target;
import org.workbench.data.TribuoData;
import tech.tablesaw.api.Table;

/** Feature scores that come from Tribuo: information-theoretic selection and model importances. */
final class TribuoScores {
    public static final List<String> MI_METHODS = List.of("mim", "jmi", "mrmr", "cmim");
    public static final List<String> MODELS = List.of("tree", "l1");
    /** Depth of the CART tree whose splits rank the features. */
    private static final int TREE_DEPTH = 8;
    /** L1 strength of the regularised-dual-averaging logistic regression: small weights become exactly 0. */
    static final double L1 = 0.01;
    private static final int L1_EPOCHS = 10;

    private TribuoScores() {
    }

    /**
     * Mutual information of each feature with the label (MIM over all features, values discretised into
     * {@code bins} equal-width bins); the kept features are those the chosen criterion selects.
     */
    static ScoredSelector.Fitted mutualInformation(Table features, Target target, String miMethod, int k, int bins) {
        if (!target.isCategorical()) {
            throw new InputException("select.method mutual_info needs a classification target; use f_test or"
                    + " target_correlation for regression");
        }
        var dataset = TribuoData.classification(features, target);
        int n = Math.min(k, features.columnCount());
        SelectedFeatureSet all = new MIM(FeatureSelector.SELECT_ALL, bins).select(dataset);
        FeatureSelector<Label> chosen = switch (miMethod) {
            case "mim" -> new MIM(n, bins);
            case "jmi" -> new JMI(n, bins, 1);
            case "mrmr" -> new mRMR(n, bins, 1);
            case "cmim" -> new CMIM(n, bins, 1);
            default -> throw new IllegalArgumentException("unknown mutual information method " + miMethod);
        };
        List<String> kept = chosen.select(dataset).featureNames();
        Map<String, Double> mi = new HashMap<>();
        for (int i = 0; i < all.featureNames().size(); i++) {
            mi.put(all.featureNames().get(i), all.featureScores().get(i));
        }
        List<ScoredSelector.Fitted.Score> scores = new ArrayList<>();
        for (String f : features.columnNames()) {
            boolean keep = kept.contains(f);
            scores.add(new ScoredSelector.Fitted.Score(f, mi.getOrDefault(f, 0.0), keep, keep ? "" : "not chosen by " + miMethod));
        }
        return ScoredSelector.Fitted.of("mutual_info", "mutual information (" + miMethod + " chooses, " + bins + " bins)", scores);
    }

    /**
     * The top-k features of a CART tree (split importance) or of an L1-regularised linear model (absolute
     * weight, the largest over the classes): logistic regression trained with regularised dual averaging
     * for classes, LARS lasso for a numeric target. Features the model does not use are never kept.
     */
    static ScoredSelector.Fitted modelImportance(Table features, Target target, String model, int k, long seed) {
        Model<?> trained;
        if (model.equals("l1") && target.isCategorical()) {
            var data = TribuoData.classification(features, target);
            trained = new LinearSGDTrainer(new LogMulticlass(), new AdaGradRDA(0.1, 1e-6, L1, 0, data.size()), L1_EPOCHS,
                    -1, 1, seed).train(data);
        } else if (model.equals("l1")) {
            // Tribuo's LARS fails on a constant feature; such a feature has no weight to give anyway
            Table varying = org.workbench.recipe.FeatureColumns.copy(features);
            for (String name : features.columnNames()) {
                if (FeatureScores.variance(features.doubleColumn(name).asDoubleArray()) == 0) {
                    varying.removeColumns(name);
                }
            }
            if (varying.columnCount() == 0) {
                throw new InputException("select.model l1: every feature is constant in the training rows");
            }
            trained = new LARSLassoTrainer(Math.min(k, varying.columnCount())).train(TribuoData.regression(varying, target));
        } else if (target.isCategorical()) {
            trained = new CARTClassificationTrainer(TREE_DEPTH, 1.0f, seed).train(TribuoData.classification(features, target));
        } else {
            trained = new CARTRegressionTrainer(TREE_DEPTH).train(TribuoData.regression(features, target));
        }
        Map<String, Double> importance = new HashMap<>();
        for (List<Pair<String, Double>> perOutput : trained.getTopFeatures(-1).values()) {
            for (Pair<String, Double> p : perOutput) {
                importance.merge(p.getA(), Math.abs(p.getB()), Math::max);
            }
        }
        List<String> ranked = new ArrayList<>(features.columnNames());
        ranked.sort((a, b) -> Double.compare(importance.getOrDefault(b, 0.0), importance.getOrDefault(a, 0.0)));
        List<String> kept = ranked.subList(0, Math.min(k, ranked.size())).stream()
                .filter(f -> importance.getOrDefault(f, 0.0) > 0).toList();
        List<ScoredSelector.Fitted.Score> scores = new ArrayList<>();
        for (String f : features.columnNames()) {
            boolean keep = kept.contains(f);
            scores.add(new ScoredSelector.Fitted.Score(f, importance.getOrDefault(f, 0.0), keep,
                    keep ? "" : importance.getOrDefault(f, 0.0) > 0 ? "not in the top " + k : "unused by the model"));
        }
        return ScoredSelector.Fitted.of("model_based", model.equals("l1") ? "|lasso weight|" : "tree importance", scores);
    }
}
