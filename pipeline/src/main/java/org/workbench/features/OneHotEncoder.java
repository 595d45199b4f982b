package org.workbench.features;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.workbench.core.InputException;
import org.workbench.recipe.Step;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * One-hot encodes every categorical column: one 0/1 numeric column {@code column=level} per level
 * seen in the training rows. Missing ("") is not a level, so a missing category encodes as all zeros,
 * like a level never seen in training.
 */
public record OneHotEncoder() implements Step {

    @Override
    public String name() {
        return "onehot";
    }

    @Override
    public FittedOneHotEncoder fit(Table train) {
        List<FittedOneHotEncoder.Levels> encoded = new ArrayList<>();
        for (Column<?> column : train.columns()) {
            if (column instanceof StringColumn text) {
                encoded.add(new FittedOneHotEncoder.Levels(text.name(), levels(text)));
            }
        }
        FittedOneHotEncoder fitted = new FittedOneHotEncoder(encoded);
        checkNamesDiffer(train, fitted);
        return fitted;
    }

    /** The distinct non-missing values, sorted so the output columns come in a fixed order. */
    private static List<String> levels(StringColumn column) {
        Set<String> levels = new TreeSet<>(column.asSet());
        levels.remove("");
        return List.copyOf(levels);
    }

    /** Table column names ignore case, so "Sex=male" and "Sex=Male" (or an existing column) would clash. */
    private static void checkNamesDiffer(Table train, FittedOneHotEncoder fitted) {
        Set<String> seen = new HashSet<>();
        for (String kept : fitted.outputColumns(train.columnNames())) {
            if (!seen.add(kept.toLowerCase(Locale.ROOT))) {
                throw new InputException("features.encode: the one-hot column '" + kept
                        + "' clashes with another column whose name differs only in case;"
                        + " make the categories of that column differ by more than case");
            }
        }
    }
}
