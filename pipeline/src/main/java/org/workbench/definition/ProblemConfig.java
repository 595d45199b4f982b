package org.workbench.definition;

import java.util.List;
import org.workbench.config.ConfigException;
import org.workbench.config.Key;
import org.workbench.config.Section;

/**
 * The {@code problem:} section: what to predict and how success is measured. Clustering predicts
 * no column: its optional target is a label column used only to score how well the clusters agree
 * with it, and is never a feature.
 */
public record ProblemConfig(String target, String task, String metric, String positiveClass, String missingTarget) {

    public static final List<Key> KEYS = List.of(
            Key.string("target", null, "column to predict (required for classification and regression); for clustering,"
                    + " an optional label column used only to score agreement (ARI, NMI), never as a feature"),
            Key.choice("task", "auto", List.of("auto", "classification", "regression", "clustering"),
                    "auto: numeric target with more than 20 distinct values -> regression, else classification;"
                            + " clustering groups rows by their features alone"),
            Key.string("metric", "auto", "primary metric; auto = accuracy (classification), rmse (regression) or"
                    + " silhouette (clustering)"),
            Key.string("positive_class", null, "class treated as positive for binary precision/recall/ROC-AUC; default: the minority class"),
            Key.choice("missing_target", "drop", List.of("drop", "fail"), "rows whose target is missing: drop them (and say"
                    + " how many) or fail; clustering keeps every row and scores agreement on the labelled ones"));

    public static ProblemConfig parse(Section s) {
        ProblemConfig p = new ProblemConfig(s.string("target"), s.choice("task"), s.string("metric"),
                s.string("positive_class"), s.choice("missing_target"));
        if (p.target() == null && !p.isClustering()) {
            throw new ConfigException(s.join("target"), "is required for " + (p.task().equals("auto")
                    ? "classification and regression" : p.task()) + ": the column to predict (only task: clustering works without one)");
        }
        return p;
    }

    public boolean isClustering() {
        return task.equals("clustering");
    }
}
