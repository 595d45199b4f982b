package org.workbench.recipe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.workbench.config.PipelineConfig;
import org.workbench.stage.RunContext;
import org.workbench.stage.Stage;
import org.workbench.stage.StageResult;
import org.workbench.data.Frame;
import org.workbench.core.Artifact;

/**
 * Shared behaviour of the stages that add steps to the recipe (preprocessing, features,
 * selection): fit the new steps on the training split only, apply them to both splits, and
 * append them to the recipe that cross-validation refits and the bundle replays.
 */
public abstract class RecipeStage implements Stage {
    /** The training split after the steps fitted so far. */
    public static final Artifact<Frame> TRAIN = new Artifact<>("train", Frame.class, "collection");
    public static final Artifact<Frame> TEST = new Artifact<>("test", Frame.class, "collection");
    /**
     * True when TRAIN is exactly FITTED_RECIPE applied to RAW_TRAIN (no training row dropped or
     * encoded out of fold), so predictions on TRAIN are what the bundle predicts for those rows.
     */
    public static final Artifact<Boolean> TRAIN_AS_APPLIED = new Artifact<>("train_as_applied", Boolean.class, "preprocessing");
    /** The unfitted steps so far (refitted per cross-validation fold) and their fitted form. */
    public static final Artifact<Recipe> RECIPE = new Artifact<>("recipe", Recipe.class, "preprocessing");
    public static final Artifact<FittedRecipe> FITTED_RECIPE = new Artifact<>("fitted_recipe", FittedRecipe.class, "preprocessing");

    /** Writes this stage's fitted steps into its record; it knows only this stage's step types. */
    private final StepJson json;

    protected RecipeStage(java.util.List<StepJson.Type> fittedTypes) {
        this.json = StepJson.of(fittedTypes);
    }

    /** The unfitted steps this stage contributes for the given config (may be empty). */
    public abstract Recipe steps(PipelineConfig config);

    @Override
    public final StageResult run(RunContext context) {
        Frame train = context.get(RecipeStage.TRAIN);
        Frame test = context.get(RecipeStage.TEST);
        Recipe recipe = steps(context.config());
        Recipe.Fit fit = recipe.fit(train);
        FittedRecipe fitted = fit.recipe();
        ApplyLog testLog = new ApplyLog();
        Frame newTrain = fit.train();
        Frame newTest = test.withFeatures(fitted.apply(test.features(), testLog));

        context.put(RecipeStage.TRAIN, newTrain);
        context.put(RecipeStage.TEST, newTest);
        context.put(RecipeStage.TRAIN_AS_APPLIED, context.find(RecipeStage.TRAIN_AS_APPLIED).orElse(true) && fit.asApplied());
        context.put(RecipeStage.RECIPE, context.find(RecipeStage.RECIPE).map(r -> r.then(recipe)).orElse(recipe));
        context.put(RecipeStage.FITTED_RECIPE,
                context.find(RecipeStage.FITTED_RECIPE).map(r -> r.then(fitted)).orElse(fitted));

        List<String> details = new ArrayList<>();
        for (FittedStep step : fitted.steps()) {
            details.add(step.name() + ": " + step.summary());
        }
        if (newTrain.rows() != train.rows()) {
            details.add("training rows: " + train.rows() + " -> " + newTrain.rows()
                    + " (rows are dropped from the training split only)");
        }
        if (!testLog.isEmpty()) {
            details.add("on the test split: " + testLog);
        }
        String summary = fitted.steps().isEmpty()
                ? "no steps configured; " + train.features().columnCount() + " features pass through"
                : String.format(Locale.ROOT, "fitted %d step%s (%s) on %d training rows; %d -> %d features",
                        fitted.steps().size(), fitted.steps().size() == 1 ? "" : "s",
                        String.join(", ", fitted.steps().stream().map(FittedStep::name).toList()),
                        train.rows(), train.features().columnCount(), newTrain.features().columnCount());
        return StageResult.of(name(), summary, details, new RecipeRecord(RecipeRecord.FittedSteps.of(json.toTree(fitted)), train.features().columnCount(),
                newTrain.features().columnCount(), train.rows(), newTrain.rows() != train.rows() ? newTrain.rows() : null,
                testLog.isEmpty() ? null : testLog.counts()));
    }
}
