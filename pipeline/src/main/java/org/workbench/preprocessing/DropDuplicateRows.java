package org.workbench.preprocessing;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.workbench.data.Frame;
import org.workbench.data.Target;
import org.workbench.recipe.ApplyLog;
import org.workbench.recipe.FeatureColumns;
import org.workbench.recipe.FittedStep;
import org.workbench.recipe.Step;
import tech.tablesaw.api.Table;

/**
 * Removes training rows equal in every feature and in the target to an earlier training row, so
 * repeated rows do not weigh more in training. Test and prediction rows are never dropped: the
 * fitted form passes rows through unchanged.
 */
public record DropDuplicateRows() implements Step {

    @Override
    public String name() {
        return "drop_duplicates";
    }

    @Override
    public Fitted fit(Table features, Target target) {
        int[] kept = firstOccurrences(features, target);
        return new Fitted(features.rowCount(), features.rowCount() - kept.length);
    }

    @Override
    public Fit fitTransform(Frame train) {
        int[] kept = firstOccurrences(train.features(), train.target());
        Fitted fitted = new Fitted(train.rows(), train.rows() - kept.length);
        return new Fit(fitted, train.subset(kept), kept.length == train.rows());
    }

    /** Indices of the rows not equal to an earlier row, in order. */
    static int[] firstOccurrences(Table features, Target target) {
        Set<List<Object>> seen = new HashSet<>();
        List<Integer> kept = new ArrayList<>();
        Object[] row = new Object[features.columnCount() + 1];
        for (int r = 0; r < features.rowCount(); r++) {
            for (int c = 0; c < features.columnCount(); c++) {
                row[c] = features.column(c).get(r);
            }
            row[row.length - 1] = target.isCategorical() ? target.labels()[r] : (Object) target.values()[r];
            if (seen.add(Arrays.asList(row.clone()))) {
                kept.add(r);
            }
        }
        return kept.stream().mapToInt(Integer::intValue).toArray();
    }

    /** How many duplicate training rows were removed; other rows pass through unchanged. */
    @JsonTypeName("drop_duplicates")
    public record Fitted(int trainingRows, int dropped) implements FittedStep {

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
}
