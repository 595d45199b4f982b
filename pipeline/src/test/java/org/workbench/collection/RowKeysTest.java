package org.workbench.collection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.workbench.data.Frame;
import org.workbench.data.Target;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Duplicate and shared rows: the cell semantics (NaN equals NaN, -0.0 differs from 0.0), rows that
 * differ in one cell only, and agreement with the plain definition (boxed cells in hashed lists).
 */
class RowKeysTest {
    private static final double NAN = Double.NaN;

    @Test
    void missingNumbersAndTextAreEqualCells() {
        Table t = Table.create("t", DoubleColumn.create("x", NAN, NAN, 1), StringColumn.create("c", "", "", ""));
        assertEquals(1, DataProfile.of(t, null).duplicateRows());
    }

    @Test
    void negativeZeroIsNotZero() {
        Table t = Table.create("t", DoubleColumn.create("x", 0.0, -0.0, -0.0, 0.0));
        assertEquals(2, DataProfile.of(t, null).duplicateRows());
        Frame all = new Frame(Table.create("f", DoubleColumn.create("x", 1, 1, 1)),
                Target.values("y", new double[] {0.0, -0.0, 0.0}));
        assertEquals(0, DataWarnings.sharedRows(all.subset(new int[] {0}), all.subset(new int[] {1})));
        assertEquals(1, DataWarnings.sharedRows(all.subset(new int[] {0}), all.subset(new int[] {2})));
    }

    @Test
    void rowsEqualButForOneCellAreDistinct() {
        // each later row differs from the first in exactly one column: first, middle or last
        Table t = Table.create("t",
                DoubleColumn.create("x", 1, 9, 1, 1, 1),
                StringColumn.create("c", "a", "a", "b", "a", "a"),
                IntColumn.create("i", 5, 5, 5, 6, 5),
                DoubleColumn.create("z", 0.5, 0.5, 0.5, 0.5, NAN));
        assertEquals(0, DataProfile.of(t, null).duplicateRows());
        assertEquals(1, DataProfile.of(t.copy().append(t.rows(0)), null).duplicateRows());
    }

    @Test
    void rowsWhoseHashesCollideAreToldApart() {
        // a row hash is x * MIX + z over the two columns' bits, so (x, z) and (x + 1 ulp, z - MIX)
        // hash alike; they must still count as different rows
        long mix = 0x9E3779B97F4A7C15L;
        double x2 = Double.longBitsToDouble(Double.doubleToLongBits(2.0) + 1);
        double z2 = Double.longBitsToDouble(Double.doubleToLongBits(1.0) - mix);
        Table t = Table.create("t", DoubleColumn.create("x", 2.0, x2, 2.0), DoubleColumn.create("z", 1.0, z2, 1.0));
        assertEquals(1, DataProfile.of(t, null).duplicateRows());
        assertEquals(1, oracleDuplicates(t));
    }

    @Test
    void sharedRowsCompareFeaturesAndTarget() {
        Table features = Table.create("f",
                DoubleColumn.create("x", 1, 1, NAN, NAN, 2),
                StringColumn.create("c", "a", "a", "", "", "b"));
        Frame all = new Frame(features, Target.labels("y", new String[] {"p", "q", "p", "p", "p"}));
        // test row 1 differs from train row 0 in its label only; test row 3 repeats train row 2 (NaN and "")
        assertEquals(1, DataWarnings.sharedRows(all.subset(new int[] {0, 2}), all.subset(new int[] {1, 3, 4})));
        Frame unlabelled = new Frame(features, Target.none(5));
        assertEquals(2, DataWarnings.sharedRows(unlabelled.subset(new int[] {0, 2}), unlabelled.subset(new int[] {1, 3, 4})));
    }

    @Test
    void agreesWithBoxedRowsOnRandomTables() {
        Random random = new Random(11);
        double[] numbers = {NAN, 0.0, -0.0, 1.5};
        String[] texts = {"", "a", "b"};
        for (int round = 0; round < 200; round++) {
            int rows = 1 + random.nextInt(40);
            double[] x = new double[rows];
            String[] c = new String[rows];
            int[] i = new int[rows];
            String[] labels = new String[rows];
            double[] values = new double[rows];
            for (int r = 0; r < rows; r++) {
                x[r] = numbers[random.nextInt(numbers.length)];
                c[r] = texts[random.nextInt(texts.length)];
                i[r] = random.nextInt(2);
                labels[r] = texts[random.nextInt(texts.length)];
                values[r] = numbers[random.nextInt(numbers.length)];
            }
            IntColumn ints = IntColumn.create("i", i);
            if (random.nextBoolean()) {
                ints.setMissing(0);
            }
            Table t = Table.create("t", DoubleColumn.create("x", x), StringColumn.create("c", c), ints);
            assertEquals(oracleDuplicates(t), DataProfile.of(t, null).duplicateRows());

            int cut = random.nextInt(rows + 1);
            int[] first = java.util.stream.IntStream.range(0, cut).toArray();
            int[] rest = java.util.stream.IntStream.range(cut, rows).toArray();
            Target target = random.nextBoolean() ? Target.labels("y", labels) : Target.values("y", values);
            Frame train = new Frame(part(t, first), target.subset(first));
            Frame test = new Frame(part(t, rest), target.subset(rest));
            assertEquals(oracleShared(train, test), DataWarnings.sharedRows(train, test));
        }
    }

    @Test
    void aColumnOfAnotherTypeComparesItsBoxedCells() {
        // a missing number boxes to null in a DoubleColumn and in an IntColumn alike
        Frame train = new Frame(Table.create("a", DoubleColumn.create("x", NAN, 1)), Target.none(2));
        IntColumn ints = IntColumn.create("x", 0, 1);
        ints.setMissing(0);
        Frame test = new Frame(Table.create("b", ints), Target.none(2));
        assertEquals(oracleShared(train, test), DataWarnings.sharedRows(train, test));
        assertEquals(1, DataWarnings.sharedRows(train, test));
    }

    /** Table.rows refuses an empty index list. */
    private static Table part(Table t, int[] rows) {
        return rows.length == 0 ? t.emptyCopy() : t.rows(rows);
    }

    /** The plain definition: rows as lists of boxed cells in a hash set. */
    private static int oracleDuplicates(Table t) {
        Set<List<Object>> seen = new HashSet<>();
        int duplicates = 0;
        for (int r = 0; r < t.rowCount(); r++) {
            duplicates += seen.add(boxedRow(t, r, null)) ? 0 : 1;
        }
        return duplicates;
    }

    private static int oracleShared(Frame train, Frame test) {
        Set<List<Object>> seen = new HashSet<>();
        for (int r = 0; r < train.rows(); r++) {
            seen.add(boxedRow(train.features(), r, train.target()));
        }
        int shared = 0;
        for (int r = 0; r < test.rows(); r++) {
            shared += seen.contains(boxedRow(test.features(), r, test.target())) ? 1 : 0;
        }
        return shared;
    }

    private static List<Object> boxedRow(Table t, int r, Target target) {
        Object[] cells = new Object[t.columnCount() + (target == null ? 0 : 1)];
        for (int c = 0; c < t.columnCount(); c++) {
            Column<?> column = t.column(c);
            cells[c] = column.get(r);
        }
        if (target != null) {
            cells[cells.length - 1] = target.isCategorical() ? target.labels()[r] : target.values()[r];
        }
        return Arrays.asList(cells);
    }
}
