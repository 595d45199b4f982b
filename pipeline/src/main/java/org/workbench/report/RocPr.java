package org.workbench.report;

import java.util.List;
import org.workbench.evaluation.Curves;

/** The ROC and precision-recall curves of one class's scores, as x/y arrays ready to plot. */
final class RocPr {
    private RocPr() {
    }

    /** Points of a curve: x and y in drawing order. */
    record Curve(double[] x, double[] y) {
    }

    /** False positive rate (x) against true positive rate (y), from (0, 0) to (1, 1). */
    static Curve roc(double[] score, boolean[] positive) {
        List<Curves.Point> points = Curves.points(positive, score);
        return new Curve(points.stream().mapToDouble(Curves.Point::fpr).toArray(),
                points.stream().mapToDouble(Curves.Point::tpr).toArray());
    }

    /** Recall (x) against precision (y), one point per distinct threshold (the empty start point left out). */
    static Curve precisionRecall(double[] score, boolean[] positive) {
        List<Curves.Point> points = Curves.points(positive, score);
        List<Curves.Point> scored = points.isEmpty() ? points : points.subList(1, points.size());
        return new Curve(scored.stream().mapToDouble(Curves.Point::recall).toArray(),
                scored.stream().mapToDouble(Curves.Point::precision).toArray());
    }
}
