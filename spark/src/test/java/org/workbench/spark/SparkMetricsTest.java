package org.workbench.spark;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;
import org.workbench.data.Predictions;
import org.workbench.evaluation.ClassificationMetrics;
import org.workbench.evaluation.ClusteringMetrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The metrics from aggregated counts equal the local engine's from the rows (no Spark session needed). */
class SparkMetricsTest {
    @Test
    void confusionCountsGiveTheLocalClassificationMetrics() {
        Random random = new Random(7);
        for (int k : new int[] {2, 3, 5}) {
            List<String> classes = new ArrayList<>();
            for (int c = 0; c < k; c++) {
                classes.add("c" + c);
            }
            int n = 300;
            String[] truth = new String[n];
            String[] predicted = new String[n];
            long[][] cm = new long[k][k];
            for (int i = 0; i < n; i++) {
                int t = random.nextInt(k);
                int p = random.nextDouble() < 0.6 ? t : random.nextInt(k);
                truth[i] = classes.get(t);
                predicted[i] = classes.get(p);
                cm[t][p]++;
            }
            int positive = k == 2 ? 1 : -1;
            Map<String, Double> local = ClassificationMetrics.compute(truth, Predictions.classification(predicted, null, classes),
                    classes, k == 2 ? "c1" : null).headline();
            Map<String, Double> spark = SparkMetrics.report(cm, classes, positive, null, null, null).headline();
            assertEquals(local.keySet(), spark.keySet());
            local.forEach((name, v) -> assertEquals(v, spark.get(name), 1e-12, name + " with " + k + " classes"));
        }
    }

    @Test
    void aContingencyTableGivesTheLocalAriAndNmi() {
        Random random = new Random(11);
        int n = 200;
        String[] a = new String[n];
        String[] b = new String[n];
        Map<List<String>, Long> cells = new HashMap<>();
        for (int i = 0; i < n; i++) {
            a[i] = "s" + random.nextInt(3);
            b[i] = random.nextDouble() < 0.7 ? a[i].replace("s", "") : String.valueOf(random.nextInt(4));
            cells.merge(List.of(a[i], b[i]), 1L, Long::sum);
        }
        List<Row> table = new ArrayList<>();
        cells.forEach((key, count) -> table.add(RowFactory.create(key.get(0), key.get(1), count)));
        double[] agreement = SparkMetrics.agreement(table);
        assertEquals(ClusteringMetrics.adjustedRandIndex(a, b), agreement[0], 1e-12);
        assertEquals(ClusteringMetrics.normalizedMutualInformation(a, b), agreement[1], 1e-12);
    }
}
