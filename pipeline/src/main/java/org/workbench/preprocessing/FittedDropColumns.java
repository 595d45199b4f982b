package org.workbench.preprocessing;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import org.workbench.recipe.ApplyLog;
import org.workbench.recipe.FittedStep;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import org.workbench.recipe.FeatureColumns;

/**
 * Drops the remembered columns. Rows to predict on may already lack some of them (an id column
 * left out of a new file), so only the ones present are dropped. {@code reason} says why they were
 * chosen when a rule chose them (e.g. "constant in the training rows"); null for a listed drop.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FittedDropColumns(List<String> columns, String reason) implements FittedStep {
    public FittedDropColumns {
        columns = List.copyOf(columns);
    }

    public FittedDropColumns(List<String> columns) {
        this(columns, null);
    }

    @Override
    public String name() {
        return "drop_columns";
    }

    @Override
    public Table apply(Table features, ApplyLog log) {
        List<Column<?>> kept = new ArrayList<>();
        for (Column<?> column : features.columns()) {
            if (!columns.contains(column.name())) {
                kept.add(column.copy());
            }
        }
        return FeatureColumns.tableLike(features, kept);
    }

    @Override
    public String summary() {
        if (columns.isEmpty()) {
            return "dropped 0 columns" + (reason == null ? "" : " (none " + reason + ")");
        }
        return "dropped " + columns.size() + (columns.size() == 1 ? " column" : " columns")
                + (reason == null ? "" : " " + reason) + ": " + String.join(", ", columns);
    }
}
