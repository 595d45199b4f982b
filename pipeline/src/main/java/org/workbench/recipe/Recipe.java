package org.workbench.recipe;

import java.util.ArrayList;
import java.util.List;
import org.workbench.data.Frame;

/**
 * An ordered list of unfitted steps, like scikit-learn's {@code Pipeline} before {@code fit}.
 * Each step is fitted on the training rows as the previous steps left them.
 */
public record Recipe(List<Step> steps) {
    public Recipe {
        steps = List.copyOf(steps);
    }

    /** Fits every step in order on the training rows; returns the fitted recipe and the rows it produced. */
    public Fit fit(Frame train) {
        List<FittedStep> fitted = new ArrayList<>();
        Frame current = train;
        boolean asApplied = true;
        for (Step step : steps) {
            Step.Fit f = step.fitTransform(current);
            fitted.add(f.step());
            current = f.train();
            asApplied &= f.asApplied();
        }
        return new Fit(new FittedRecipe(fitted), current, asApplied);
    }

    public Recipe then(Recipe more) {
        List<Step> all = new ArrayList<>(steps);
        all.addAll(more.steps);
        return new Recipe(all);
    }

    /**
     * The fitted recipe and the training rows after it. These rows may differ from
     * {@code recipe.apply(train)}: steps may drop training rows or encode them out of fold;
     * {@code asApplied} is true when no step did.
     */
    public record Fit(FittedRecipe recipe, Frame train, boolean asApplied) {
    }
}
