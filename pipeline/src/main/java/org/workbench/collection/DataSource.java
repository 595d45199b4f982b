package org.workbench.collection;

import java.util.List;

/** Where the data came from and what the raw input columns were (the bundle's input schema). */
public record DataSource(String file, String sha256, int rows, int rowsWithoutTarget, List<InputColumn> columns) {

    /** A raw input column and its type: "numeric" or "categorical". */
    public record InputColumn(String name, String type) {
    }
}
