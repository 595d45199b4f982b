package org.workbench.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * ROC and precision-recall curves of one class from its predicted probabilities. Rows are taken in
 * order of falling probability; rows with equal probability enter together, so the curve does not
 * depend on their order.
 */
final class RocPr {
    private RocPr() {
    }

    /** Points of a curve: x and y in drawing order. */
    record Curve(double[] x, double[] y) {
    }

    /** False positive rate (x) against true positive rate (y), from (0, 0) to (1, 1). */
    static Curve roc(double[] score, boolean[] positive) {
        List<double[]> points = sweep(score, positive);
        int p = count(positive, true);
        int n = positive.length - p;
        double[] x = new double[points.size()];
        double[] y = new double[points.size()];
        for (int i = 0; i < points.size(); i++) {
            x[i] = n == 0 ? 0 : points.get(i)[1] / n;
            y[i] = p == 0 ? 0 : points.get(i)[0] / p;
        }
        return new Curve(x, y);
    }

    /** Recall (x) against precision (y), one point per distinct threshold. */
    static Curve precisionRecall(double[] score, boolean[] positive) {
        List<double[]> points = sweep(score, positive);
        int p = count(positive, true);
        List<double[]> out = new ArrayList<>();
        for (double[] tpFp : points) {
            if (tpFp[0] + tpFp[1] > 0) {
                out.add(new double[] {p == 0 ? 0 : tpFp[0] / p, tpFp[0] / (tpFp[0] + tpFp[1])});
            }
        }
        return new Curve(out.stream().mapToDouble(v -> v[0]).toArray(), out.stream().mapToDouble(v -> v[1]).toArray());
    }

    /** Cumulative (true positives, false positives) after each distinct score, starting at (0, 0). */
    private static List<double[]> sweep(double[] score, boolean[] positive) {
        Integer[] order = new Integer[score.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> score[i]).reversed());
        List<double[]> points = new ArrayList<>();
        points.add(new double[] {0, 0});
        double tp = 0;
        double fp = 0;
        for (int k = 0; k < order.length; k++) {
            if (positive[order[k]]) {
                tp++;
            } else {
                fp++;
            }
            if (k == order.length - 1 || score[order[k + 1]] != score[order[k]]) {
                points.add(new double[] {tp, fp});
            }
        }
        return points;
    }

    private static int count(boolean[] values, boolean wanted) {
        int c = 0;
        for (boolean v : values) {
            if (v == wanted) {
                c++;
            }
        }
        return c;
    }
}
