package org.workbench.models;

import java.util.ArrayList;
import java.util.List;
import org.tribuo.common.xgboost.XGBoostTrainer.TreeMethod;
import org.workbench.config.ConfigException;
import org.workbench.config.Key;
import org.workbench.config.Section;

/** Parameters shared by the tree algorithms of both tasks. */
final class Trees {
    private Trees() {
    }

    /** max_depth, min_leaf and criterion of a single tree. */
    static List<Key> treeParams(int depth, List<String> criteria) {
        return List.of(
                Key.integer("max_depth", depth, "deepest question chain from root to leaf; deeper fits more detail (and noise)"),
                Key.number("min_leaf", 5.0, "a split is kept only if each side holds at least this many rows"),
                Key.choice("criterion", criteria.get(0), criteria, "how the purity of a split is measured"));
    }

    /** The number of trees, the feature share per split, then the parameters of each tree. */
    static List<Key> ensembleParams(List<String> criteria, double featureFraction, String fractionHelp) {
        List<Key> keys = new ArrayList<>();
        keys.add(Key.integer("trees", 50, "number of trees in the ensemble"));
        keys.add(Key.number("feature_fraction", featureFraction, fractionHelp));
        keys.addAll(treeParams(10, criteria));
        return List.copyOf(keys);
    }

    static final String FOREST_FRACTION = "share of features each split may choose from (0 < x < 1)";
    static final String EXTRA_FRACTION = "share of features each split may choose from (0 < x <= 1)";

    static final List<Key> XGBOOST_PARAMS = List.of(
            Key.integer("trees", 100, "boosting rounds: one tree per round (per class when there are more than two)"),
            Key.integer("max_depth", 6, "maximum depth of each tree"),
            Key.number("eta", 0.3, "learning rate: how much each new tree corrects the previous ones"),
            Key.number("subsample", 1.0, "share of rows each tree sees (0 < x <= 1)"),
            Key.number("colsample", 1.0, "share of features each tree sees (0 < x <= 1)"),
            Key.number("lambda", 1.0, "L2 penalty on leaf weights"),
            Key.number("alpha", 0.0, "L1 penalty on leaf weights"),
            Key.number("gamma", 0.0, "minimum loss reduction needed to split a leaf further"),
            Key.number("min_child_weight", 1.0, "minimum example weight in a leaf"),
            Key.choice("tree_method", "hist", List.of("hist", "exact", "approx", "auto"),
                    "how split points are searched: hist bins the features (fast), exact tries every value"),
            Key.integer("threads", 0, "CPU threads; 0 = auto: all processors from 10,000 training rows, else 1"));

    /** Random forests need 0 < x < 1: with every feature at every split the trees would all agree. */
    static float featureFraction(Section p) {
        return (float) p.fraction("feature_fraction", false);
    }

    /** Extra trees may use every feature: the random split points already make the trees differ. */
    static float featureShare(Section p) {
        return (float) Params.share(p, "feature_fraction");
    }

    static TreeMethod treeMethod(Section p) {
        return switch (p.choice("tree_method")) {
            case "exact" -> TreeMethod.EXACT;
            case "approx" -> TreeMethod.APPROX;
            case "auto" -> TreeMethod.AUTO;
            case "hist" -> TreeMethod.HIST;
            default -> throw new ConfigException(p.join("tree_method"), "unsupported");
        };
    }
}
