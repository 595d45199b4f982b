package org.workbench.selection;

import java.util.List;
import java.util.Map;
import org.workbench.config.Key;
import org.workbench.features.FeaturesStage;
import org.workbench.config.PipelineConfig;
import org.workbench.recipe.Recipe;
import org.workbench.recipe.RecipeStage;

/** Stage 5: choose which features the model sees. */
public final class SelectionStage extends RecipeStage {
    /** Writes {@link RecipeStage#PREPARED}: stage 5 is the last recipe stage. */
    public SelectionStage() {
        super(SelectionSteps.FITTED_TYPES, FeaturesStage.ENGINEERED, RecipeStage.PREPARED);
    }

    @Override
    public String name() {
        return "selection";
    }

    @Override
    public Map<String, List<Key>> configKeys() {
        return Map.of("select", SelectConfig.KEYS);
    }

    @Override
    public String description() {
        return "keep or drop features by name, variance, correlation, univariate score, mutual information or model importance";
    }

    @Override
    public Recipe steps(PipelineConfig config) {
        return SelectionSteps.from(config.section(SelectConfig.class), config.seed());
    }
}
