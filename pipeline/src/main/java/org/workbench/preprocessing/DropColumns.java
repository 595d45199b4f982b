package org.workbench.preprocessing;

import java.util.List;
import org.workbench.config.Suggest;
import org.workbench.core.InputException;
import org.workbench.recipe.UnsupervisedStep;
import tech.tablesaw.api.Table;

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
    public FittedDropColumns fit(Table train) {
        List<String> present = train.columnNames();
        for (String column : columns) {
            if (!present.contains(column)) {
                throw new InputException("preprocess.drop: no column '" + column + "'" + hint(column, present));
            }
        }
        return new FittedDropColumns(columns);
    }

    private static String hint(String column, List<String> present) {
        String nearest = Suggest.nearest(column, present);
        if (nearest != null) {
            return "; did you mean '" + nearest + "'?";
        }
        return "; the columns are " + String.join(", ", present);
    }
}
