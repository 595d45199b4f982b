package org.workbench.preprocessing;

import java.util.List;
import java.util.Map;
import org.workbench.config.Key;
import org.workbench.config.PipelineConfig;
import org.workbench.recipe.Recipe;
import org.workbench.recipe.RecipeStage;

/** Stage 3: drop listed columns, fill missing values, scale numbers; fitted on training rows only. */
public final class PreprocessingStage extends RecipeStage {
    @Override
    public String name() {
        return "preprocessing";
    }

    @Override
    public Map<String, List<Key>> configKeys() {
        return Key.sections("preprocess", PreprocessConfig.KEYS, "preprocess.impute", PreprocessConfig.Impute.KEYS);
    }

    @Override
    public String description() {
        return "drop columns, impute missing values, scale numeric columns (fitted on the training split)";
    }

    @Override
    public Recipe steps(PipelineConfig config) {
        return PreprocessingSteps.from(config.preprocess());
    }
}
