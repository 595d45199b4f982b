package org.workbench.preprocessing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.workbench.recipe.ApplyLog;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Columns with at most one value in the training rows are dropped. */
class DropConstantColumnsTest {
    private static final double NA = Double.NaN;

    @Test
    void constantColumnsAreDropped() {
        Table t = Table.create("t", DoubleColumn.create("one", 1, 1, NA), StringColumn.create("same", "a", "a", "a"),
                DoubleColumn.create("varies", 1, 2, 3));
        DropColumns.Fitted fitted = new DropConstantColumns().fit(t);
        assertEquals(List.of("one", "same"), fitted.columns());
        assertEquals(List.of("varies"), fitted.apply(t, new ApplyLog()).columnNames());
        assertEquals("dropped 2 columns constant in the training rows: one, same", fitted.summary());
    }
}
