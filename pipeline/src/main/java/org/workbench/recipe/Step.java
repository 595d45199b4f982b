package org.workbench.recipe;

import org.workbench.data.Frame;
import org.workbench.data.Target;
import tech.tablesaw.api.Table;

/**
 * An unfitted transformation: configuration only, like an unfitted scikit-learn transformer.
 * {@link #fit} learns its statistics from training rows and returns the fitted form. Supervised
 * steps (target encoding, selection by score) also read the training target; the fitted form never
 * does, because rows to predict on have no target.
 */
public interface Step {
    String name();

    /** Learns from the training rows only; never looks at test or prediction rows. */
    FittedStep fit(Table features, Target target);

    /**
     * Fits, then returns the training rows as the next step must see them. For most steps that is
     * simply {@code apply} on the training rows; steps that drop training rows (duplicates, outliers)
     * or encode training rows out of fold (target encoding) override this, like scikit-learn's
     * {@code fit_transform}.
     */
    default Fit fitTransform(Frame train) {
        FittedStep fitted = fit(train.features(), train.target());
        return new Fit(fitted, train.withFeatures(fitted.apply(train.features(), new ApplyLog())), true);
    }

    /**
     * A fitted step and the training rows transformed by it; {@code asApplied} says those rows are
     * exactly {@code step.apply} of the rows given (none dropped, none encoded out of fold).
     */
    record Fit(FittedStep step, Frame train, boolean asApplied) {
    }
}
