package org.workbench.collection;

import tech.tablesaw.columns.numbers.DoubleColumnType;
import tech.tablesaw.columns.numbers.DoubleParser;

/**
 * Tablesaw's number test and value for one cell that is not missing: a cell is a number when
 * Tablesaw's own DoubleParser says it can parse it, and its value is what that parser reads.
 */
final class NumberCheck {
    private final DoubleParser parser;

    NumberCheck(DataConfig data) {
        // the same parser and missing markers Tablesaw's CsvReader would use
        this.parser = new DoubleParser(DoubleColumnType.instance(), CsvSource.options(data).build());
    }

    /** Tablesaw's test. */
    boolean isNumber(String cell) {
        return parser.canParse(cell);
    }

    /**
     * Tablesaw's value. Throws NumberFormatException when the cell is not a number, and also, rarely,
     * when {@link #isNumber} says it is one but Tablesaw cannot read it (its percent handling fails on
     * "1,5%"); callers tell the two apart with {@link #isNumber}, which is only needed on failure.
     */
    double parse(String cell) {
        if (plain(cell)) {
            // canParse is then exactly "parseDouble does not throw", so one parse does both
            return parser.parseDouble(cell);
        }
        if (!parser.canParse(cell)) {
            throw new NumberFormatException("not a number: " + cell);
        }
        return parser.parseDouble(cell);
    }

    /**
     * True when Tablesaw's parser takes its plain path: once thousands commas are dropped the cell is
     * not empty and does not end with '%'.
     */
    private static boolean plain(String cell) {
        for (int i = cell.length() - 1; i >= 0; i--) {
            char c = cell.charAt(i);
            if (c != ',') {
                return c != '%';
            }
        }
        return false;
    }
}
