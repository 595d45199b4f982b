package org.workbench.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.oracle.labs.mlrg.olcut.config.json.JsonProvenanceSerialization;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.workbench.config.Key;
import org.workbench.data.Frame;
import org.workbench.data.Predictions;
import org.workbench.data.Target;
import org.workbench.data.Task;
import org.workbench.training.TestTables;
import org.workbench.training.TrainedModel;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * The contract every algorithm of the catalog keeps, one parameterised test per model: it fits 30
 * rows, refits identically with the same seed, survives Tribuo's protobuf round trip with the same
 * predictions (as a bundle stores it), carries provenance that is JSON and reads back, and predicts
 * in the right shape (one answer per row, classes from the training labels, probabilities that sum
 * to 1). Parameters are lowered (few trees, epochs and restarts) so the suite stays quick.
 */
class ModelContractTest {
    private static final long SEED = 11L;
    private static final Frame IRIS = tiny(TestTables.iris(), 5);
    private static final Frame AUTO_MPG = tiny(TestTables.autoMpg(), 13);
    /** Rows the models were not fitted on, to predict. */
    private static final Frame IRIS_OTHER = tiny(TestTables.iris(), 7);
    private static final Frame AUTO_MPG_OTHER = tiny(TestTables.autoMpg(), 11);
    /** One fit per model, shared by the tests (the determinism test makes its own second fit). */
    private static final Map<String, TrainedModel> FITTED = new ConcurrentHashMap<>();

    /** Every algorithm, named "classification xgboost" and so on in the test report. */
    static List<Named<ModelSpec>> catalog() {
        return ModelCatalog.all().stream().map(s -> Named.of(s.task().label() + " " + s.name(), s)).toList();
    }

    /** Fewer trees, epochs, iterations and restarts than the defaults: the contract, not the accuracy, is tested. */
    static ObjectNode quickParams(ModelSpec spec) {
        Map<String, Integer> quick = Map.of("trees", 5, "epochs", 3, "iterations", 20, "restarts", 2,
                "max_iterations", 200, "min_cluster_size", 3, "k", 3);
        ObjectNode params = JsonNodeFactory.instance.objectNode();
        for (Key key : spec.params()) {
            Integer value = quick.get(key.name());
            if (value != null) {
                params.put(key.name(), value);
            }
        }
        return params;
    }

    @ParameterizedTest
    @MethodSource("catalog")
    void fitsTinyDataAndPredictsInTheRightShape(ModelSpec spec) {
        TrainedModel model = fitted(spec);
        Frame other = otherRows(spec);
        Predictions p = model.predict(other.features());
        assertEquals(other.rows(), p.size(), "one prediction per row");
        assertEquals(spec.task(), model.task());
        switch (spec.task()) {
            case CLASSIFICATION -> {
                List<String> classes = trainingRows(spec).target().classes();
                assertEquals(classes, model.classes(), "classes are the training labels, sorted");
                assertTrue(Set.copyOf(classes).containsAll(Arrays.asList(p.labels())), "predicted labels are training classes");
                assertEquals(spec.givesProbabilities(quickParams(spec)), p.hasProbabilities(), "declared probabilities");
                if (p.hasProbabilities()) {
                    assertEquals(classes, p.classes());
                    for (double[] row : p.probabilities()) {
                        assertEquals(classes.size(), row.length);
                        assertEquals(1.0, Arrays.stream(row).sum(), 1e-6, "probabilities sum to 1: " + Arrays.toString(row));
                        assertTrue(Arrays.stream(row).allMatch(v -> v >= 0 && v <= 1), Arrays.toString(row));
                    }
                }
            }
            case REGRESSION -> {
                assertNull(p.labels());
                assertTrue(Arrays.stream(p.values()).allMatch(Double::isFinite), Arrays.toString(p.values()));
                // even a tiny model lands within the range of the target, give or take its spread
                double[] y = trainingRows(spec).target().values();
                double low = Arrays.stream(y).min().orElseThrow();
                double high = Arrays.stream(y).max().orElseThrow();
                double spread = high - low;
                assertTrue(Arrays.stream(p.values()).allMatch(v -> v > low - spread && v < high + spread),
                        Arrays.toString(p.values()));
            }
            case CLUSTERING -> {
                assertNull(p.values());
                assertTrue(Arrays.stream(p.labels()).allMatch(l -> l != null && !l.isBlank()));
                Set<String> clusters = new HashSet<>(Arrays.asList(p.labels()));
                int most = spec.name().equals("kmeans") ? 3 : spec.name().equals("baseline") ? 1 : 30;
                assertTrue(clusters.size() <= most, "at most " + most + " clusters: " + clusters);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("catalog")
    void twoFitsWithTheSameSeedPredictIdentically(ModelSpec spec) {
        Frame train = trainingRows(spec);
        TrainedModel again = TrainedModel.train(spec, quickParams(spec), SEED, train.features(), train.target());
        Table rows = otherRows(spec).features();
        assertSamePredictions(fitted(spec).predict(rows), again.predict(rows));
    }

    @ParameterizedTest
    @MethodSource("catalog")
    void protobufRoundTripPredictsIdentically(ModelSpec spec) {
        TrainedModel model = fitted(spec);
        byte[] bytes = model.toBytes();
        TrainedModel reread = TrainedModel.fromBytes(bytes, spec.task());
        assertEquals(model.featureNames(), reread.featureNames());
        assertEquals(model.classes(), reread.classes());
        assertEquals(model.tribuoModel().getClass(), reread.tribuoModel().getClass());
        Table rows = otherRows(spec).features();
        assertSamePredictions(model.predict(rows), reread.predict(rows));
        assertSamePredictions(model.predict(trainingRows(spec).features()), reread.predict(trainingRows(spec).features()));
    }

    @ParameterizedTest
    @MethodSource("catalog")
    void provenanceIsJsonThatReadsBack(ModelSpec spec) throws Exception {
        TrainedModel model = fitted(spec);
        String json = model.provenanceJson();
        JsonNode tree = new ObjectMapper().readTree(json); // not the plain-text fallback
        assertTrue(tree.isArray() && tree.size() > 0, json.substring(0, Math.min(200, json.length())));
        String trainer = model.tribuoModel().getProvenance().getTrainerProvenance().getClassName();
        assertTrue(json.contains(trainer), "names the trainer " + trainer);
        var reread = new JsonProvenanceSerialization(true).deserializeAndUnmarshal(json);
        assertEquals(model.tribuoModel().getProvenance(), reread, "provenance reads back equal");
        // the provenance survives the protobuf round trip as well
        assertEquals(model.tribuoModel().getProvenance(),
                TrainedModel.fromBytes(model.toBytes(), spec.task()).tribuoModel().getProvenance());
    }

    @Test
    void theSuiteCoversTheWholeCatalog() {
        assertEquals(23, catalog().size());
        assertEquals(Set.of(Task.values()), ModelCatalog.all().stream().map(ModelSpec::task).collect(java.util.stream.Collectors.toSet()));
        assertEquals(30, IRIS.rows());
        assertEquals(30, AUTO_MPG.rows());
        assertEquals(List.of("Iris-setosa", "Iris-versicolor", "Iris-virginica"), IRIS.target().classes());
        assertFalse(Arrays.equals(IRIS.features().doubleColumn(0).asDoubleArray(), IRIS_OTHER.features().doubleColumn(0).asDoubleArray()));
    }

    private static TrainedModel fitted(ModelSpec spec) {
        return FITTED.computeIfAbsent(spec.task() + "/" + spec.name(), key -> {
            Frame train = trainingRows(spec);
            return TrainedModel.train(spec, quickParams(spec), SEED, train.features(), train.target());
        });
    }

    /** Classification and clustering on iris, regression on auto_mpg; clustering never sees the species. */
    private static Frame trainingRows(ModelSpec spec) {
        return switch (spec.task()) {
            case CLASSIFICATION -> IRIS;
            case REGRESSION -> AUTO_MPG;
            case CLUSTERING -> new Frame(IRIS.features(), Target.none(IRIS.rows()));
        };
    }

    private static Frame otherRows(ModelSpec spec) {
        return spec.task() == Task.REGRESSION ? AUTO_MPG_OTHER : IRIS_OTHER;
    }

    /**
     * Thirty evenly spaced rows starting at {@code offset} (iris: 10 of each species), each column
     * shifted and scaled to [0, 1] by the whole file's range, as scaled features reach a model
     * (naive Bayes needs non-negative values).
     */
    private static Frame tiny(Frame all, int offset) {
        int step = all.rows() / 30;
        int[] rows = IntStream.range(0, 30).map(i -> offset % step + i * step).toArray();
        Table scaled = Table.create("features");
        for (String name : all.features().columnNames()) {
            DoubleColumn c = all.features().doubleColumn(name);
            double min = c.min();
            double range = c.max() - min;
            scaled.addColumns(DoubleColumn.create(name, Arrays.stream(c.asDoubleArray()).map(v -> (v - min) / range).toArray()));
        }
        return new Frame(scaled, all.target()).subset(rows);
    }

    private static void assertSamePredictions(Predictions expected, Predictions actual) {
        assertArrayEquals(expected.labels(), actual.labels(), "labels");
        assertArrayEquals(expected.values(), actual.values(), "values");
        assertEquals(expected.classes(), actual.classes());
        assertEquals(expected.hasProbabilities(), actual.hasProbabilities());
        if (expected.hasProbabilities()) {
            assertNotNull(actual.probabilities());
            for (int i = 0; i < expected.size(); i++) {
                assertArrayEquals(expected.probabilities()[i], actual.probabilities()[i], "probabilities of row " + i);
            }
        }
    }
}
