package org.workbench.evaluation;

import java.util.Locale;
import org.workbench.data.Predictions;

/**
 * The decision rule of a binary model that predicts probabilities: a row is {@code positiveClass}
 * when its probability of that class is at least {@code value}, the other class otherwise. The
 * same comparison chooses the threshold ({@link Curves}), scores it, and labels rows in
 * {@code workbench predict}. {@code rule} says how it was chosen ("f1" or "youden") and
 * {@code chosenOn} on which rows.
 */
public record DecisionThreshold(double value, String positiveClass, String rule, String chosenOn) {

    /** Relabels the predictions; the probabilities are kept as they are. */
    public Predictions apply(Predictions predictions) {
        return Thresholds.apply(predictions, positiveClass, value);
    }

    /** Applies the threshold when there is one: the final model's one way of labelling rows. */
    public static Predictions apply(DecisionThreshold threshold, Predictions predictions) {
        return threshold == null ? predictions : threshold.apply(predictions);
    }

    /** For the terminal, e.g. "threshold 0.3712 on P(Survived=1), chosen by f1 on out-of-fold training predictions". */
    public String describe(String target) {
        return String.format(Locale.ROOT, "threshold %.4f on P(%s=%s), chosen by %s on %s", value, target, positiveClass,
                rule, chosenOn);
    }
}
