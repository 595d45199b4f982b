package org.workbench.evaluation;

import java.util.ArrayList;
import java.util.List;

/**
 * How well a classifier's probabilities match how often things happen: the Brier score and the
 * reliability curve. Both need class probabilities; a model without them has neither.
 */
public final class Calibration {
    /** The reliability curve's bins: ten of equal width over [0, 1]. */
    public static final int BINS = 10;

    private Calibration() {
    }

    /**
     * One bin of the reliability curve.
     *
     * @param lower         the bin's lower edge (excluded, except 0 for the first bin)
     * @param upper         the bin's upper edge (included)
     * @param rows          rows whose predicted probability falls in the bin
     * @param meanPredicted mean predicted probability of those rows
     * @param observed      share of those rows that are of the positive class
     */
    public record Bin(double lower, double upper, int rows, double meanPredicted, double observed) {
    }

    /**
     * The Brier score. With {@code positive} >= 0 (two classes): the mean of (p(positive) - 1[positive])^2,
     * in [0, 1]. With {@code positive} < 0: the mean over rows of the sum over classes of
     * (p(class) - 1[true class])^2, in [0, 2], scikit-learn's multiclass form. Probabilities are taken as
     * the model gives them (not renormalised).
     *
     * @param truth the index of each row's true class in the columns of {@code probs}
     */
    public static double brier(int[] truth, double[][] probs, int positive) {
        double sum = 0;
        for (int i = 0; i < truth.length; i++) {
            if (positive >= 0) {
                double d = probs[i][positive] - (truth[i] == positive ? 1 : 0);
                sum += d * d;
            } else {
                for (int c = 0; c < probs[i].length; c++) {
                    double d = probs[i][c] - (truth[i] == c ? 1 : 0);
                    sum += d * d;
                }
            }
        }
        return sum / truth.length;
    }

    /**
     * The reliability curve of the positive class: {@link #BINS} bins of equal width of the predicted
     * probability, as scikit-learn's {@code calibration_curve(strategy="uniform")} cuts them (0.1 falls in
     * the first bin, (0.1, 0.2] is the second), each with its rows, mean predicted probability and
     * observed share of positives. Bins without rows are left out.
     */
    public static List<Bin> reliability(double[] probability, boolean[] positive) {
        if (probability.length != positive.length) {
            throw new IllegalArgumentException(probability.length + " probabilities but " + positive.length + " labels");
        }
        int[] rows = new int[BINS];
        double[] predicted = new double[BINS];
        int[] positives = new int[BINS];
        for (int i = 0; i < probability.length; i++) {
            double p = probability[i];
            if (!Double.isFinite(p)) {
                throw new IllegalArgumentException("row " + i + " has probability " + p);
            }
            int bin = 0;
            while (bin < BINS - 1 && p > edge(bin + 1)) {
                bin++;
            }
            rows[bin]++;
            predicted[bin] += p;
            positives[bin] += positive[i] ? 1 : 0;
        }
        List<Bin> out = new ArrayList<>();
        for (int b = 0; b < BINS; b++) {
            if (rows[b] > 0) {
                out.add(new Bin(edge(b), edge(b + 1), rows[b], predicted[b] / rows[b], (double) positives[b] / rows[b]));
            }
        }
        return out;
    }

    private static double edge(int k) {
        return (double) k / BINS;
    }
}
