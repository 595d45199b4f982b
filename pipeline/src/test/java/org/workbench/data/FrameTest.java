package org.workbench.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Row subsets keep the table name, the column names, types and order, and missing cells. */
class FrameTest {
    private static final double NAN = Double.NaN;

    private static Frame frame() {
        IntColumn count = IntColumn.create("count", 1, 2, 3, 4, 5, 6);
        count.setMissing(3);
        Table t = Table.create("people",
                StringColumn.create("colour", "red", "", "blue", "red", "", "green"),
                DoubleColumn.create("age", 30, NAN, -0.0, 41.5, 0.0, NAN),
                count);
        return new Frame(t, Target.labels("y", new String[] {"a", "b", "a", "b", "a", "b"}));
    }

    @Test
    void keepsNamesTypesOrderAndMissingCells() {
        Frame sub = frame().subset(new int[] {1, 2, 3, 5});
        Table t = sub.features();
        assertEquals("people", t.name());
        assertEquals(List.of("colour", "age", "count"), t.columnNames());
        assertTrue(t.column(0) instanceof StringColumn);
        assertTrue(t.column(1) instanceof DoubleColumn);
        assertTrue(t.column(2) instanceof IntColumn);
        assertEquals(List.of("", "blue", "red", "green"), t.stringColumn("colour").asList());
        assertEquals(1, t.column("colour").countMissing());
        double[] age = t.doubleColumn("age").asDoubleArray();
        assertTrue(Double.isNaN(age[0]) && Double.isNaN(age[3]));
        assertEquals(Double.doubleToLongBits(-0.0), Double.doubleToLongBits(age[1]));
        assertEquals(41.5, age[2]);
        assertEquals(2, t.intColumn("count").get(0));
        assertTrue(t.intColumn("count").isMissing(2));
        assertArrayEquals(new String[] {"b", "a", "b", "b"}, sub.target().labels());
    }

    @Test
    void matchesTablesawsOwnRowCopy() {
        Frame all = frame();
        int[] rows = {0, 2, 4, 5};
        Table ours = all.subset(rows).features();
        Table theirs = all.features().rows(rows);
        assertEquals(theirs.name(), ours.name());
        assertEquals(theirs.rowCount(), ours.rowCount());
        for (int c = 0; c < theirs.columnCount(); c++) {
            Column<?> a = theirs.column(c);
            Column<?> b = ours.column(c);
            assertEquals(a.getClass(), b.getClass());
            assertEquals(a.name(), b.name());
            assertEquals(a.countMissing(), b.countMissing());
            for (int r = 0; r < a.size(); r++) {
                assertEquals(a.get(r), b.get(r), a.name() + " row " + r);
                assertEquals(a.getString(r), b.getString(r), a.name() + " row " + r);
            }
        }
        // the copy is independent of the original
        ours.stringColumn("colour").set(0, "changed");
        assertEquals("red", all.features().stringColumn("colour").get(0));
    }

    @Test
    void manyDistinctTextValues() {
        // more values than Tablesaw's smallest dictionary holds
        String[] values = new String[1000];
        double[] numbers = new double[1000];
        for (int i = 0; i < values.length; i++) {
            values[i] = i % 7 == 0 ? "" : "v" + i;
            numbers[i] = i % 5 == 0 ? NAN : i;
        }
        Frame all = new Frame(Table.create("t", StringColumn.create("s", values), DoubleColumn.create("x", numbers)),
                Target.values("y", numbers));
        int[] rows = java.util.stream.IntStream.range(0, 1000).filter(i -> i % 3 != 1).toArray();
        Frame sub = all.subset(rows);
        Table expected = all.features().rows(rows);
        assertEquals(expected.stringColumn("s").asList(), sub.features().stringColumn("s").asList());
        assertArrayEquals(expected.doubleColumn("x").asDoubleArray(), sub.features().doubleColumn("x").asDoubleArray());
        assertArrayEquals(expected.doubleColumn("x").asDoubleArray(), sub.target().values());
    }

    @Test
    void badIndicesAreRefused() {
        Frame all = frame();
        assertThrows(IllegalArgumentException.class, () -> all.subset(new int[] {2, 1}));
        assertThrows(IllegalArgumentException.class, () -> all.subset(new int[] {0, 7}));
    }

    @Test
    void mergingTheTwoPartsOfASplitGivesBackEveryRowInOrder() {
        Frame all = frame();
        Split split = new Split(new int[] {0, 2, 3, 5}, new int[] {1, 4});
        Frame merged = Frame.merge(split, all.subset(split.train()), all.subset(split.test()));
        Table t = merged.features();
        assertEquals("people", t.name());
        assertEquals(List.of("colour", "age", "count"), t.columnNames());
        assertEquals(List.of("red", "", "blue", "red", "", "green"), t.stringColumn("colour").asList());
        double[] age = t.doubleColumn("age").asDoubleArray();
        assertTrue(Double.isNaN(age[1]) && Double.isNaN(age[5]));
        assertEquals(Double.doubleToLongBits(-0.0), Double.doubleToLongBits(age[2]));
        assertEquals(41.5, age[3]);
        assertTrue(t.column(2) instanceof IntColumn);
        assertEquals(6, t.intColumn("count").get(5));
        assertTrue(t.intColumn("count").isMissing(3));
        assertArrayEquals(new String[] {"a", "b", "a", "b", "a", "b"}, merged.target().labels());
        Target values = Target.merge(split, Target.values("v", new double[] {1, 3, 4, 6}), Target.values("v", new double[] {2, 5}));
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, values.values());
        assertThrows(IllegalArgumentException.class, () -> Frame.merge(split, all.subset(split.test()), all.subset(split.train())));
    }
}
