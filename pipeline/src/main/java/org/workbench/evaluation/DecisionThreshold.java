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

    /** The rule of a threshold given as a number in the config. */
    public static final String FIXED = "fixed";

    /** For the terminal, e.g. "threshold 0.3712 on P(Survived=1), chosen by f1 on out-of-fold training predictions". */
    public String describe(String target) {
        String how = rule.equals(FIXED) ? "set by " + chosenOn : "chosen by " + rule + " on " + chosenOn;
        return onProbability(target) + ", " + how;
    }

    /** E.g. "threshold 0.3712 on P(Survived=1)", as a deployment's summary names it. */
    public String onProbability(String target) {
        return String.format(Locale.ROOT, "threshold %.4f on P(%s=%s)", value, target, positiveClass);
    }

    /** The probability a config's {@code evaluate.threshold} gives, like "0.35"; null for a rule name or anything else. */
    public static Double fixedValue(String setting) {
        if (setting == null || !setting.matches("[0-9]*\\.?[0-9]+")) {
            return null;
        }
        double v = Double.parseDouble(setting);
        return v > 0 && v < 1 ? v : null;
    }
}
