package org.workbench.data;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.Column;

/** Turns a target column into class labels the same way everywhere ("1", not "1.0"). */
public final class Labels {
    private Labels() {
    }

    public static String of(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    /** Labels of every row; missing cells become null. */
    public static String[] of(Column<?> column) {
        String[] out = new String[column.size()];
        if (column instanceof DoubleColumn d) {
            for (int i = 0; i < out.length; i++) {
                double v = d.getDouble(i);
                out[i] = Double.isNaN(v) ? null : of(v);
            }
        } else if (column instanceof StringColumn s) {
            for (int i = 0; i < out.length; i++) {
                String v = s.get(i);
                out[i] = v == null || v.isEmpty() ? null : v;
            }
        } else {
            throw new IllegalArgumentException("unexpected column type " + column.type() + " for " + column.name());
        }
        return out;
    }
}
