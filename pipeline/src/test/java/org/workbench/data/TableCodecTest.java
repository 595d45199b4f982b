package org.workbench.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The stage cache's table form gives back every cell of both column types, missing values included, bit for bit. */
class TableCodecTest {
    interface Write {
        void to(DataOutputStream out) throws IOException;
    }

    private static DataInputStream roundTrip(Write write) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            write.to(out);
        }
        return new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
    }

    @Test
    void numbersAndTextWithMissingValuesReadBackExactly() throws IOException {
        double oddNaN = Double.longBitsToDouble(0x7ff8000000000abcL);
        Table table = Table.create("rows",
                DoubleColumn.create("x", new double[] {1.5, Double.NaN, -0.0, Double.POSITIVE_INFINITY, 1e-310, oddNaN}),
                StringColumn.create("city", new String[] {"Zürich", "", "a,b \"q\"", "", "Zürich", "日本"}),
                DoubleColumn.create("all missing", new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN}),
                StringColumn.create("empty text", new String[] {"", "", "", "", "", ""}));
        Table back = TableCodec.readTable(roundTrip(out -> TableCodec.writeTable(out, table)));

        assertEquals("rows", back.name());
        assertEquals(table.columnNames(), back.columnNames());
        assertEquals(6, back.rowCount());
        assertTrue(back.column("x") instanceof DoubleColumn && back.column("city") instanceof StringColumn);
        double[] x = back.doubleColumn("x").asDoubleArray();
        double[] original = table.doubleColumn("x").asDoubleArray();
        for (int i = 0; i < x.length; i++) {
            assertEquals(Double.doubleToRawLongBits(original[i]), Double.doubleToRawLongBits(x[i]), "row " + i);
        }
        assertEquals(table.stringColumn("city").asList(), back.stringColumn("city").asList());
        assertEquals(6, back.stringColumn("empty text").countMissing());
        assertEquals(6, back.doubleColumn("all missing").countMissing());
    }

    @Test
    void anEmptyTableAndATableWithoutRowsReadBack() throws IOException {
        Table none = Table.create("none");
        assertEquals(0, TableCodec.readTable(roundTrip(out -> TableCodec.writeTable(out, none))).columnCount());
        Table noRows = Table.create("t", DoubleColumn.create("a"), StringColumn.create("b"));
        Table back = TableCodec.readTable(roundTrip(out -> TableCodec.writeTable(out, noRows)));
        assertEquals(java.util.List.of("a", "b"), back.columnNames());
        assertEquals(0, back.rowCount());
    }

    @Test
    void framesKeepLabelsValuesAndTheMissingTarget() throws IOException {
        Table features = Table.create("f", DoubleColumn.create("a", new double[] {1, 2, 3}));
        for (Target target : new Target[] {Target.labels("y", new String[] {"no", "yes", "no"}),
                Target.values("y", new double[] {0.5, Double.NaN, -2}), Target.none(3)}) {
            Frame back = TableCodec.readFrame(roundTrip(out -> TableCodec.writeFrame(out, new Frame(features, target))));
            assertEquals(target.name(), back.target().name());
            assertArrayEquals(target.labels(), back.target().labels());
            assertArrayEquals(target.values(), back.target().values());
            assertArrayEquals(features.doubleColumn("a").asDoubleArray(), back.features().doubleColumn("a").asDoubleArray());
        }
        int[] rows = {4, 0, Integer.MAX_VALUE, -1};
        assertArrayEquals(rows, TableCodec.readInts(roundTrip(out -> TableCodec.writeInts(out, rows))));
    }

    @Test
    void anotherColumnTypeIsRefusedAndATruncatedStreamFails() throws IOException {
        Table ints = Table.create("i", IntColumn.create("n", new int[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> roundTrip(out -> TableCodec.writeTable(out, ints)));

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            TableCodec.writeTable(out, Table.create("t", DoubleColumn.create("a", new double[] {1, 2, 3})));
        }
        byte[] cut = java.util.Arrays.copyOf(bytes.toByteArray(), bytes.size() - 4);
        assertThrows(IOException.class, () -> TableCodec.readTable(new DataInputStream(new ByteArrayInputStream(cut))));
    }
}
