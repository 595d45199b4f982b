package org.workbench.definition;

import java.util.List;
import org.workbench.config.Key;
import org.workbench.config.Section;

/** The {@code problem:} section: what to predict and how success is measured. */
public record ProblemConfig(String target, String task, String metric, String positiveClass, String missingTarget) {

    public static final List<Key> KEYS = List.of(
            Key.string("target", Key.REQUIRED, "column to predict"),
            Key.choice("task", "auto", List.of("auto", "classification", "regression"),
                    "auto: numeric target with more than 20 distinct values -> regression, else classification"),
            Key.string("metric", "auto", "primary metric; auto = accuracy (classification) or rmse (regression)"),
            Key.string("positive_class", null, "class treated as positive for binary precision/recall/ROC-AUC; default: the minority class"),
            Key.choice("missing_target", "drop", List.of("drop", "fail"), "rows whose target is missing: drop them (and say how many) or fail"));

    public static ProblemConfig parse(Section s) {
        return new ProblemConfig(s.string("target"), s.choice("task"), s.string("metric"), s.string("positive_class"),
                s.choice("missing_target"));
    }
}
