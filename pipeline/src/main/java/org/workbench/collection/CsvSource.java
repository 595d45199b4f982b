package org.workbench.collection;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.workbench.config.Suggest;
import org.workbench.core.InputException;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.numbers.DoubleColumnType;
import tech.tablesaw.columns.numbers.DoubleParser;
import tech.tablesaw.io.Source;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * Reads a CSV file into a table of {@code DoubleColumn}s (numeric, missing = NaN) and
 * {@code StringColumn}s (categorical, missing = ""). A column is numeric when every non-missing
 * cell is a number by Tablesaw's own number parser, unless {@code data.column_types} says otherwise.
 * Cells equal to one of the missing markers are missing. As in Tablesaw, spaces around an unquoted
 * cell are dropped (so {@code " ?"} is the marker {@code "?"}); quoted cells are kept exactly.
 */
public final class CsvSource {
    private CsvSource() {
    }

    /** The whole file. */
    public static Table read(DataConfig data) {
        return read(data, null);
    }

    /** Only the named columns, in file order; the other columns are skipped while reading. */
    public static Table read(DataConfig data, Set<String> onlyColumns) {
        if (onlyColumns != null && onlyColumns.isEmpty()) {
            throw new IllegalArgumentException("ask for at least one column");
        }
        CsvLayout layout = CsvLayout.scan(data);
        List<String> names = layout.names();
        data.columnTypes().keySet().forEach(column -> {
            if (!names.contains(column)) {
                throw new InputException(noColumn(layout.file(), column, names, "data.column_types names column"));
            }
        });
        Set<String> wanted = onlyColumns == null ? new HashSet<>(names) : onlyColumns;
        for (String column : wanted) {
            if (!names.contains(column)) {
                throw new InputException(noColumn(layout.file(), column, names, "no column"));
            }
        }
        Table text = readText(data, layout, wanted);
        if (text.rowCount() != layout.rows()) {
            throw new IllegalStateException("Tablesaw read " + text.rowCount() + " rows of " + layout.file()
                    + " but the file has " + layout.rows());
        }
        return normalise(text, data, layout);
    }

    /** Fails, naming the file and suggesting the nearest name, unless the table has exactly this column. */
    public static void requireColumn(DataConfig data, Table table, String column) {
        if (!table.columnNames().contains(column)) {
            throw new InputException(noColumn(data.source(), column, table.columnNames(), "no column"));
        }
    }

    /** Column names only; reads just the first line. */
    public static List<String> header(DataConfig data) {
        return CsvLayout.header(data);
    }

    /**
     * Every wanted column: numbers straight into number columns; text, and any column whose type
     * the config forces, as text, so nothing is re-formatted (origin "1" stays "1").
     */
    private static Table readText(DataConfig data, CsvLayout layout, Set<String> wanted) {
        ColumnType[] types = new ColumnType[layout.names().size()];
        for (int i = 0; i < types.length; i++) {
            String name = layout.names().get(i);
            boolean forced = data.columnTypes().containsKey(name);
            types[i] = !wanted.contains(name) ? ColumnType.SKIP : NumberCheck.typeOf(layout.numeric()[i] && !forced);
        }
        CsvReadOptions options = options(data).columnTypes(types).build();
        try {
            return Table.read().usingOptions(options);
        } catch (RuntimeException e) {
            String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            throw new InputException(layout.file() + ": cannot read CSV: " + message, e);
        }
    }

    static CsvReadOptions.Builder options(DataConfig data) {
        Path file = data.source();
        // an empty list would make Tablesaw fall back to its own markers ("NA", "NaN", "*", ...)
        List<String> markers = data.missingValues().isEmpty() ? List.of("") : data.missingValues();
        return CsvReadOptions.builder(new Source(file.toFile(), StandardCharsets.UTF_8))
                .tableName(file.getFileName().toString())
                .separator(data.delimiter())
                .quoteChar(data.quote())
                .escapeChar(data.quote())
                .commentPrefix(CsvLayout.NO_COMMENTS)
                .header(data.header())
                .maxNumberOfColumns(CsvLayout.MAX_COLUMNS)
                .maxCharsPerColumn(CsvLayout.MAX_CHARS_PER_VALUE)
                .missingValueIndicator(markers.toArray(String[]::new));
    }

    /** Turns numeric text columns into DoubleColumns; column_types overrides win. */
    private static Table normalise(Table text, DataConfig data, CsvLayout layout) {
        DoubleParser parser = new DoubleParser(DoubleColumnType.instance(), options(data).build());
        Table out = Table.create(text.name());
        for (String name : text.columnNames()) {
            if (text.column(name) instanceof DoubleColumn numbers) {
                out.addColumns(numbers);
                continue;
            }
            StringColumn column = text.stringColumn(name);
            String type = data.columnTypes().get(name);
            if (ColumnProfile.NUMERIC.equals(type)) {
                out.addColumns(toNumbers(column, parser, layout));
            } else if (ColumnProfile.CATEGORICAL.equals(type) || !allNumbers(column, parser)) {
                out.addColumns(column);
            } else {
                out.addColumns(toNumbers(column, parser, layout));
            }
        }
        return out;
    }

    /** True when the column has at least one value and every value is a number (Tablesaw's test). */
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

    private static DoubleColumn toNumbers(StringColumn column, DoubleParser parser, CsvLayout layout) {
        double[] values = new double[column.size()];
        for (int row = 0; row < values.length; row++) {
            String cell = column.get(row);
            if (cell.isEmpty()) {
                values[row] = Double.NaN;
            } else if (parser.canParse(cell)) {
                values[row] = parser.parseDouble(cell);
            } else {
                throw new InputException(layout.file() + ": line " + layout.dataLines()[row] + ", column '"
                        + column.name() + "': \"" + CsvLayout.shown(cell) + "\" is not a number, but data.column_types says numeric");
            }
        }
        return DoubleColumn.create(column.name(), values);
    }

    /** "no column 'Specie' (did you mean 'species'?); columns are: a, b, c". */
    static String noColumn(Path file, String column, Collection<String> names, String what) {
        String nearest = Suggest.nearest(column, names);
        String hint = nearest == null ? "" : " (did you mean '" + nearest + "'?)";
        List<String> shown = new ArrayList<>(names);
        String list = shown.size() <= 40 ? String.join(", ", shown)
                : String.join(", ", shown.subList(0, 40)) + ", ... (" + shown.size() + " in all)";
        return file + ": " + what + " '" + column + "'" + hint + "; columns are: " + list;
    }
}
