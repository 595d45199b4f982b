package org.workbench.preprocessing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.workbench.core.InputException;
import org.workbench.recipe.UnsupervisedStep;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Drops the columns that hold at most one distinct value in the training rows (missing values are
 * not counted as a value): they cannot tell rows apart, so a model learns nothing from them.
 * Its fitted form is a {@link DropColumns.Fitted} with the reason, saved and replayed as a drop.
 */
public record DropConstantColumns() implements UnsupervisedStep {
    static final String REASON = "constant in the training rows";

    @Override
    public String name() {
        return "drop_constant";
    }

    @Override
    public DropColumns.Fitted fit(Table train) {
        List<String> constant = new ArrayList<>();
        for (Column<?> column : train.columns()) {
            if (distinctAtMostOne(column)) {
                constant.add(column.name());
            }
        }
        if (!constant.isEmpty() && constant.size() == train.columnCount()) {
            // as scikit-learn's VarianceThreshold: no feature left is an error, not an empty table
            throw new InputException("preprocess.drop_constant: every feature column is constant in the "
                    + train.rowCount() + " training rows (" + String.join(", ", constant.subList(0, Math.min(5, constant.size())))
                    + (constant.size() > 5 ? " and " + (constant.size() - 5) + " more" : "") + "); check the data, or set preprocess.drop_constant: false");
        }
        return new DropColumns.Fitted(constant, REASON);
    }

    private static boolean distinctAtMostOne(Column<?> column) {
        Set<Object> seen = new HashSet<>();
        for (int i = 0; i < column.size(); i++) {
            if (!column.isMissing(i) && seen.add(column.get(i)) && seen.size() > 1) {
                return false;
            }
        }
        return true;
    }
}
