package org.workbench.training;

import java.util.List;
import org.workbench.config.PipelineConfig;
import org.workbench.features.FeaturesStage;
import org.workbench.preprocessing.PreprocessingStage;
import org.workbench.recipe.Recipe;
import org.workbench.recipe.RecipeStage;
import org.workbench.selection.SelectionStage;

/**
 * The recipe stages in order, defined once: the pipeline runs them as stages 3 to 5, and a
 * {@link Candidate}'s recipe (what cross-validation, tuning and the lab refit) is their steps in
 * the same order. Each stage reads its predecessor's output; the pipeline's wiring check fails if
 * this order and their keys disagree.
 */
public final class RecipeStages {
    /** The stages hold no run state (their steps are built per config), so one list serves every run. */
    private static final List<RecipeStage> STAGES = List.of(new PreprocessingStage(), new FeaturesStage(), new SelectionStage());

    private RecipeStages() {
    }

    public static List<RecipeStage> all() {
        return STAGES;
    }

    /** The unfitted steps a config describes: each recipe stage's steps, in stage order. */
    public static Recipe recipe(PipelineConfig config) {
        Recipe recipe = new Recipe(List.of());
        for (RecipeStage stage : STAGES) {
            recipe = recipe.then(stage.steps(config));
        }
        return recipe;
    }
}
