package org.workbench.features;

import java.util.List;
import org.workbench.recipe.Recipe;

/** Builds the feature-engineering recipe from its config section. */
public final class FeatureSteps {
    private FeatureSteps() {
    }

    public static Recipe from(FeaturesConfig config) {
        return switch (config.encode()) {
            case "onehot" -> new Recipe(List.of(new OneHotEncoder()));
            default -> throw new IllegalArgumentException("unknown categorical encoding: " + config.encode());
        };
    }
}
