package org.workbench.spark;

import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

class SmokeTest {
    @Test
    void fitsLogisticRegression() {
        SparkSession s = SparkSession.builder().master("local[2]").config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2").getOrCreate();
        Dataset<Row> d = s.read().option("header", "true").option("inferSchema", "true").csv("../datasets/iris/data.csv");
        d.printSchema();
        Dataset<Row> v = new VectorAssembler().setInputCols(new String[] {"sepal_length", "sepal_width", "petal_length", "petal_width"})
                .setOutputCol("features").transform(d);
        Dataset<Row> l = new org.apache.spark.ml.feature.StringIndexer().setInputCol("species").setOutputCol("label").fit(v).transform(v);
        LogisticRegressionModel m = new LogisticRegression().fit(l);
        System.out.println(m.summary().accuracy());
        assertTrue(m.summary().accuracy() > 0.9);
    }
}
