package org.workbench.features;

import java.util.List;
import java.util.Map;
import org.workbench.config.Key;
import org.workbench.config.PipelineConfig;
import org.workbench.recipe.Recipe;
import org.workbench.recipe.RecipeStage;

/** Stage 4: turn categorical columns into numbers the algorithms can use. */
public final class FeaturesStage extends RecipeStage {
    @Override
    public String name() {
        return "features";
    }

    @Override
    public Map<String, List<Key>> configKeys() {
        return Map.of("features", FeaturesConfig.KEYS);
    }

    @Override
    public String description() {
        return "encode categorical columns (one-hot; unseen categories become all zeros)";
    }

    @Override
    public Recipe steps(PipelineConfig config) {
        return FeatureSteps.from(config.features());
    }
}
