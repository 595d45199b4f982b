package org.workbench.recipe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.workbench.config.PipelineConfig;
import org.workbench.core.RunContext;
import org.workbench.core.Stage;
import org.workbench.core.StageResult;
import org.workbench.data.Frame;
import org.workbench.run.Artifacts;

/**
 * Shared behaviour of the stages that add steps to the recipe (preprocessing, features,
 * selection): fit the new steps on the training split only, apply them to both splits, and
 * append them to the recipe that cross-validation refits and the bundle replays.
 */
public abstract class RecipeStage implements Stage {

    /** The unfitted steps this stage contributes for the given config (may be empty). */
    public abstract Recipe steps(PipelineConfig config);

    @Override
    public final StageResult run(RunContext context) {
        Frame train = context.get(Artifacts.TRAIN);
        Frame test = context.get(Artifacts.TEST);
        Recipe recipe = steps(context.config());
        Recipe.Fit fit = recipe.fit(train);
        FittedRecipe fitted = fit.recipe();
        ApplyLog testLog = new ApplyLog();
        Frame newTrain = fit.train();
        Frame newTest = test.withFeatures(fitted.apply(test.features(), testLog));

        context.put(Artifacts.TRAIN, newTrain);
        context.put(Artifacts.TEST, newTest);
        context.put(Artifacts.TRAIN_AS_APPLIED, context.find(Artifacts.TRAIN_AS_APPLIED).orElse(true) && fit.asApplied());
        context.put(Artifacts.RECIPE, context.find(Artifacts.RECIPE).map(r -> r.then(recipe)).orElse(recipe));
        context.put(Artifacts.FITTED_RECIPE,
                context.find(Artifacts.FITTED_RECIPE).map(r -> r.then(fitted)).orElse(fitted));

        List<String> details = new ArrayList<>();
        Map<String, Object> data = new LinkedHashMap<>();
        for (FittedStep step : fitted.steps()) {
            details.add(step.name() + ": " + step.summary());
        }
        data.put("steps", StepJson.toTree(fitted));
        data.put("features_in", train.features().columnCount());
        data.put("features_out", newTrain.features().columnCount());
        data.put("fitted_on_rows", train.rows());
        if (newTrain.rows() != train.rows()) {
            details.add("training rows: " + train.rows() + " -> " + newTrain.rows()
                    + " (rows are dropped from the training split only)");
            data.put("training_rows_out", newTrain.rows());
        }
        if (!testLog.isEmpty()) {
            details.add("on the test split: " + testLog);
            data.put("test_notes", testLog.counts());
        }
        String summary = fitted.steps().isEmpty()
                ? "no steps configured; " + train.features().columnCount() + " features pass through"
                : String.format(Locale.ROOT, "fitted %d step%s (%s) on %d training rows; %d -> %d features",
                        fitted.steps().size(), fitted.steps().size() == 1 ? "" : "s",
                        String.join(", ", fitted.steps().stream().map(FittedStep::name).toList()),
                        train.rows(), train.features().columnCount(), newTrain.features().columnCount());
        return StageResult.of(name(), summary, details, data);
    }
}
