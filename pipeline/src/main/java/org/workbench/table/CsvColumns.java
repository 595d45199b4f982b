package org.workbench.table;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.workbench.core.InputException;
import tech.tablesaw.api.Table;

/**
 * The wanted columns of one CSV file, collected from the rows of {@link CsvLayout#scan} and built
 * into a table (see {@link ColumnBuilder} for how a column's type is decided). A cell's text is the
 * unquoted value (univocity has trimmed unquoted cells and undoubled quotes); an empty cell or a
 * missing marker is missing: NaN in a number column, "" in a text column.
 */
final class CsvColumns implements CsvLayout.Rows {
    private final DataConfig data;
    /** null: every column. */
    private final Set<String> wanted;
    /** The missing markers other than "" (an empty cell is always missing), by their first character. */
    private final MissingMarkers markers;
    private final NumberCheck numbers;
    /** False when the types come from a model bundle: an odd cell in a number column is then missing, with a warning. */
    private final boolean strictTypes;
    private ColumnBuilder[] builders;
    /** Rows the file is expected to hold: the columns' first capacity. */
    private final int expectedRows;

    CsvColumns(DataConfig data, Set<String> wanted, boolean strictTypes, int expectedRows) {
        this.expectedRows = expectedRows;
        this.data = data;
        this.wanted = wanted;
        this.strictTypes = strictTypes;
        this.markers = new MissingMarkers(data.missingValues());
        this.numbers = new NumberCheck(data);
    }

    @Override
    public void start(List<String> names) {
        List<ColumnBuilder> list = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (!name.isEmpty() && (wanted == null || wanted.contains(name))) {
                list.add(new ColumnBuilder(name, i, kind(data.columnTypes().get(name)), numbers, expectedRows,
                        data.delimiter() == ';' && data.decimal() == '.' && data.thousands() == DataConfig.NONE));
            }
        }
        builders = list.toArray(ColumnBuilder[]::new);
    }

    private static ColumnBuilder.Kind kind(String forced) {
        if (DataConfig.NUMERIC.equals(forced)) {
            return ColumnBuilder.Kind.NUMERIC;
        }
        return DataConfig.CATEGORICAL.equals(forced) ? ColumnBuilder.Kind.TEXT : ColumnBuilder.Kind.DETECT;
    }

    @Override
    public void accept(String[] cells, int line) {
        for (ColumnBuilder column : builders) {
            column.add(cell(cells[column.index]), line);
        }
    }

    /** The text of a kept-quotes cell, or null when the cell is missing. */
    private String cell(String raw) {
        if (raw == null) {
            return null;
        }
        String cell = CsvLayout.unquote(raw, data.quote());
        if (cell.isEmpty()) {
            return null;
        }
        return markers.contains(cell) ? null : cell;
    }

    /** The table, once the scan has checked the whole file and the caller the column names. */
    Table table(CsvLayout layout) {
        for (ColumnBuilder column : builders) {
            column.finish();
        }
        if (strictTypes) {
            failOnForcedTypes(layout.file());
        }
        readTextAgain(layout);
        Table table = Table.create(layout.file().getFileName().toString());
        for (ColumnBuilder column : builders) {
            table.addColumns(column.build());
        }
        return table;
    }

    /**
     * The warnings of the columns read as numbers, in file order: odd cells and infinite values read
     * as missing, then missing-value codes ({@link MissingCodes}). Call once the table is built.
     */
    /** The number columns with a cell written otherwise than as a plain integer, in file order. */
    List<String> reformatted() {
        return Arrays.stream(builders).filter(ColumnBuilder::reformatted).map(b -> b.name).toList();
    }

    List<DataWarning> warnings(int rows) {
        List<DataWarning> warnings = new ArrayList<>();
        Map<String, double[]> numberColumns = new LinkedHashMap<>();
        for (ColumnBuilder column : builders) {
            warnings.addAll(column.warnings());
            if (column.numeric()) {
                numberColumns.put(column.name, column.values());
            }
        }
        warnings.addAll(MissingCodes.find(numberColumns, rows));
        return warnings;
    }

    /** A column forced numeric must hold only numbers (and missing cells): the first other cell is an error. */
    private void failOnForcedTypes(Path file) {
        for (ColumnBuilder column : builders) {
            if (column.problemLine() >= 0) {
                throw new InputException(file + ": line " + column.problemLine() + ", column '" + column.name + "': \""
                        + CsvLayout.shown(column.problemCell()) + "\" is not a number, but data.column_types says numeric"
                        + " (decimal mark '" + decimalMark() + "'; see data.decimal, data.thousands, data.missing_values)");
            }
        }
    }

    private char decimalMark() {
        return data.decimal() == DataConfig.AUTO ? '.' : data.decimal();
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
                if (!names.stream().filter(n -> !n.isEmpty()).toList().equals(layout.names())) {
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
