package org.workbench.selection;

import java.util.ArrayList;
import java.util.List;
import org.workbench.recipe.Recipe;
import org.workbench.recipe.Step;
import org.workbench.recipe.StepJson;

/** Builds the selection recipe from its config section: include / exclude first, then the scored method. */
public final class SelectionSteps {
    /**
     * Every selection step type, once, by its fitted form: the JSON a bundle is written and read with
     * comes from this list, each type under its {@code @JsonTypeName} (never rename one).
     */
    public static final List<StepJson.Type> FITTED_TYPES = StepJson.typesOf(
            FeatureSelector.Fitted.class,
            ScoredSelector.Fitted.class);

    private SelectionSteps() {
    }

    /**
     * No step when nothing is configured: every feature is kept as it is. {@code seed} is the run's seed;
     * the tree of model_based selection grows from it.
     */
    public static Recipe from(SelectConfig config, long seed) {
        List<Step> steps = new ArrayList<>();
        if (!config.include().isEmpty() || !config.exclude().isEmpty()) {
            steps.add(new FeatureSelector(config.include(), config.exclude()));
        }
        if (!config.method().equals("none")) {
            double threshold = config.method().equals("variance") ? config.varianceThreshold()
                    : config.correlationThreshold();
            steps.add(new ScoredSelector(config.method(), config.k(), threshold, config.miMethod(), config.bins(),
                    config.model(), seed));
        }
        return new Recipe(steps);
    }
}
