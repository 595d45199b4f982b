package org.workbench.evaluation;

import org.workbench.data.MetricNames;

/**
 * The one definition of overfitting, shared by the evaluation stage (training vs test score) and the
 * lab's curves (training vs validation folds): a model overfits when its training score beats its
 * held-out score by at least {@code share} of the <em>room</em> between the baseline and a perfect
 * score (1 for scores, 0 for errors). Judged against the room, the same share means the same thing
 * for accuracy on a balanced or an imbalanced problem, for R² and for RMSE in any unit.
 *
 * @param metric   the metric both scores are in; its direction decides which way is better
 * @param baseline the baseline's score on the same rows (most frequent class, or mean)
 * @param share    {@code evaluate.overfit_gap}: the share of the room the gap may reach
 */
public record Overfitting(String metric, double baseline, double share) {

    private boolean higher() {
        return MetricNames.higherIsBetter(metric);
    }

    /** Distance from the baseline to a perfect score; 1 when the baseline is already perfect. */
    public double room() {
        double r = Math.abs((higher() ? 1.0 : 0.0) - baseline);
        return r > 1e-12 ? r : 1.0;
    }

    /** How much better the model scores on its training rows than on held-out rows (positive = better on training). */
    public double gap(double train, double heldOut) {
        return higher() ? train - heldOut : heldOut - train;
    }

    /** The gap, in metric units, from which the model overfits. */
    public double limit() {
        return share * room();
    }

    public boolean overfits(double train, double heldOut) {
        return gap(train, heldOut) >= limit();
    }
}
