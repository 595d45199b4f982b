package org.workbench.collection;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.workbench.core.InputException;
import tech.tablesaw.api.Table;

/**
 * The wanted columns of one CSV file, collected from the rows of {@link CsvLayout#scan} and built
 * into the table Tablesaw's CsvReader would give for the same column types. A cell's text is the
 * unquoted value (univocity has trimmed unquoted cells and undoubled quotes); an empty cell or a
 * missing marker is missing: NaN in a number column, "" in a text column.
 */
final class CsvColumns implements CsvLayout.Rows {
    private final DataConfig data;
    /** null: every column. */
    private final Set<String> wanted;
    /** The missing markers other than "" (an empty cell is always missing). */
    private final String[] markers;
    private final NumberCheck numbers;
    private ColumnBuilder[] builders;

    CsvColumns(DataConfig data, Set<String> wanted) {
        this.data = data;
        this.wanted = wanted;
        // the markers CsvSource.options gives Tablesaw; a short array beats hashing every cell
        this.markers = data.missingValues().stream().filter(m -> !m.isEmpty()).distinct().toArray(String[]::new);
        this.numbers = new NumberCheck(data);
    }

    @Override
    public void start(List<String> names) {
        List<ColumnBuilder> list = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (wanted == null || wanted.contains(name)) {
                list.add(new ColumnBuilder(name, i, kind(data.columnTypes().get(name)), numbers));
            }
        }
        builders = list.toArray(ColumnBuilder[]::new);
    }

    private static ColumnBuilder.Kind kind(String forced) {
        if (ColumnProfile.NUMERIC.equals(forced)) {
            return ColumnBuilder.Kind.NUMERIC;
        }
        return ColumnProfile.CATEGORICAL.equals(forced) ? ColumnBuilder.Kind.TEXT : ColumnBuilder.Kind.DETECT;
    }

    @Override
    public void accept(String[] cells, int line) {
        for (ColumnBuilder column : builders) {
            column.add(cell(cells[column.index]), line);
        }
    }

    /** The text Tablesaw reads for a kept-quotes cell, or null when the cell is missing. */
    private String cell(String raw) {
        if (raw == null) {
            return null;
        }
        String cell = CsvLayout.unquote(raw, data.quote());
        if (cell.isEmpty()) {
            return null;
        }
        for (String marker : markers) {
            if (marker.equals(cell)) {
                return null;
            }
        }
        return cell;
    }

    /** The table, once the scan has checked the whole file and the caller the column names. */
    Table table(CsvLayout layout) {
        failOnProblems(layout.file());
        readTextAgain(layout);
        Table table = Table.create(layout.file().getFileName().toString());
        for (ColumnBuilder column : builders) {
            table.addColumns(column.build());
        }
        return table;
    }

    /** The errors the two-pass read gave, in its order: Tablesaw's own failure first, then forced types. */
    private void failOnProblems(Path file) {
        // Tablesaw read row by row, so it stopped at the earliest such cell
        ColumnBuilder failed = null;
        for (ColumnBuilder column : builders) {
            if (!column.forcedNumeric() && column.numeric() && column.problemRow() >= 0
                    && (failed == null || column.problemRow() < failed.problemRow())) {
                failed = column;
            }
        }
        if (failed != null) {
            throw tablesawFailure(file, failed);
        }
        for (ColumnBuilder column : builders) {
            if (column.forcedNumeric() && column.problemRow() >= 0) {
                throw new InputException(file + ": line " + column.problemLine() + ", column '" + column.name + "': \""
                        + CsvLayout.shown(column.problemCell()) + "\" is not a number, but data.column_types says numeric");
            }
        }
    }

    /** Tablesaw's message for a cell its parser calls a number but cannot read ("1,5%"). */
    private InputException tablesawFailure(Path file, ColumnBuilder column) {
        RuntimeException e = column.parserFailure();
        String why = e instanceof NumberFormatException
                ? "Error adding value to column " + column.name + ": " + e.getMessage() : e.getMessage();
        long row = column.problemRow() + (data.header() ? 1 : 0);
        String message = "Error while adding cell from row " + row + " and column " + column.name
                + "(position:" + column.index + "): " + why;
        return new InputException(file + ": cannot read CSV: " + message.lines().findFirst().orElse(""), e);
    }

    /** Columns where text followed numbers: one more pass collects just their text. */
    private void readTextAgain(CsvLayout layout) {
        List<ColumnBuilder> again = Arrays.stream(builders).filter(ColumnBuilder::needsText).toList();
        if (again.isEmpty()) {
            return;
        }
        again.forEach(ColumnBuilder::restartAsText);
        CsvLayout second = CsvLayout.scan(data, new CsvLayout.Rows() {
            @Override
            public void start(List<String> names) {
                if (!names.equals(layout.names())) {
                    throw new IllegalStateException(layout.file() + " changed while it was read");
                }
            }

            @Override
            public void accept(String[] cells, int line) {
                for (ColumnBuilder column : again) {
                    column.add(cell(cells[column.index]), line);
                }
            }
        });
        if (second.rows() != layout.rows()) {
            throw new IllegalStateException(layout.file() + " changed while it was read: " + second.rows()
                    + " rows, first " + layout.rows());
        }
    }
}
