package org.workbench.training;

import com.fasterxml.jackson.databind.JsonNode;
import org.workbench.config.PipelineConfig;
import org.workbench.data.Frame;
import org.workbench.data.Predictions;
import org.workbench.data.Task;
import org.workbench.recipe.ApplyLog;
import org.workbench.recipe.FittedRecipe;
import org.workbench.recipe.Recipe;
import tech.tablesaw.api.Table;
import org.workbench.models.ModelCatalog;
import org.workbench.models.ModelSpec;
import org.workbench.models.TrainConfig;

/**
 * A complete, unfitted way of making predictions from raw rows: the recipe of steps plus an
 * algorithm with its parameters. Cross-validation and tuning fit one per fold, from raw rows, so
 * nothing learned from a validation fold can leak into its own training.
 */
public record Candidate(Recipe recipe, ModelSpec spec, JsonNode params, long seed) {

    /** The unfitted recipe and algorithm a config describes ("auto" picks the task's default model). */
    public static Candidate from(PipelineConfig config, Task task) {
        String model = config.section(TrainConfig.class).model().equals("auto") ? ModelCatalog.defaultModel(task) : config.section(TrainConfig.class).model();
        return from(config, task, model);
    }

    /** The candidate a config describes: the recipe stages give the recipe ({@link RecipeStages}), stage 6 the algorithm. */
    public static Candidate from(PipelineConfig config, Task task, String model) {
        return new Candidate(RecipeStages.recipe(config), ModelCatalog.spec(model, task), config.section(TrainConfig.class).params(),
                config.seed());
    }

    public Candidate withModel(ModelSpec other, JsonNode otherParams) {
        return new Candidate(recipe, other, otherParams, seed);
    }

    /** Fits the recipe on the raw training rows, then trains the model on the rows the recipe produced. */
    public Fitted fit(Frame rawTrain) {
        Recipe.Fit fit = recipe.fit(rawTrain);
        Frame train = fit.train();
        return new Fitted(fit.recipe(), TrainedModel.train(spec, params, seed, train.features(), train.target()));
    }

    /** A fitted recipe and its model: predicts from raw rows. */
    public record Fitted(FittedRecipe recipe, TrainedModel model) {
        public Predictions predict(Table rawFeatures) {
            return model.predict(recipe.apply(rawFeatures, new ApplyLog()));
        }
    }
}
