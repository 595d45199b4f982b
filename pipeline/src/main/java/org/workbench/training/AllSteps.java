package org.workbench.training;

import org.workbench.features.FeatureSteps;
import org.workbench.preprocessing.PreprocessingSteps;
import org.workbench.recipe.StepJson;
import org.workbench.selection.SelectionSteps;

/**
 * Every fitted step type a candidate's recipe can hold, collected from the three step packages
 * in stage order: the JSON a bundle's recipe is written and read with.
 */
public final class AllSteps {
    public static final StepJson JSON = StepJson.of(PreprocessingSteps.FITTED_TYPES, FeatureSteps.FITTED_TYPES,
            SelectionSteps.FITTED_TYPES);

    private AllSteps() {
    }
}
