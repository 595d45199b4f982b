package org.workbench.data;

import java.util.ArrayList;
import java.util.List;
import org.workbench.core.InputException;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Rows of a processed feature table read straight from its columns, in a given feature order. The
 * columns are checked once, as a model needs them: present, numeric and without a missing or
 * infinite value. A range of the rows shares the checked columns, so the parts of a big table are
 * never checked or copied again.
 */
public final class TableRows {
    private final List<String> names;
    private final NumericColumn<?>[] columns;
    private final int from;
    private final int to;

    private TableRows(List<String> names, NumericColumn<?>[] columns, int from, int to) {
        this.names = names;
        this.columns = columns;
        this.from = from;
        this.to = to;
    }

    /**
     * All rows of {@code features}, reading the named columns in the order given (extra columns are
     * ignored).
     *
     * @throws InputException when a column is absent, text, or has a missing or infinite value
     */
    public static TableRows of(Table features, List<String> names) {
        if (names.isEmpty()) {
            throw new InputException("no feature columns are left to train on; check preprocess.drop and select");
        }
        for (String name : names) {
            if (!features.containsColumn(name)) {
                throw new InputException("feature '" + name + "' that the model was trained on is missing from the rows to predict");
            }
        }
        NumericColumn<?>[] columns = new NumericColumn<?>[names.size()];
        for (int j = 0; j < columns.length; j++) {
            Column<?> column = features.column(names.get(j));
            if (!(column instanceof NumericColumn<?> numeric)) {
                throw new InputException("feature '" + names.get(j) + "' is text; categorical columns must be encoded"
                        + " to numbers before training (features.encode)");
            }
            checkFinite(names.get(j), numeric);
            columns[j] = numeric;
        }
        return new TableRows(List.copyOf(names), columns, 0, features.rowCount());
    }

    /** The feature names, in column order. */
    public List<String> names() {
        return names;
    }

    public int features() {
        return columns.length;
    }

    public int size() {
        return to - from;
    }

    /** The cell of feature {@code feature} (its position in {@link #names}) in row {@code row} of these rows. */
    public double value(int feature, int row) {
        return columns[feature].getDouble(from + row);
    }

    /**
     * Copies feature {@code feature}'s cells of these rows into {@code into} (at least {@link #size} long).
     * Why: a loop over one column reads one array in order; a row's cells across columns are as many
     * arrays, each read through a call that sees several column classes.
     */
    public void copyColumn(int feature, double[] into) {
        NumericColumn<?> column = columns[feature];
        for (int row = 0, n = size(); row < n; row++) {
            into[row] = column.getDouble(from + row);
        }
    }

    /** Consecutive parts of at most {@code rows} rows each, in order. */
    public List<TableRows> chunks(int rows) {
        List<TableRows> out = new ArrayList<>();
        for (int start = from; start < to; start += rows) {
            out.add(new TableRows(names, columns, start, Math.min(to, start + rows)));
        }
        return out;
    }

    private static void checkFinite(String name, NumericColumn<?> column) {
        int missing = 0;
        int infinite = 0;
        for (int row = 0, n = column.size(); row < n; row++) {
            double v = column.getDouble(row);
            if (Double.isNaN(v)) {
                missing++;
            } else if (Double.isInfinite(v)) {
                infinite++;
            }
        }
        if (missing > 0) {
            throw new InputException("feature '" + name + "' has " + missing
                    + " missing values after preprocessing; configure preprocess.impute");
        }
        if (infinite > 0) {
            throw new InputException("feature '" + name + "' has " + infinite + " infinite values after preprocessing");
        }
    }
}
