package org.workbench.spark;

import org.apache.spark.ml.Model;
import org.apache.spark.ml.classification.ProbabilisticClassificationModel;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

import static org.apache.spark.sql.functions.col;

/**
 * {@code evaluate.threshold} on Spark: the decision threshold on the positive class's probability, chosen
 * by the local rules (the best F1 or Youden's J, over the thresholds the scores allow) from a histogram of
 * scored rows counted by Spark (so the driver holds 2 x 100,001 counts whatever the rows), applied as
 * the local engine applies it: positive when p(positive) >= threshold.
 */
final class SparkThreshold {
    /** Histogram bins per unit of probability: a chosen threshold is a multiple of 1e-5. */
    static final int BINS = 100_000;

    private SparkThreshold() {
    }

    /** Adds the scored rows' counts to {@code counts} ([0]: other rows, [1]: positive rows, by bin floor(p x BINS)). */
    static void count(Dataset<Row> scored, int positive, long[][] counts) {
        Column p = probability(positive);
        Column bin = functions.least(functions.greatest(functions.floor(p.multiply(BINS)), functions.lit(0L)), functions.lit((long) BINS));
        for (Row r : scored.groupBy(bin.as("bin"), col(SparkRun.LABEL).equalTo(positive).as("pos")).count().collectAsList()) {
            counts[r.getBoolean(1) ? 1 : 0][(int) r.getLong(0)] += r.getLong(2);
        }
    }

    /** A scored row's probability of the class with this index. */
    private static Column probability(int positive) {
        return org.apache.spark.ml.functions.vector_to_array(col(SparkRun.PROBABILITY), "float64").getItem(positive);
    }

    static long[][] counts() {
        return new long[2][BINS + 1];
    }

    /**
     * The threshold {@code rule} ("f1" or "youden") picks: swept from the highest score down, the first best, as
     * {@code Curves.bestThreshold} does on every score; NaN when the rows hold a single class.
     */
    static double choose(String rule, long[][] counts) {
        long positives = 0;
        long negatives = 0;
        for (int b = 0; b <= BINS; b++) {
            positives += counts[1][b];
            negatives += counts[0][b];
        }
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        double best = Double.NaN;
        double bestValue = Double.NEGATIVE_INFINITY;
        long tp = 0;
        long fp = 0;
        for (int b = BINS; b >= 0; b--) {
            tp += counts[1][b];
            fp += counts[0][b];
            if (counts[1][b] + counts[0][b] == 0) {
                continue;
            }
            double value = rule.equals("youden") ? (double) tp / positives - (double) fp / negatives
                    : 2.0 * tp / (tp + fp + positives);
            if (value > bestValue) {
                bestValue = value;
                best = (double) b / BINS;
            }
        }
        return best;
    }

    /** The scored rows relabelled: the positive class where p(positive) >= threshold, else the other one. */
    static Dataset<Row> relabel(Dataset<Row> scored, int positive, double threshold) {
        Column p = probability(positive);
        return scored.withColumn(SparkRun.PREDICTION, functions.when(p.geq(threshold), (double) positive)
                .otherwise((double) (1 - positive)));
    }

    /**
     * A copy of the fitted classifier that predicts with the threshold (what the saved model and {@code predict} apply):
     * Spark predicts the class with the largest p / t, so thresholds (1 - t', t') with t' just below the threshold make
     * the positive class exactly where p(positive) >= threshold.
     */
    static Model<?> applied(Model<?> model, int positive, double threshold) {
        ProbabilisticClassificationModel<?, ?> copy = (ProbabilisticClassificationModel<?, ?>) model.copy(ParamMap.empty());
        double below = Math.nextDown(threshold);
        double[] thresholds = new double[2];
        thresholds[positive] = Math.max(below, 0);
        thresholds[1 - positive] = below <= 0 ? 1 : 1 - below;
        copy.setThresholds(thresholds);
        return copy;
    }
}
