package org.workbench.recipe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.IdentityHashMap;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Cell-by-cell table comparison for feature tables (NaN equals NaN). */
public final class TableAssert {
    private TableAssert() {
    }

    public static void assertSameTable(Table expected, Table actual) {
        assertEquals(expected.columnNames(), actual.columnNames(), "column names");
        assertEquals(expected.rowCount(), actual.rowCount(), "row count");
        for (int c = 0; c < expected.columnCount(); c++) {
            Column<?> e = expected.column(c);
            Column<?> a = actual.column(c);
            assertEquals(e.getClass(), a.getClass(), "type of " + e.name());
            for (int r = 0; r < e.size(); r++) {
                if (e instanceof DoubleColumn ed) {
                    double x = ed.getDouble(r);
                    double y = ((DoubleColumn) a).getDouble(r);
                    if (Double.compare(x, y) != 0) {
                        fail(e.name() + " row " + r + ": expected " + x + " but was " + y);
                    }
                } else if (e instanceof StringColumn es) {
                    assertEquals(es.get(r), ((StringColumn) a).get(r), e.name() + " row " + r);
                } else {
                    assertEquals(e.get(r), a.get(r), e.name() + " row " + r);
                }
            }
        }
    }

    /** Fails if the output shares a column object with the input: a later change would leak back. */
    public static void assertNoSharedColumns(Table input, Table output) {
        Map<Column<?>, Boolean> inputColumns = new IdentityHashMap<>();
        input.columns().forEach(c -> inputColumns.put(c, true));
        for (Column<?> c : output.columns()) {
            if (inputColumns.containsKey(c)) {
                fail("output shares column object '" + c.name() + "' with the input");
            }
        }
    }

    public static double[] values(Table table, String column) {
        return table.doubleColumn(column).asDoubleArray();
    }
}
