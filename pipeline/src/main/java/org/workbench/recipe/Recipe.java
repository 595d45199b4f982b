package org.workbench.recipe;

import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.Table;

/**
 * An ordered list of unfitted steps, like scikit-learn's {@code Pipeline} before {@code fit}.
 * Each step is fitted on the output of the previous fitted step, using training rows only.
 */
public record Recipe(List<Step> steps) {
    public Recipe {
        steps = List.copyOf(steps);
    }

    public FittedRecipe fit(Table train) {
        List<FittedStep> fitted = new ArrayList<>();
        Table current = train;
        ApplyLog ignored = new ApplyLog();
        for (Step step : steps) {
            FittedStep f = step.fit(current);
            fitted.add(f);
            current = f.apply(current, ignored);
        }
        return new FittedRecipe(fitted);
    }

    public Recipe then(Recipe more) {
        List<Step> all = new ArrayList<>(steps);
        all.addAll(more.steps);
        return new Recipe(all);
    }
}
