package org.workbench.evaluation;

import java.util.List;
import org.workbench.config.ConfigException;
import org.workbench.config.Key;
import org.workbench.config.Section;

/** The {@code evaluate:} section: cross-validation folds and the metrics to report. */
public record EvaluateConfig(int cvFolds, List<String> metrics) {

    public static final List<Key> KEYS = List.of(
            Key.integer("cv_folds", 5, "k-fold cross-validation on the training split (0 or 1 = off); the recipe is refitted per fold"),
            Key.list("metrics", List.of(), "metrics to report; empty = all for the task"));

    public static EvaluateConfig parse(Section e) {
        int folds = e.integer("cv_folds");
        if (folds < 0) {
            throw new ConfigException(e.join("cv_folds"), "expected 0 or more, got " + folds);
        }
        return new EvaluateConfig(folds, e.strings("metrics"));
    }
}
