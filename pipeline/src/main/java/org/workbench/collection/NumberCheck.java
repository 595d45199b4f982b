package org.workbench.collection;

import java.util.List;
import java.util.Set;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.columns.numbers.DoubleColumnType;
import tech.tablesaw.columns.numbers.DoubleParser;

/**
 * Notes, row by row, which columns hold only numbers: a column is numeric when it has at least one
 * value and every value that is not a missing marker passes Tablesaw's own number parser.
 */
final class NumberCheck {
    private final DoubleParser parser;
    private final Set<String> missing;
    private final char quote;
    private final boolean[] numeric;
    private final boolean[] seen;

    NumberCheck(DataConfig data, int columns) {
        // the same parser and missing markers Tablesaw will read the column with
        this.parser = new DoubleParser(DoubleColumnType.instance(), CsvSource.options(data).build());
        this.missing = Set.copyOf(data.missingValues().isEmpty() ? List.of("") : data.missingValues());
        this.quote = data.quote();
        this.numeric = new boolean[columns];
        this.seen = new boolean[columns];
        java.util.Arrays.fill(numeric, true);
    }

    void accept(String[] row) {
        for (int i = 0; i < row.length && i < numeric.length; i++) {
            if (!numeric[i] || row[i] == null) {
                continue;
            }
            String cell = CsvLayout.unquote(row[i], quote);
            if (cell.isEmpty() || missing.contains(cell)) {
                continue;
            }
            seen[i] = true;
            numeric[i] = parser.canParse(cell);
        }
    }

    boolean[] result() {
        boolean[] out = new boolean[numeric.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = numeric[i] && seen[i];
        }
        return out;
    }

    /** Tablesaw's type for a column: numbers straight into a number column, everything else as text. */
    static ColumnType typeOf(boolean numeric) {
        return numeric ? ColumnType.DOUBLE : ColumnType.STRING;
    }
}
