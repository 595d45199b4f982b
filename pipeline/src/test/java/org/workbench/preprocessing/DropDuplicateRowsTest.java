package org.workbench.preprocessing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.workbench.data.Frame;
import org.workbench.data.Target;
import org.workbench.recipe.ApplyLog;
import org.workbench.recipe.Step;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Duplicate training rows are dropped; test and prediction rows never are. */
class DropDuplicateRowsTest {
    @Test
    void duplicateTrainingRowsGoButTestRowsStay() {
        Table t = Table.create("t", DoubleColumn.create("x", 1, 2, 1, 1), StringColumn.create("c", "a", "b", "a", "a"));
        Frame train = new Frame(t, Target.labels("y", new String[] {"p", "p", "p", "q"}));
        Step.Fit fit = new DropDuplicateRows().fitTransform(train);
        // row 2 repeats row 0 exactly; row 3 has the same features but another label, so it stays
        assertArrayEquals(new String[] {"p", "p", "q"}, fit.train().target().labels());
        assertEquals(new DropDuplicateRows.Fitted(4, 1), fit.step());
        assertEquals(4, fit.step().apply(t, new ApplyLog()).rowCount());
    }
}
