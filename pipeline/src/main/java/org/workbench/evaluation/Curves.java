package org.workbench.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * ROC and precision-recall curves of one binary score, average precision, and threshold choice.
 * A row is predicted positive when its score is at least the threshold; the curves have one point
 * per distinct score, from the highest down, after a starting point that predicts nothing positive.
 */
public final class Curves {
    private Curves() {
    }

    /**
     * One threshold and what it gives: false and true positive rates (ROC), precision and recall
     * (= tpr). The starting point has threshold +Infinity and precision 1, as scikit-learn draws it.
     */
    public record Point(double threshold, double fpr, double tpr, double precision) {
        public double recall() {
            return tpr;
        }
    }

    /** The curve points; empty when the truth has no positive or no negative row. */
    public static List<Point> points(boolean[] positive, double[] score) {
        long positives = count(positive);
        long negatives = positive.length - positives;
        List<Point> out = new ArrayList<>();
        if (positives == 0 || negatives == 0) {
            return out;
        }
        // each class's scores sorted once, then walked from the top together: no boxed row order to sort
        double[] pos = new double[(int) positives];
        double[] neg = new double[(int) negatives];
        int np = 0;
        int nn = 0;
        for (int r = 0; r < score.length; r++) {
            if (positive[r]) {
                pos[np++] = score[r];
            } else {
                neg[nn++] = score[r];
            }
        }
        Arrays.parallelSort(pos);
        Arrays.parallelSort(neg);
        out.add(new Point(Double.POSITIVE_INFINITY, 0, 0, 1));
        long tp = 0;
        long fp = 0;
        int ip = pos.length - 1;
        int in = neg.length - 1;
        while (ip >= 0 || in >= 0) {
            double threshold = ip < 0 ? neg[in] : in < 0 || Double.compare(pos[ip], neg[in]) >= 0 ? pos[ip] : neg[in];
            // rows with equal scores cross the threshold together
            while (ip >= 0 && pos[ip] == threshold) {
                tp++;
                ip--;
            }
            while (in >= 0 && neg[in] == threshold) {
                fp++;
                in--;
            }
            out.add(new Point(threshold, (double) fp / negatives, (double) tp / positives, (double) tp / (tp + fp)));
        }
        return out;
    }

    /**
     * Average precision: the sum over thresholds of (recall gained) x (precision there), as
     * scikit-learn's average_precision_score (no interpolation). Null without positives or negatives.
     */
    public static Double averagePrecision(boolean[] positive, double[] score) {
        List<Point> points = points(positive, score);
        if (points.isEmpty()) {
            return null;
        }
        double ap = 0;
        for (int k = 1; k < points.size(); k++) {
            ap += (points.get(k).tpr() - points.get(k - 1).tpr()) * points.get(k).precision();
        }
        return ap;
    }

    /** How {@link #bestThreshold} scores a threshold. */
    public enum Rule {
        /** F1 of the positive class: 2 TP / (2 TP + FP + FN). */
        F1,
        /** Youden's J: true positive rate - false positive rate. */
        YOUDEN
    }

    /**
     * The threshold that maximises the rule over the given rows (ties: the highest threshold);
     * NaN when the rows hold a single class.
     */
    public static double bestThreshold(boolean[] positive, double[] score, Rule rule) {
        List<Point> points = points(positive, score);
        long positives = count(positive);
        long negatives = positive.length - positives;
        double best = Double.NaN;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (Point p : points.subList(Math.min(1, points.size()), points.size())) {
            double value;
            if (rule == Rule.YOUDEN) {
                value = p.tpr() - p.fpr();
            } else {
                double tp = Math.round(p.tpr() * positives);
                double fp = Math.round(p.fpr() * negatives);
                value = 2 * tp / (tp + fp + positives);
            }
            if (value > bestValue) {
                bestValue = value;
                best = p.threshold();
            }
        }
        return best;
    }

    private static long count(boolean[] positive) {
        long n = 0;
        for (boolean p : positive) {
            n += p ? 1 : 0;
        }
        return n;
    }
}
