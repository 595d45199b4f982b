package org.workbench.preprocessing;

import java.util.ArrayList;
import java.util.List;
import org.workbench.recipe.Recipe;
import org.workbench.recipe.Step;

/** Builds the preprocessing recipe from its config section: drop, then impute, then scale. */
public final class PreprocessingSteps {
    private PreprocessingSteps() {
    }

    /** The ordered steps; a step configured off (nothing to drop, imputation "none", scale "none") is left out. */
    public static Recipe from(PreprocessConfig config) {
        List<Step> steps = new ArrayList<>();
        if (!config.drop().isEmpty()) {
            steps.add(new DropColumns(config.drop()));
        }
        Imputer imputer = Imputer.from(config.impute());
        if (!imputer.fillsNothing()) {
            steps.add(imputer);
        }
        if (!config.scale().equals("none")) {
            steps.add(new Scaler(config.scale()));
        }
        return new Recipe(steps);
    }
}
