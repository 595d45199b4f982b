package org.workbench.collection;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.workbench.data.Frame;
import org.workbench.data.Target;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Exact row equality without boxing every cell: a 64-bit hash per row, computed column by column,
 * finds the candidates, and their cells are then compared one by one. Cells compare as
 * {@code Objects.equals} on the boxed values would, so a missing number (NaN) equals another missing
 * number, -0.0 differs from 0.0, and a row is judged on its position-by-position cells.
 * <p>
 * Each key position holds one array per side: {@code double[]} when both sides are numbers (compared
 * by {@link Double#doubleToLongBits}, which is what {@link Double#equals} does), else {@code Object[]}
 * (text columns, labels, or boxed cells of any other column type).
 */
final class RowKeys {
    private static final long MIX = 0x9E3779B97F4A7C15L;

    private final Object[] left;
    private final Object[] right;
    private final long[] leftHashes;
    private final long[] rightHashes;
    /** Open-addressing set of left rows (row + 1; 0 is empty), one representative per distinct row. */
    private final int[] slots;

    private RowKeys(List<Object> left, List<Object> right, int leftRows, int rightRows) {
        this.left = left.toArray();
        this.right = right.toArray();
        this.leftHashes = hashes(this.left, leftRows);
        this.rightHashes = right == left ? leftHashes : hashes(this.right, rightRows);
        this.slots = new int[Math.max(2, Integer.highestOneBit(Math.max(1, leftRows)) << 2)];
    }

    /** Rows equal in every column to an earlier row. */
    static int duplicates(Table table) {
        List<Object> cells = new ArrayList<>();
        for (Column<?> column : table.columns()) {
            cells.add(column instanceof DoubleColumn numbers ? numbers.asDoubleArray() : boxed(column));
        }
        RowKeys keys = new RowKeys(cells, cells, table.rowCount(), table.rowCount());
        int duplicates = 0;
        for (int r = 0; r < table.rowCount(); r++) {
            duplicates += keys.find(keys.leftHashes[r], keys.left, r, true) ? 1 : 0;
        }
        return duplicates;
    }

    /** Rows of {@code test} equal in every feature and in the target to some row of {@code train}. */
    static int shared(Frame train, Frame test) {
        Table a = train.features();
        Table b = test.features();
        if (a.columnCount() != b.columnCount()) {
            return 0;
        }
        List<Object> left = new ArrayList<>();
        List<Object> right = new ArrayList<>();
        for (int c = 0; c < a.columnCount(); c++) {
            Column<?> x = a.column(c);
            Column<?> y = b.column(c);
            boolean numbers = x instanceof DoubleColumn && y instanceof DoubleColumn;
            left.add(numbers ? ((DoubleColumn) x).asDoubleArray() : boxed(x));
            right.add(numbers ? ((DoubleColumn) y).asDoubleArray() : boxed(y));
        }
        Target s = train.target();
        Target t = test.target();
        boolean numbers = !s.isCategorical() && !t.isCategorical();
        left.add(numbers ? s.values() : boxed(s));
        right.add(numbers ? t.values() : boxed(t));
        RowKeys keys = new RowKeys(left, right, train.rows(), test.rows());
        for (int r = 0; r < train.rows(); r++) {
            keys.find(keys.leftHashes[r], keys.left, r, true);
        }
        int shared = 0;
        for (int r = 0; r < test.rows(); r++) {
            shared += keys.find(keys.rightHashes[r], keys.right, r, false) ? 1 : 0;
        }
        return shared;
    }

    /**
     * Whether a left row equal to row {@code r} of {@code side} is in the set; when it is not and
     * {@code add} is set, row r (a left row) joins it.
     */
    private boolean find(long hash, Object[] side, int r, boolean add) {
        int mask = slots.length - 1;
        for (int i = (int) spread(hash) & mask; ; i = (i + 1) & mask) {
            int held = slots[i] - 1;
            if (held < 0) {
                if (add) {
                    slots[i] = r + 1;
                }
                return false;
            }
            if (leftHashes[held] == hash && equal(held, side, r)) {
                return true;
            }
        }
    }

    private boolean equal(int l, Object[] side, int r) {
        for (int c = 0; c < left.length; c++) {
            if (left[c] instanceof double[] x) {
                if (Double.doubleToLongBits(x[l]) != Double.doubleToLongBits(((double[]) side[c])[r])) {
                    return false;
                }
            } else if (!Objects.equals(((Object[]) left[c])[l], ((Object[]) side[c])[r])) {
                return false;
            }
        }
        return true;
    }

    private static long[] hashes(Object[] cells, int rows) {
        long[] h = new long[rows];
        for (Object column : cells) {
            if (column instanceof double[] x) {
                for (int r = 0; r < rows; r++) {
                    h[r] = h[r] * MIX + Double.doubleToLongBits(x[r]);
                }
            } else {
                Object[] o = (Object[]) column;
                for (int r = 0; r < rows; r++) {
                    h[r] = h[r] * MIX + Objects.hashCode(o[r]);
                }
            }
        }
        return h;
    }

    /** The cells as {@code Column.get} boxes them (a DoubleColumn's NaN becomes null). */
    private static Object[] boxed(Column<?> column) {
        if (column instanceof StringColumn text) {
            String[] out = new String[text.size()];
            for (int r = 0; r < out.length; r++) {
                out[r] = text.get(r);
            }
            return out;
        }
        Object[] out = new Object[column.size()];
        for (int r = 0; r < out.length; r++) {
            out[r] = column.get(r);
        }
        return out;
    }

    private static Object[] boxed(Target target) {
        if (target.isCategorical()) {
            return target.labels();
        }
        Object[] out = new Object[target.size()];
        for (int r = 0; r < out.length; r++) {
            out[r] = target.values()[r];
        }
        return out;
    }

    /** Murmur3's final mix, so that similar row hashes land in different slots. */
    private static long spread(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb53a87ec8ccdL;
        return h ^ (h >>> 33);
    }
}
