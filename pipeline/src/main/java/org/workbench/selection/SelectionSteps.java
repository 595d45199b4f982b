package org.workbench.selection;

import java.util.List;
import org.workbench.recipe.Recipe;

/** Builds the selection recipe from its config section. */
public final class SelectionSteps {
    private SelectionSteps() {
    }

    /** No step when neither include nor exclude is given: every feature is kept as it is. */
    public static Recipe from(SelectConfig config) {
        if (!config.method().equals("none")) {
            throw new IllegalArgumentException("unknown selection method: " + config.method());
        }
        if (config.include().isEmpty() && config.exclude().isEmpty()) {
            return new Recipe(List.of());
        }
        return new Recipe(List.of(new FeatureSelector(config.include(), config.exclude())));
    }
}
