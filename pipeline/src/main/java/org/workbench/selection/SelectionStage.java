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
        super(SelectionSteps.FITTED_TYPES, earlier(), FeaturesStage.ENGINEERED, RecipeStage.PREPARED);
    }

    private static List<org.workbench.recipe.StepJson.Type> earlier() {
        List<org.workbench.recipe.StepJson.Type> types = new java.util.ArrayList<>(org.workbench.preprocessing.PreprocessingSteps.FITTED_TYPES);
        types.addAll(org.workbench.features.FeatureSteps.FITTED_TYPES);
        return types;
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
