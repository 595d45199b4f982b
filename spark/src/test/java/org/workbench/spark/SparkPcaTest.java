package org.workbench.spark;

import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.workbench.core.InputException;
import org.workbench.features.Pca;
import org.workbench.recipe.ApplyLog;
import org.workbench.run.EngineConfig;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Spark's projection against the local engine's {@link Pca} on the same rows, far from centred (in the session the Spark tests share). */
class SparkPcaTest {
    @Test
    void keepsTheLocalEnginesComponentsAndProjectsCentredRows() {
        SparkSession spark = Sessions.start(new EngineConfig("spark", "local[2]", SparkEngineTest.TEST_CONF), "test");
        Random random = new Random(3);
        int n = 40;
        double[][] x = new double[3][n];
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double a = random.nextGaussian();
            // means of 100, 50 and -20, so a projection that does not centre is off by a constant
            x[0][i] = 100 + 3 * a + 0.3 * random.nextGaussian();
            x[1][i] = 50 - 2 * a + 0.5 * random.nextGaussian();
            x[2][i] = -20 + random.nextGaussian();
            rows.add(RowFactory.create(Vectors.dense(x[0][i], x[1][i], x[2][i])));
        }
        Dataset<Row> data = spark.createDataFrame(rows, new StructType().add("v", new VectorUDT()));
        Table table = Table.create("t", DoubleColumn.create("a", x[0]), DoubleColumn.create("b", x[1]), DoubleColumn.create("c", x[2]));
        for (double components : new double[] {0.9, 2}) {
            Pca.Fitted local = new Pca(components, false, List.of()).fit(table);
            PipelineModel model = new SparkPca(components, "v", "pcs").fit(data);
            SparkPca.Fitted spark3 = SparkPca.Fitted.of(model);
            assertEquals(local.components().size(), spark3.kept(), "components kept for " + components);
            double[] shares = spark3.every().explainedVariance().toArray();
            for (int j = 0; j < 3; j++) {
                assertEquals(local.varianceRatios().get(j), shares[j], 1e-9);
            }
            // the same projection up to each component's sign: the local engine's of the same rows
            Table projected = local.apply(table, new ApplyLog());
            List<Row> out = model.transform(data).select("pcs").collectAsList();
            for (int j = 0; j < spark3.kept(); j++) {
                double sign = Math.signum(((Vector) out.get(0).get(0)).apply(j)) * Math.signum(projected.doubleColumn("pc" + (j + 1)).get(0));
                for (int i = 0; i < n; i++) {
                    assertEquals(projected.doubleColumn("pc" + (j + 1)).get(i), sign * ((Vector) out.get(i).get(0)).apply(j), 1e-9);
                }
            }
        }
        InputException e = assertThrows(InputException.class, () -> new SparkPca(4, "v", "pcs").fit(data));
        assertTrue(e.getMessage().startsWith("features.pca.components: 4 components asked for, but there are only 3"), e.getMessage());
    }
}
