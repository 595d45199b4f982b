package org.workbench.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Rows on the executors and how many there are, counted once by the stage that made them. */
record SparkRows(Dataset<Row> rows, long count) {
}
