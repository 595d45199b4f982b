package org.workbench.features;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.workbench.collection.ColumnProfile;
import org.workbench.collection.DataWarnings;
import org.workbench.core.InputException;
import org.workbench.preprocessing.DropColumns;
import org.workbench.recipe.UnsupervisedStep;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Leaves identifier-like text columns out of the features: by the collection warning's rule (at least
 * 95% distinct values among the present ones), judged on the training rows. One-hot encoding such a
 * column makes a column per row and learns nothing that carries over to new rows. Columns in
 * {@code keep} (those {@code features.encode_columns} names) stay, so frequency or target encoding
 * remains available for them. Numbers written as text (e.g. "1,234.50", which the read warns about)
 * are not identifiers and stay. Its fitted form is a {@link DropColumns.Fitted} with the reason.
 */
public record DropIdentifiers(List<String> keep) implements UnsupervisedStep {
    public static final String KEY = org.workbench.collection.DataWarnings.Setting.KEEP_IDENTIFIERS;
    static final String REASON = "identifier-like (>= 95% distinct values in the training rows; " + KEY + ": true keeps them)";

    public DropIdentifiers {
        keep = List.copyOf(keep);
    }

    @Override
    public String name() {
        return "drop_identifiers";
    }

    @Override
    public DropColumns.Fitted fit(Table train) {
        List<String> identifiers = new ArrayList<>();
        for (Column<?> column : train.columns()) {
            if (column instanceof StringColumn text && !keep.contains(text.name()) && identifierLike(text)
                    && !DataWarnings.numbersAsText(text)) {
                identifiers.add(text.name());
            }
        }
        if (!identifiers.isEmpty() && identifiers.size() == train.columnCount()) {
            throw new InputException(KEY + ": every feature column looks like an identifier in the " + train.rowCount()
                    + " training rows (" + String.join(", ", identifiers) + "); set " + KEY + ": true to use them anyway");
        }
        return new DropColumns.Fitted(identifiers, REASON);
    }

    /** Counts distinct values only until the rule is decided. */
    private static boolean identifierLike(StringColumn column) {
        int present = 0;
        for (int i = 0; i < column.size(); i++) {
            if (!column.get(i).isEmpty()) {
                present++;
            }
        }
        Set<String> distinct = new HashSet<>();
        for (int i = 0; i < column.size(); i++) {
            String value = column.get(i);
            if (!value.isEmpty() && distinct.add(value) && ColumnProfile.identifierLike(distinct.size(), present)) {
                return true;
            }
        }
        return ColumnProfile.identifierLike(distinct.size(), present);
    }
}
