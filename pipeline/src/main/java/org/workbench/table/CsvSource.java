package org.workbench.table;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.workbench.config.Suggest;
import org.workbench.core.InputException;
import org.workbench.core.StageProgress;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.Source;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * Reads a CSV file into a table of {@code DoubleColumn}s (numeric, missing = NaN) and
 * {@code StringColumn}s (categorical, missing = ""). The dialect (delimiter, decimal mark) is
 * sniffed when the config leaves it on auto ({@link CsvDialect}); numbers follow {@link NumberCheck}
 * (a thousands separator only when {@code data.thousands} names one). A column is numeric when its
 * non-missing cells are numbers except for a few ({@link ColumnBuilder}), unless
 * {@code data.column_types} says otherwise. Cells equal to one of the missing markers are missing;
 * spaces around an unquoted cell are dropped (so {@code " ?"} is the marker {@code "?"}); quoted
 * cells are kept exactly. Columns with a blank header name and no values are dropped. A first line
 * "sep=;" (Excel's) sets the delimiter and is skipped; line numbers still count it.
 *
 * <p>The file is read in one pass ({@link CsvLayout} checks every row, {@link CsvColumns} collects
 * the values on a second thread, {@link RowHandoff}); only a column that turns out to be text after holding numbers is read a second time.
 * Tablesaw's CsvReader is not used: errors must name the physical line of a row and type detection
 * must see every cell.
 */
public final class CsvSource {
    private CsvSource() {
    }

    /** The table, how the file was read, and what the read noticed: warnings for the profile, notes for the terminal. */
    public record CsvRead(Table table, CsvDialect dialect, List<DataWarning> warnings, List<String> notes,
                          List<String> reformattedNumbers) {
        /**
         * A read that does not say which number columns hold numbers written otherwise than as plain
         * integers ({@code reformattedNumbers}: "001", "1.0", ...; a class label read from them would
         * change), e.g. one restored from the stage cache.
         */
        public CsvRead(Table table, CsvDialect dialect, List<DataWarning> warnings, List<String> notes) {
            this(table, dialect, warnings, notes, List.of());
        }

    }

    /** The whole file. */
    public static Table read(DataConfig data) {
        return load(data, null, true, StageProgress.SILENT).table();
    }

    /** Only the named columns, in file order; the other columns are skipped while reading. */
    public static Table read(DataConfig data, Set<String> onlyColumns) {
        return load(data, onlyColumns).table();
    }

    /** The whole file, with the dialect used, the data warnings of the read and its notes. */
    public static CsvRead load(DataConfig data) {
        return load(data, null, true, StageProgress.SILENT);
    }

    /** Only the named columns (null: all), with the dialect used, the read's warnings and notes. */
    public static CsvRead load(DataConfig data, Set<String> onlyColumns) {
        return load(data, onlyColumns, true, StageProgress.SILENT);
    }

    /** The whole file, counting the rows read into {@code progress} as it goes. */
    public static CsvRead load(DataConfig data, StageProgress progress) {
        return load(data, null, true, progress);
    }

    /**
     * Rows to score with a model: the named columns, typed as the model's training file was read. A
     * cell that is not a number in a number column is missing, with a warning, as the training read
     * treated a few such cells; a user's {@code data.column_types: numeric} is strict instead.
     */
    public static CsvRead loadForModel(DataConfig data, Set<String> columns) {
        return load(data, columns, false, StageProgress.SILENT);
    }

    private static CsvRead load(DataConfig data, Set<String> onlyColumns, boolean strictTypes, StageProgress progress) {
        if (onlyColumns != null && onlyColumns.isEmpty()) {
            throw new IllegalArgumentException("ask for at least one column");
        }
        CsvDialect dialect = CsvLayout.sniff(data);
        DataConfig resolved = data.withDialect(dialect.delimiter(), dialect.decimal());
        CsvColumns columns = new CsvColumns(resolved, onlyColumns, strictTypes, CsvLayout.expectedRows(resolved.source()));
        Counted counted = new Counted(columns, progress);
        CsvLayout layout;
        try (RowHandoff handoff = new RowHandoff(counted)) {
            layout = CsvLayout.scan(resolved, handoff);
            handoff.finish();
        }
        counted.flush();
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
        Table table = columns.table(layout);
        List<DataWarning> warnings = new ArrayList<>(layout.warnings());
        warnings.addAll(columns.warnings(table.rowCount()));
        warnings.addAll(NumberHints.find(table, resolved));
        List<String> notes = new ArrayList<>(dialect.notes());
        List<Integer> blank = layout.droppedBlankColumns();
        if (!blank.isEmpty()) {
            notes.add("dropped " + blank.size() + (blank.size() == 1 ? " column" : " columns") + " with a blank name and no values (column"
                    + (blank.size() == 1 ? " " : "s ") + blank.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")");
        }
        return new CsvRead(table, dialect, List.copyOf(warnings), List.copyOf(notes), columns.reformatted());
    }

    /** Rows read are reported in batches: one call per row would cost more than the count is worth. */
    static final int ROWS_PER_REPORT = 10_000;

    /** Hands each row on and counts it into the progress. */
    private static final class Counted implements CsvLayout.Rows {
        private final CsvLayout.Rows rows;
        private final StageProgress progress;
        private long pending;

        Counted(CsvLayout.Rows rows, StageProgress progress) {
            this.rows = rows;
            this.progress = progress;
        }

        @Override
        public void start(List<String> names) {
            progress.begin("rows read", -1);
            rows.start(names);
        }

        @Override
        public void accept(String[] cells, int line) {
            rows.accept(cells, line);
            if (++pending == ROWS_PER_REPORT) {
                flush();
            }
        }

        /** Reports the rows not yet reported (the last partial batch, once the scan is over). */
        void flush() {
            if (pending > 0) {
                progress.advance(pending);
                pending = 0;
            }
        }
    }

    /** Fails, naming the file and suggesting the nearest name, unless the table has exactly this column. */
    public static void requireColumn(DataConfig data, Table table, String column) {
        if (!table.columnNames().contains(column)) {
            throw new InputException(noColumn(data.source(), column, table.columnNames(), "no column"));
        }
    }

    /** True when the file's first line is Excel's delimiter line ("sep=;"), which the read skips. */
    public static boolean startsWithSeparatorLine(DataConfig data) {
        return CsvLayout.startsWithSeparatorLine(data.source(), data.encoding());
    }

    /** Column names only (blank-named columns left out); reads just the start of the file. */
    public static List<String> header(DataConfig data) {
        CsvDialect dialect = CsvLayout.sniff(data);
        return CsvLayout.header(data.withDialect(dialect.delimiter(), dialect.decimal()));
    }

    /** Tablesaw's read options for a resolved config (delimiter and decimal mark known): tests compare against them. */
    static CsvReadOptions.Builder options(DataConfig data) {
        Path file = data.source();
        // an empty list would make Tablesaw fall back to its own markers ("NA", "NaN", "*", ...)
        List<String> markers = data.missingValues().isEmpty() ? List.of("") : data.missingValues();
        return CsvReadOptions.builder(new Source(file.toFile(), data.encoding()))
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
