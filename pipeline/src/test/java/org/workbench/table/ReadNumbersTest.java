package org.workbench.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.selection.Selection;

class ReadNumbersTest {
    @Test
    void aReadColumnHoldsOnlyItsFirstValuesAndCopiesAsAPlainDoubleColumn() {
        double[] room = {1.5, Double.NaN, 3.0, 0.0, 0.0}; // two slots of spare room, as the read leaves them
        DoubleColumn read = new ReadNumbers("x", room, 3);
        assertEquals(3, read.size());
        assertEquals(1, read.countMissing());
        assertArrayEquals(new double[] {1.5, Double.NaN, 3.0}, read.asDoubleArray());
        assertEquals(4.5, read.sum());
        DoubleColumn copy = read.copy();
        assertEquals(DoubleColumn.class, copy.getClass());
        copy.set(0, 9.0);
        assertEquals(1.5, read.getDouble(0), "a copy does not share the read array");
        Table subset = Table.create("t", read).where(Selection.with(0, 2));
        assertArrayEquals(new double[] {1.5, 3.0}, subset.doubleColumn("x").asDoubleArray());
        read.append(4.0); // appending uses the spare room, as any DoubleColumn would grow
        assertEquals(4, read.size());
        assertEquals(4.0, read.getDouble(3));
    }
}
