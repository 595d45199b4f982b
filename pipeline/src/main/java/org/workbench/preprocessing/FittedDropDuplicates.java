package org.workbench.preprocessing;

import org.workbench.recipe.ApplyLog;
import org.workbench.recipe.FittedStep;
import tech.tablesaw.api.Table;
import org.workbench.recipe.FeatureColumns;

/** How many duplicate training rows were removed; other rows pass through unchanged. */
public record FittedDropDuplicates(int trainingRows, int dropped) implements FittedStep {

    @Override
    public String name() {
        return "drop_duplicates";
    }

    @Override
    public Table apply(Table features, ApplyLog log) {
        return FeatureColumns.copy(features);
    }

    @Override
    public String summary() {
        return "dropped " + dropped + " duplicate rows of " + trainingRows
                + " training rows (test and prediction rows are never dropped)";
    }
}
