package org.workbench.table;

import it.unimi.dsi.fastutil.doubles.DoubleArrayList;
import tech.tablesaw.api.DoubleColumn;

/**
 * A number column over the array its values were read into, without copying it. Why a subclass:
 * Tablesaw's public {@code DoubleColumn.create(name, double[])} copies the array (fastutil's
 * {@code DoubleArrayList(double[])}), and the read's arrays have room to spare, so they were copied
 * twice; only the protected constructor takes a list as it is. On 1,000,000 rows x 21 number columns
 * the two copies allocated 336 MB at the end of every read and cost two full collections. Everything
 * else is Tablesaw's {@code DoubleColumn}: its copies and subsets are plain {@code DoubleColumn}s.
 */
final class ReadNumbers extends DoubleColumn {
    /** The first {@code size} values of {@code values}; the array is the column's from now on. */
    ReadNumbers(String name, double[] values, int size) {
        super(name, DoubleArrayList.wrap(values, size));
    }
}
