package org.workbench.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.workbench.config.ConfigException;
import org.workbench.data.Frame;
import org.workbench.data.Predictions;
import org.workbench.data.Target;
import org.workbench.data.Task;
import org.workbench.evaluation.ClusteringMetrics;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;
import org.workbench.training.TrainedModel;
import org.workbench.training.TestTables;

class ClusteringModelsTest {
    private static final Frame IRIS = TestTables.iris();
    private static final Table IRIS_SCALED = TestTables.standardised(IRIS.features());

    private static ObjectNode params() {
        return JsonNodeFactory.instance.objectNode();
    }

    private static TrainedModel fit(String model, ObjectNode params, Table features) {
        return TrainedModel.train(ModelCatalog.spec(model, Task.CLUSTERING), params, 42L, features,
                Target.none(features.rowCount()));
    }

    @Test
    void catalogListsTheClusteringAlgorithms() {
        assertEquals(List.of("baseline", "kmeans", "hdbscan"),
                ModelCatalog.forTask(Task.CLUSTERING).stream().map(ModelSpec::name).toList());
        assertEquals("kmeans", ModelCatalog.defaultModel(Task.CLUSTERING));
        assertEquals("{\"k\":3,\"init\":\"kmeans++\",\"iterations\":100,\"restarts\":10,\"distance\":\"l2\",\"threads\":0}",
                ModelCatalog.spec("kmeans", Task.CLUSTERING).resolvedParams(params()).toString());
        assertEquals("{\"min_cluster_size\":5,\"k\":5,\"distance\":\"l2\",\"threads\":0}",
                ModelCatalog.spec("hdbscan", Task.CLUSTERING).resolvedParams(params()).toString());
        ConfigException other = assertThrows(ConfigException.class, () -> ModelCatalog.spec("kmeans", Task.CLASSIFICATION));
        assertTrue(other.getMessage().startsWith("train.model: 'kmeans' is not a classification model (it is for clustering);"),
                other.getMessage());
        ConfigException k = assertThrows(ConfigException.class,
                () -> ModelCatalog.spec("kmeans", Task.CLUSTERING).trainer(params().put("k", 0), 1L));
        assertEquals("train.params.k: expected an integer >= 1, got 0", k.getMessage());
        ConfigException init = assertThrows(ConfigException.class,
                () -> ModelCatalog.spec("kmeans", Task.CLUSTERING).trainer(params().put("init", "kmeans+"), 1L));
        assertTrue(init.getMessage().startsWith("train.params.init: 'kmeans+' is not one of [kmeans++, random]"),
                init.getMessage());
    }

    @Test
    void kmeansFindsTheThreeIrisSpecies() {
        // the four measurements share a unit (cm), so they are clustered unscaled
        Table cm = IRIS.features();
        TrainedModel model = fit("kmeans", params(), cm);
        Predictions p = model.predict(cm);
        assertEquals(150, p.size());
        assertEquals(List.of(), p.classes());
        assertEquals(3, Arrays.stream(p.labels()).distinct().count());
        double ari = ClusteringMetrics.adjustedRandIndex(IRIS.target().labels(), p.labels());
        assertTrue(ari >= 0.7, "ARI " + ari);
        // refits with the same seed give the same clusters; the saved model predicts the same
        assertArrayEquals(p.labels(), fit("kmeans", params(), cm).predict(cm).labels());
        TrainedModel back = TrainedModel.fromBytes(model.toBytes(), Task.CLUSTERING);
        assertArrayEquals(p.labels(), back.predict(cm).labels());
    }

    @Test
    void restartsKeepTheTightestOfSeveralRuns() {
        // one run from seed 42 on the standardised measurements settles on a poor grouping; ten starts do not
        ObjectNode once = params().put("restarts", 1);
        double wcssOnce = wcss(fit("kmeans", once, IRIS_SCALED).predict(IRIS_SCALED));
        double wcssTen = wcss(fit("kmeans", params(), IRIS_SCALED).predict(IRIS_SCALED));
        assertTrue(wcssTen < wcssOnce - 10, wcssTen + " vs " + wcssOnce);
        assertEquals(139.8, wcssTen, 0.3);
    }

    @Test
    void severalThreadsStillGiveTheSameClustersOnEveryRefit() {
        // four groups along the diagonal; with two threads, rounding differs from run to run
        Random random = new Random(1);
        int n = 12_000;
        Table table = Table.create("t");
        for (int d = 0; d < 6; d++) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = (i % 4) * 3 + random.nextGaussian();
            }
            table.addColumns(DoubleColumn.create("f" + d, v));
        }
        ObjectNode twoThreads = params().put("k", 4).put("threads", 2);
        String[] first = fit("kmeans", twoThreads, table).predict(table).labels();
        assertArrayEquals(first, fit("kmeans", twoThreads, table).predict(table).labels());
        assertEquals(4, Arrays.stream(first).distinct().count());
    }

    private static double wcss(Predictions p) {
        return ClusteringMetrics.compute(IRIS_SCALED, IRIS_SCALED.columnNames(), null, p.labels(), 1L).wcss();
    }

    @Test
    void theBaselinePutsEveryRowInOneCluster() {
        Predictions p = fit("baseline", params(), IRIS_SCALED).predict(IRIS_SCALED);
        assertEquals(List.of("0"), Arrays.stream(p.labels()).distinct().toList());
        assertEquals(0.0, ClusteringMetrics.adjustedRandIndex(IRIS.target().labels(), p.labels()), 1e-12);
    }

    @Test
    void hdbscanFindsDenseBlobsAndCallsFarRowsNoise() {
        // three tight blobs of 40 rows around (0,0), (10,0) and (0,10), plus three lone rows far away
        Random random = new Random(3);
        int n = 123;
        double[] x = new double[n];
        double[] y = new double[n];
        String[] blob = new String[n];
        double[][] centres = {{0, 0}, {10, 0}, {0, 10}};
        for (int i = 0; i < 120; i++) {
            x[i] = centres[i / 40][0] + random.nextGaussian() * 0.5;
            y[i] = centres[i / 40][1] + random.nextGaussian() * 0.5;
            blob[i] = "blob" + i / 40;
        }
        double[][] far = {{30, 30}, {-30, 25}, {25, -30}};
        for (int i = 0; i < 3; i++) {
            x[120 + i] = far[i][0];
            y[120 + i] = far[i][1];
            blob[120 + i] = "far" + i;
        }
        Table features = Table.create("blobs", DoubleColumn.create("x", x), DoubleColumn.create("y", y));
        TrainedModel model = fit("hdbscan", params(), features);
        Predictions p = model.predict(features);
        String[] clusters = p.labels();
        assertEquals(List.of(TrainedModel.NOISE, TrainedModel.NOISE, TrainedModel.NOISE),
                Arrays.asList(clusters).subList(120, 123));
        String[] inBlobs = Arrays.copyOf(clusters, 120);
        assertEquals(3, Arrays.stream(inBlobs).filter(c -> !c.equals(TrainedModel.NOISE)).distinct().count());
        assertEquals(1.0, ClusteringMetrics.adjustedRandIndex(Arrays.copyOf(blob, 120), inBlobs), 0.05);
        TrainedModel back = TrainedModel.fromBytes(model.toBytes(), Task.CLUSTERING);
        assertArrayEquals(clusters, back.predict(features).labels());
    }
}
