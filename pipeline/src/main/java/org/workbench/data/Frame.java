package org.workbench.data;

import tech.tablesaw.api.Table;

/**
 * Feature rows and their target, row-aligned. Feature columns are numeric ({@code DoubleColumn})
 * or categorical ({@code StringColumn}); missing numbers are NaN, missing categories are "".
 */
public record Frame(Table features, Target target) {

    public int rows() {
        return features.rowCount();
    }

    /**
     * The given rows, which must be strictly increasing: Tablesaw's {@code Table.rows} sorts and
     * de-duplicates its indices, so anything else would misalign features and target.
     */
    public Frame subset(int[] rows) {
        for (int i = 1; i < rows.length; i++) {
            if (rows[i] <= rows[i - 1]) {
                throw new IllegalArgumentException("row indices must be strictly increasing; got " + rows[i - 1]
                        + " then " + rows[i] + " at position " + i);
            }
        }
        return new Frame(features.rows(rows), target == null ? null : target.subset(rows));
    }

    public Frame withFeatures(Table newFeatures) {
        return new Frame(newFeatures, target);
    }
}
