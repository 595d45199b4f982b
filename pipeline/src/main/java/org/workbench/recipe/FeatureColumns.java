package org.workbench.recipe;

import java.util.List;
import java.util.Locale;
import org.workbench.core.InputException;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Looks up the feature columns a fitted step was fitted on. A fitted step may be replayed on rows
 * read from another file, so a column that is absent or of another type there is bad input.
 */
public final class FeatureColumns {
    private FeatureColumns() {
    }

    /** The numeric column {@code name}, which training saw as numeric. */
    public static DoubleColumn numeric(Table table, String name, String step) {
        Column<?> column = require(table, name, step);
        if (column instanceof DoubleColumn numbers) {
            return numbers;
        }
        throw new InputException(step + ": column '" + name + "' was numeric in the training data but is "
                + describe(column) + " here");
    }

    /** The categorical column {@code name}, which training saw as categorical. */
    public static StringColumn categorical(Table table, String name, String step) {
        Column<?> column = require(table, name, step);
        if (column instanceof StringColumn text) {
            return text;
        }
        throw new InputException(step + ": column '" + name + "' was categorical in the training data but is "
                + describe(column) + " here");
    }

    /** A copy made column by column (Tablesaw's {@code Table.copy()} goes cell by cell, several times slower). */
    public static Table copy(Table table) {
        List<Column<?>> columns = new java.util.ArrayList<>(table.columnCount());
        table.columns().forEach(c -> columns.add(c.copy()));
        return tableLike(table, columns);
    }

    /**
     * A new table with the given (already copied) columns, keeping the input table's name. Two columns
     * of one name (Tablesaw's names ignore case and surrounding spaces) are a {@link NameClash}: a step adding "x_missing" or
     * "Age^2" to data that already has such a column.
     */
    public static Table tableLike(Table like, List<Column<?>> columns) {
        java.util.Set<String> names = new java.util.HashSet<>();
        for (Column<?> column : columns) {
            if (!names.add(nameKey(column.name()))) {
                throw new NameClash(column.name());
            }
        }
        return Table.create(like.name(), columns);
    }

    /** A column name as Tablesaw compares names: trimmed (Tablesaw trims every name) and in lower case. */
    public static String nameKey(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }

    /**
     * A step made a column whose name another column has. {@link Recipe#fit} names the step; elsewhere
     * the message stands alone.
     */
    public static final class NameClash extends InputException {
        private final String column;

        NameClash(String column) {
            super("two columns would be named '" + column.trim() + "' (names ignore case and surrounding spaces); rename that"
                    + " column in the data,"
                    + " or leave it out (preprocess.drop)");
            this.column = column;
        }

        public String column() {
            return column;
        }

        /** The same clash, said of the step that made the column. */
        public InputException madeBy(String step) {
            return new InputException("step '" + step + "' makes a column '" + column.trim() + "' that another column is also"
                    + " named (names ignore case and surrounding spaces); rename that column in the data, or leave it out"
                    + " (preprocess.drop)");
        }
    }

    /**
     * A copy of {@code table} where the columns named in {@code replacements} are swapped for the given
     * (new) columns, in place; the others are copied; {@code appended} come last.
     */
    public static Table replaced(Table table, java.util.Map<String, ? extends Column<?>> replacements,
                                 List<? extends Column<?>> appended) {
        List<Column<?>> out = new java.util.ArrayList<>(table.columnCount() + appended.size());
        for (Column<?> column : table.columns()) {
            Column<?> replacement = replacements.get(column.name());
            out.add(replacement != null ? replacement : column.copy());
        }
        out.addAll(appended);
        return tableLike(table, out);
    }

    private static Column<?> require(Table table, String name, String step) {
        // one pass over the columns, not three (a name list, a search in it, then the lookup): with 2,000
        // columns the lookups were most of a prediction's time. Tablesaw's lookup ignores case, the
        // training name must match exactly, as before.
        Column<?> column = null;
        try {
            column = table.column(name);
        } catch (IllegalStateException e) {
            // no such column: reported below
        }
        if (column == null || !column.name().equals(name)) {
            throw new InputException(step + ": column '" + name + "' was in the training data but is missing here");
        }
        return column;
    }

    private static String describe(Column<?> column) {
        return column instanceof DoubleColumn ? "numeric"
                : column instanceof StringColumn ? "categorical"
                : column.type().name().toLowerCase(Locale.ROOT);
    }
}
