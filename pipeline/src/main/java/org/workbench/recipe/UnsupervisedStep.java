package org.workbench.recipe;

import org.workbench.data.Target;
import tech.tablesaw.api.Table;

/** A step that learns from the feature values alone and ignores the target. */
public interface UnsupervisedStep extends Step {

    FittedStep fit(Table train);

    @Override
    default FittedStep fit(Table features, Target target) {
        return fit(features);
    }
}
