package org.workbench.data;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Feature rows and their target, row-aligned. Feature columns are numeric ({@code DoubleColumn})
 * or categorical ({@code StringColumn}); missing numbers are NaN, missing categories are "".
 */
public record Frame(Table features, Target target) {

    public int rows() {
        return features.rowCount();
    }

    /**
     * The given rows, which must be strictly increasing: Tablesaw's {@code Table.rows} sorts and
     * de-duplicates its indices, so anything else would misalign features and target.
     */
    public Frame subset(int[] rows) {
        for (int i = 1; i < rows.length; i++) {
            if (rows[i] <= rows[i - 1]) {
                throw new IllegalArgumentException("row indices must be strictly increasing; got " + rows[i - 1]
                        + " then " + rows[i] + " at position " + i);
            }
        }
        return new Frame(rows(features, rows), target == null ? null : target.subset(rows));
    }

    /**
     * The same table as {@code table.rows(rows)}, which copies cell by cell through a generic setter,
     * but with numbers and text picked straight into new columns. Other column types, and indices that
     * Tablesaw would reject, go through Tablesaw's own copy.
     */
    private static Table rows(Table table, int[] rows) {
        if (rows.length == 0) {
            // Tablesaw's Table.rows fails on an empty index list (it takes their maximum)
            return table.emptyCopy();
        }
        if (rows[0] < 0 || rows[rows.length - 1] >= table.rowCount()) {
            return table.rows(rows);
        }
        Table out = Table.create(table.name());
        for (Column<?> column : table.columns()) {
            out.addColumns(column(column, rows));
        }
        return out;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Column<?> column(Column<?> column, int[] rows) {
        if (column instanceof DoubleColumn numbers) {
            // appends primitives; like Table.rows it keeps the print format and locale
            return numbers.subset(rows);
        }
        if (column instanceof StringColumn text) {
            // one dictionary append per cell, where Table.rows fills the column with "" and then replaces each
            String[] picked = new String[rows.length];
            for (int i = 0; i < rows.length; i++) {
                picked[i] = text.get(rows[i]);
            }
            return StringColumn.create(text.name(), picked);
        }
        // what Table.rows does for every column
        Column out = column.emptyCopy(rows.length);
        for (int i = 0; i < rows.length; i++) {
            out.set(i, column, rows[i]);
        }
        return out;
    }

    /**
     * A split's two parts put back in row order, the inverse of taking {@link #subset} of each part:
     * row {@code split.train()[i]} is {@code train}'s i-th row, row {@code split.test()[i]} is
     * {@code test}'s. Both parts must have the same columns in the same order.
     */
    public static Frame merge(Split split, Frame train, Frame test) {
        Table a = train.features();
        Table b = test.features();
        if (a.rowCount() != split.train().length || b.rowCount() != split.test().length
                || !a.columnNames().equals(b.columnNames())) {
            throw new IllegalArgumentException("the two parts do not match the split or each other");
        }
        Table out = Table.create(a.name());
        for (int j = 0; j < a.columnCount(); j++) {
            out.addColumns(merge(split, a.column(j), b.column(j)));
        }
        return new Frame(out, Target.merge(split, train.target(), test.target()));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Column<?> merge(Split split, Column<?> train, Column<?> test) {
        int n = split.train().length + split.test().length;
        if (train instanceof DoubleColumn a && test instanceof DoubleColumn b) {
            // like subset, keeps the print format and locale
            DoubleColumn out = a.emptyCopy(n);
            for (int i = 0; i < split.train().length; i++) {
                out.set(split.train()[i], a.getDouble(i));
            }
            for (int i = 0; i < split.test().length; i++) {
                out.set(split.test()[i], b.getDouble(i));
            }
            return out;
        }
        if (train instanceof StringColumn a && test instanceof StringColumn b) {
            String[] values = new String[n];
            for (int i = 0; i < split.train().length; i++) {
                values[split.train()[i]] = a.get(i);
            }
            for (int i = 0; i < split.test().length; i++) {
                values[split.test()[i]] = b.get(i);
            }
            return StringColumn.create(a.name(), values);
        }
        Column out = train.emptyCopy(n);
        for (int i = 0; i < split.train().length; i++) {
            out.set(split.train()[i], (Column) train, i);
        }
        for (int i = 0; i < split.test().length; i++) {
            out.set(split.test()[i], (Column) test, i);
        }
        return out;
    }

    public Frame withFeatures(Table newFeatures) {
        return new Frame(newFeatures, target);
    }
}
