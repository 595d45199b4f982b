package org.workbench.collection;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.workbench.config.Suggest;
import org.workbench.core.InputException;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.Source;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * Reads a CSV file into a table of {@code DoubleColumn}s (numeric, missing = NaN) and
 * {@code StringColumn}s (categorical, missing = ""). A column is numeric when every non-missing
 * cell is a number by Tablesaw's own number parser, unless {@code data.column_types} says otherwise.
 * Cells equal to one of the missing markers are missing. As in Tablesaw, spaces around an unquoted
 * cell are dropped (so {@code " ?"} is the marker {@code "?"}); quoted cells are kept exactly.
 *
 * <p>The file is read in one pass ({@link CsvLayout} checks every row, {@link CsvColumns} collects
 * the values); only a column where text follows numbers is read a second time. Tablesaw's CsvReader
 * is not used: errors must name the physical line of a row and type detection must see every cell,
 * so every cell passes through this reader anyway. The table is the one Tablesaw would read with
 * the detected types: same text, same number parser, same missing markers.
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
        CsvColumns columns = new CsvColumns(data, onlyColumns);
        CsvLayout layout = CsvLayout.scan(data, columns);
        List<String> names = layout.names();
        data.columnTypes().keySet().forEach(column -> {
            if (!names.contains(column)) {
                throw new InputException(noColumn(layout.file(), column, names, "data.column_types names column"));
            }
        });
        if (onlyColumns != null) {
            for (String column : onlyColumns) {
                if (!names.contains(column)) {
                    throw new InputException(noColumn(layout.file(), column, names, "no column"));
                }
            }
        }
        return columns.table(layout);
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

    /** Tablesaw's read options for this config: the markers and number parser the columns are read with. */
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
