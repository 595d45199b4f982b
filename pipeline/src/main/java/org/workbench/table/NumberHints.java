package org.workbench.table;

import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Text columns that would be numbers under another number format: "1,234.50" when no thousands
 * separator is set, or "11,9" when the decimal mark is '.'. Such a column is read as text (each
 * amount a category), which is rarely what the file means, so a warning names the column, an
 * example and the {@code data.*} keys that read it as numbers. A column counts when, under the other
 * format, at most {@link ColumnBuilder#MAX_ODD_SHARE} of its non-missing cells would still be odd,
 * the same rule that decides a column's type; a column forced categorical is left alone.
 */
final class NumberHints {
    private NumberHints() {
    }

    /** One other way to read numbers, and the keys that choose it. */
    private record Format(char decimal, char thousands, String keys) {
    }

    static List<DataWarning> find(Table table, DataConfig resolved) {
        List<Format> formats = alternatives(resolved);
        NumberCheck current = new NumberCheck(resolved);
        List<DataWarning> warnings = new ArrayList<>();
        for (Column<?> column : table.columns()) {
            if (!(column instanceof StringColumn text) || resolved.columnTypes().containsKey(column.name())) {
                continue;
            }
            for (Format format : formats) {
                String example = numbersUnder(text, format, current, new NumberCheck(resolved.withNumbers(format.decimal(), format.thousands())));
                if (example != null) {
                    warnings.add(new DataWarning("formatted_numbers", column.name(), 0, "column '" + column.name()
                            + "' is read as text, but its cells are numbers written like \"" + CsvLayout.shown(example)
                            + "\"; to read them as numbers set " + format.keys()));
                    break;
                }
            }
        }
        return warnings;
    }

    /** The formats worth trying beside the one the file was read with. */
    private static List<Format> alternatives(DataConfig resolved) {
        List<Format> formats = new ArrayList<>();
        if (resolved.decimal() == ',') {
            formats.add(new Format(',', '.', "data.thousands: \".\""));
            formats.add(new Format(',', ' ', "data.thousands: \" \""));
        } else {
            formats.add(new Format('.', ',', "data.thousands: \",\""));
            if (resolved.delimiter() != ',') {
                formats.add(new Format(',', DataConfig.NONE, "data.decimal: \",\""));
                formats.add(new Format(',', '.', "data.decimal: \",\" and data.thousands: \".\""));
            }
        }
        return formats;
    }

    /**
     * A cell that the other format reads as a number and the current one does not, when the column
     * would be numeric under the other format; else null.
     */
    private static String numbersUnder(StringColumn column, Format format, NumberCheck current, NumberCheck other) {
        int numbers = 0;
        int odd = 0;
        String example = null;
        for (int i = 0; i < column.size(); i++) {
            String cell = column.get(i);
            if (cell.isEmpty()) {
                continue;
            }
            if (Double.isNaN(other.parse(cell)) || !grouped(cell, format)) {
                odd++;
                // most text columns fail at once: stop as soon as the rule cannot hold
                if (odd > ColumnBuilder.MAX_ODD_SHARE * column.size()) {
                    return null;
                }
            } else {
                numbers++;
                // the example shows the format: a cell the current reading cannot take
                if (example == null && Double.isNaN(current.parse(cell))) {
                    example = cell;
                }
            }
        }
        return numbers > 0 && odd <= ColumnBuilder.MAX_ODD_SHARE * (numbers + odd) ? example : null;
    }

    /**
     * A thousands separator must be followed by exactly three digits ("1,234", not "1,5"): the number
     * rule strips it anywhere between digits, but "1,5" is far likelier a decimal comma than fifteen.
     */
    private static boolean grouped(String cell, Format format) {
        if (format.thousands() == DataConfig.NONE) {
            return true;
        }
        int end = cell.indexOf(format.decimal());
        end = end < 0 ? cell.length() : end;
        for (int at = cell.indexOf(format.thousands()); at >= 0 && at < end; at = cell.indexOf(format.thousands(), at + 1)) {
            int digits = 0;
            while (at + 1 + digits < end && Character.isDigit(cell.charAt(at + 1 + digits))) {
                digits++;
            }
            if (digits != 3) {
                return false;
            }
        }
        return true;
    }
}
