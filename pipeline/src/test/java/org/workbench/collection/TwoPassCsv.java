package org.workbench.collection;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.workbench.core.InputException;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.numbers.DoubleColumnType;
import tech.tablesaw.columns.numbers.DoubleParser;

/**
 * The reference for {@link CsvSource}: the two-pass read it replaced. A scan notes which columns hold
 * only numbers (by Tablesaw's parser), Tablesaw's own CsvReader then reads the file with those column
 * types, and forced types are applied afterwards. Kept for tests only, to prove the tables are equal.
 */
final class TwoPassCsv {
    private TwoPassCsv() {
    }

    static Table read(DataConfig data, Set<String> onlyColumns) {
        Detect detect = new Detect(data);
        CsvLayout layout = CsvLayout.scan(data, detect);
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
        boolean[] numeric = detect.result();
        for (int i = 0; i < types.length; i++) {
            String name = names.get(i);
            boolean forced = data.columnTypes().containsKey(name);
            types[i] = !wanted.contains(name) ? ColumnType.SKIP
                    : numeric[i] && !forced ? ColumnType.DOUBLE : ColumnType.STRING;
        }
        Table text;
        try {
            text = Table.read().usingOptions(CsvSource.options(data).columnTypes(types).build());
        } catch (RuntimeException e) {
            String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            throw new InputException(layout.file() + ": cannot read CSV: " + message, e);
        }
        if (text.rowCount() != layout.rows()) {
            throw new IllegalStateException("Tablesaw read " + text.rowCount() + " rows, the scan " + layout.rows());
        }
        return normalise(text, data, detect.lines());
    }

    private static Table normalise(Table text, DataConfig data, int[] lines) {
        DoubleParser parser = new DoubleParser(DoubleColumnType.instance(), CsvSource.options(data).build());
        Table out = Table.create(text.name());
        for (String name : text.columnNames()) {
            if (text.column(name) instanceof DoubleColumn numbers) {
                out.addColumns(numbers);
                continue;
            }
            StringColumn column = text.stringColumn(name);
            String type = data.columnTypes().get(name);
            if (ColumnProfile.NUMERIC.equals(type)) {
                out.addColumns(toNumbers(column, parser, data, lines));
            } else if (ColumnProfile.CATEGORICAL.equals(type) || !allNumbers(column, parser)) {
                out.addColumns(column);
            } else {
                out.addColumns(toNumbers(column, parser, data, lines));
            }
        }
        return out;
    }

    private static boolean allNumbers(StringColumn column, DoubleParser parser) {
        boolean any = false;
        for (int row = 0; row < column.size(); row++) {
            String cell = column.get(row);
            if (!cell.isEmpty()) {
                if (!parser.canParse(cell)) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    private static DoubleColumn toNumbers(StringColumn column, DoubleParser parser, DataConfig data, int[] lines) {
        double[] values = new double[column.size()];
        for (int row = 0; row < values.length; row++) {
            String cell = column.get(row);
            if (cell.isEmpty()) {
                values[row] = Double.NaN;
            } else if (parser.canParse(cell)) {
                values[row] = parser.parseDouble(cell);
            } else {
                throw new InputException(data.source() + ": line " + lines[row] + ", column '" + column.name()
                        + "': \"" + CsvLayout.shown(cell) + "\" is not a number, but data.column_types says numeric");
            }
        }
        return DoubleColumn.create(column.name(), values);
    }

    /** The old scan's number check: numeric when some cell is a value and every value parses. */
    private static final class Detect implements CsvLayout.Rows {
        private final DoubleParser parser;
        private final Set<String> missing;
        private final char quote;
        private boolean[] numeric;
        private boolean[] seen;
        private int[] lines = new int[16];
        private int rows;

        Detect(DataConfig data) {
            this.parser = new DoubleParser(DoubleColumnType.instance(), CsvSource.options(data).build());
            this.missing = Set.copyOf(data.missingValues().isEmpty() ? List.of("") : data.missingValues());
            this.quote = data.quote();
        }

        @Override
        public void start(List<String> names) {
            numeric = new boolean[names.size()];
            seen = new boolean[names.size()];
            Arrays.fill(numeric, true);
        }

        @Override
        public void accept(String[] row, int line) {
            if (rows == lines.length) {
                lines = Arrays.copyOf(lines, rows * 2);
            }
            lines[rows++] = line;
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

        int[] lines() {
            return Arrays.copyOf(lines, rows);
        }
    }
}
