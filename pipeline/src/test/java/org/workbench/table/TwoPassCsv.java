package org.workbench.table;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.workbench.core.InputException;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import org.workbench.collection.ColumnProfile;

/**
 * The reference for {@link CsvSource}, written the slow, obvious way: Tablesaw's own CsvReader reads
 * every wanted column as text, then each column's type is decided on the whole column by the
 * documented rules (a number is {@link #NUMBER} with a decimal point; infinities and number-valued
 * markers are missing; numeric when some cell is a number and the other non-missing cells are at
 * most 5% of them and at most 10 distinct texts). Kept for tests only, to prove the tables are equal.
 * Only for configs with an explicit delimiter, a decimal point and no thousands separator.
 */
final class TwoPassCsv {
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern INFINITY = Pattern.compile("[+-]?(?i:inf|infinity)");

    private TwoPassCsv() {
    }

    static Table read(DataConfig data, Set<String> onlyColumns) {
        Lines lines = new Lines();
        CsvLayout layout = CsvLayout.scan(data, lines);
        List<String> names = layout.names();
        data.columnTypes().keySet().forEach(column -> {
            if (!names.contains(column)) {
                throw new InputException(CsvSource.noColumn(layout.file(), column, names, "data.column_types names column"));
            }
        });
        Set<String> wanted = onlyColumns == null ? new HashSet<>(names) : onlyColumns;
        for (String column : wanted) {
            if (!names.contains(column)) {
                throw new InputException(CsvSource.noColumn(layout.file(), column, names, "no column"));
            }
        }
        ColumnType[] types = new ColumnType[names.size()];
        for (int i = 0; i < types.length; i++) {
            types[i] = wanted.contains(names.get(i)) ? ColumnType.STRING : ColumnType.SKIP;
        }
        Table text = Table.read().usingOptions(CsvSource.options(data).columnTypes(types).build());
        if (text.rowCount() != layout.rows()) {
            throw new IllegalStateException("Tablesaw read " + text.rowCount() + " rows, the scan " + layout.rows());
        }
        Table out = Table.create(text.name());
        for (String name : text.columnNames()) {
            StringColumn column = text.stringColumn(name);
            String type = data.columnTypes().get(name);
            if (ColumnProfile.NUMERIC.equals(type)) {
                out.addColumns(toNumbers(column, data, lines.lines()));
            } else if (ColumnProfile.CATEGORICAL.equals(type) || !mostlyNumbers(column, data)) {
                out.addColumns(column);
            } else {
                out.addColumns(toNumbers(column, data, null));
            }
        }
        return out;
    }

    /** NaN for text, an infinity, or the value. */
    static double value(String cell) {
        String trimmed = cell.strip();
        if (INFINITY.matcher(trimmed).matches()) {
            return trimmed.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return NUMBER.matcher(trimmed).matches() ? Double.parseDouble(trimmed) : Double.NaN;
    }

    private static boolean isMarker(double value, DataConfig data) {
        return data.missingValues().stream().mapToDouble(TwoPassCsv::value)
                .anyMatch(m -> !Double.isInfinite(m) && m == value);
    }

    private static boolean mostlyNumbers(StringColumn column, DataConfig data) {
        int numbers = 0;
        int odd = 0;
        Set<String> distinct = new HashSet<>();
        for (String cell : column.asList()) {
            if (cell.isEmpty()) {
                continue;
            }
            double v = value(cell);
            if (Double.isNaN(v)) {
                odd++;
                distinct.add(cell);
            } else if (!isMarker(v, data)) {
                numbers++;
            }
        }
        return numbers > 0 && odd <= 0.05 * (numbers + odd) && distinct.size() <= 10;
    }

    /** {@code lines} given: the column is forced numeric, and a cell that is not a number is an error. */
    private static DoubleColumn toNumbers(StringColumn column, DataConfig data, int[] lines) {
        double[] values = new double[column.size()];
        for (int row = 0; row < values.length; row++) {
            String cell = column.get(row);
            double v = cell.isEmpty() ? Double.NaN : value(cell);
            if (!cell.isEmpty() && Double.isNaN(v) && lines != null) {
                throw new InputException(data.source() + ": line " + lines[row] + ", column '" + column.name()
                        + "': \"" + CsvLayout.shown(cell) + "\" is not a number, but data.column_types says numeric"
                        + " (decimal mark '.'; see data.decimal, data.thousands, data.missing_values)");
            }
            values[row] = Double.isInfinite(v) || isMarker(v, data) ? Double.NaN : v;
        }
        return DoubleColumn.create(column.name(), values);
    }

    /** The physical line of every row. */
    private static final class Lines implements CsvLayout.Rows {
        private int[] lines = new int[16];
        private int rows;

        @Override
        public void start(List<String> names) {
        }

        @Override
        public void accept(String[] row, int line) {
            if (rows == lines.length) {
                lines = Arrays.copyOf(lines, rows * 2);
            }
            lines[rows++] = line;
        }

        int[] lines() {
            return Arrays.copyOf(lines, rows);
        }
    }
}
