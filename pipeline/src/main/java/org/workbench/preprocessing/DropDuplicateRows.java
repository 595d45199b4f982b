package org.workbench.preprocessing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.workbench.data.Frame;
import org.workbench.data.Target;
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
    public FittedDropDuplicates fit(Table features, Target target) {
        int[] kept = firstOccurrences(features, target);
        return new FittedDropDuplicates(features.rowCount(), features.rowCount() - kept.length);
    }

    @Override
    public Fit fitTransform(Frame train) {
        int[] kept = firstOccurrences(train.features(), train.target());
        FittedDropDuplicates fitted = new FittedDropDuplicates(train.rows(), train.rows() - kept.length);
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
}
