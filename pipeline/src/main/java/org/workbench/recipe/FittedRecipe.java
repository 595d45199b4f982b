package org.workbench.recipe;

import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.Table;

/** The fitted steps in order: what the model bundle replays on raw rows. */
public record FittedRecipe(List<FittedStep> steps) {
    public FittedRecipe {
        steps = List.copyOf(steps);
    }

    public Table apply(Table features, ApplyLog log) {
        Table current = features;
        for (FittedStep step : steps) {
            current = step.apply(current, log);
        }
        return current;
    }

    public FittedRecipe then(FittedRecipe more) {
        List<FittedStep> all = new ArrayList<>(steps);
        all.addAll(more.steps);
        return new FittedRecipe(all);
    }
}
