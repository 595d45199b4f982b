package org.workbench.preprocessing;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.ArrayList;
import java.util.List;
import org.workbench.config.Suggest;
import org.workbench.core.InputException;
import org.workbench.recipe.ApplyLog;
import org.workbench.recipe.FeatureColumns;
import org.workbench.recipe.FittedStep;
import org.workbench.recipe.UnsupervisedStep;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Removes the listed columns (ids, free text). Every listed column must exist in the training rows. */
public record DropColumns(List<String> columns) implements UnsupervisedStep {
    public DropColumns {
        columns = List.copyOf(columns);
    }

    @Override
    public String name() {
        return "drop_columns";
    }

    @Override
    public Fitted fit(Table train) {
        List<String> present = train.columnNames();
        for (String column : columns) {
            if (!present.contains(column)) {
                throw new InputException("preprocess.drop: no column '" + column + "'" + hint(column, present));
            }
        }
        return new Fitted(columns);
    }

    private static String hint(String column, List<String> present) {
        String nearest = Suggest.nearest(column, present);
        if (nearest != null) {
            return "; did you mean '" + nearest + "'?";
        }
        return "; the columns are " + String.join(", ", present);
    }

    /**
     * Drops the remembered columns. Rows to predict on may already lack some of them (an id column
     * left out of a new file), so only the ones present are dropped. {@code reason} says why they were
     * chosen when a rule chose them (e.g. "constant in the training rows"); null for a listed drop.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonTypeName("drop_columns")
    public record Fitted(List<String> columns, String reason) implements FittedStep {
        public Fitted {
            columns = List.copyOf(columns);
        }

        public Fitted(List<String> columns) {
            this(columns, null);
        }

        @Override
        public boolean changesNothing() {
            return columns.isEmpty();
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
}
