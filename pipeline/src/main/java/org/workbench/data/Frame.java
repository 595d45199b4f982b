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

    public Frame subset(int[] rows) {
        return new Frame(features.rows(rows), target.subset(rows));
    }

    public Frame withFeatures(Table newFeatures) {
        return new Frame(newFeatures, target);
    }
}
