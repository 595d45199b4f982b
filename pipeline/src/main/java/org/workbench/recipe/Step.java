package org.workbench.recipe;

import tech.tablesaw.api.Table;

/**
 * An unfitted transformation: configuration only, like an unfitted scikit-learn transformer.
 * {@link #fit} learns its statistics from training rows and returns the fitted form.
 */
public interface Step {
    String name();

    /** Learns from the training features only; never looks at test or prediction rows. */
    FittedStep fit(Table train);
}
