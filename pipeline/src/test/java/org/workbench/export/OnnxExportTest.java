package org.workbench.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.workbench.config.PipelineConfig;
import org.workbench.core.InputException;
import org.workbench.data.Predictions;
import org.workbench.deployment.Bundle;
import org.workbench.deployment.DeploymentStage;
import org.workbench.deployment.Manifest;
import org.workbench.models.ModelCatalog;
import org.workbench.models.ModelSpec;
import org.workbench.models.TrainConfig;
import org.workbench.training.TestTables;
import org.workbench.training.TrainedModel;
import org.workbench.data.Frame;
import org.workbench.data.Task;
import org.tribuo.ONNXExportable;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.workbench.recipe.ApplyLog;
import org.workbench.run.ConfigLoader;
import org.workbench.run.Runner;
import org.workbench.table.CsvSource;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The exported graph, scored by ONNX Runtime on the raw rows of the training file, gives the bundle's
 * labels and its probabilities (or values) to 1e-5 (relative to the value for regression: ONNX
 * computes in float, Tribuo in double).
 */
class OnnxExportTest {
    private static final double TOLERANCE = 1e-5;

    @TempDir
    static Path dir;

    /** Fewer folds and epochs keep the runs short; the export does not depend on how the model was chosen. */
    private static Bundle run(String config, String... overrides) {
        List<String> sets = new ArrayList<>(List.of("evaluate.cv_folds=0", "tune.enabled=false"));
        sets.addAll(List.of(overrides));
        PipelineConfig loaded = ConfigLoader.load(Path.of("../configs/" + config + ".yaml"), sets);
        Path runDir = Runner.run(loaded, dir.resolve(config + "-" + Math.abs(sets.hashCode())), null, r -> { }).dir();
        return Bundle.read(runDir.resolve(DeploymentStage.BUNDLE_FILE));
    }

    /** Every shipped config whose model has an ONNX form. */
    static Stream<String> shippedConfigsWithExportableModels() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("../configs"))) {
            List<String> names = new ArrayList<>();
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                PipelineConfig c = ConfigLoader.load(f, List.of());
                if (OnnxExport.EXPORTABLE_MODELS.contains(c.section(TrainConfig.class).model())) {
                    names.add(f.getFileName().toString().replace(".yaml", ""));
                }
            }
            return names.stream();
        }
    }

    /**
     * Each one exports and matches. The threshold config keeps its cross-validation, which chooses the
     * threshold.
     */
    @ParameterizedTest
    @MethodSource("shippedConfigsWithExportableModels")
    void shippedConfigsExportAndMatchTheBundle(String config) throws Exception {
        // the threshold is chosen on cross-validation's out-of-fold predictions, and compare mode needs folds too
        Bundle bundle = config.equals("titanic_threshold") || config.equals("wine_compare")
                ? run(config, "evaluate.cv_folds=3", "evaluate.cv_repeats=1", "evaluate.importance_repeats=0") : run(config);
        Path data = Path.of(bundle.manifest().dataFile());
        if (config.equals("titanic_threshold")) {
            assertNotNull(bundle.manifest().threshold(), "the config chooses a threshold");
        }
        assertMatches(bundle, data);
    }

    @Test
    void theShippedConfigsWithExportableModelsAreKnown() throws IOException {
        assertEquals(List.of("auto_mpg", "breast_cancer_wisconsin", "iris", "penguins", "titanic", "titanic_features",
                "titanic_threshold", "wine", "wine_compare", "wine_pca"), shippedConfigsWithExportableModels().toList());
    }

    /** Rows the training file never had: unseen and missing categories, missing numbers, rare levels pooled as "other". */
    @Test
    void unseenAndMissingValuesMatchTheBundle() throws Exception {
        Path rows = dir.resolve("new-penguins.csv");
        Files.writeString(rows, "species,island,bill_length_mm,bill_depth_mm,flipper_length_mm,body_mass_g,sex,year\n"
                + "?,Biscoe,50.0,15.0,220,5500,male,2008\n"
                + "?,Dream,NA,NA,NA,NA,NA,2009\n"
                + "?,Atlantis,39.0,18.0,190,3700,female,2008\n"
                + "?,,41.0,,,3900,unknown,\n");
        assertMatches(run("penguins"), rows);
        assertMatches(run("penguins", "features.max_levels=2", "preprocess.impute.categorical=constant",
                "preprocess.impute.indicator=true"), rows);
        assertMatches(run("penguins", "features.encode=ordinal", "preprocess.impute.categorical=none"), rows);
    }

    /** Shipped datasets with the steps and models the shipped configs leave out. */
    static Stream<Arguments> otherStepsAndModels() {
        return Stream.of(
                Arguments.of("titanic", new String[] {"preprocess.impute.indicator=true", "preprocess.outliers.method=iqr",
                        "preprocess.outliers.action=clip", "features.max_levels=2", "features.polynomial.degree=2",
                        "features.polynomial.columns=[Age,Fare]", "select.method=f_test", "select.k=8"}),
                Arguments.of("titanic", new String[] {"preprocess.outliers.method=zscore", "preprocess.outliers.action=flag",
                        "preprocess.impute.categorical=constant", "features.encode=ordinal",
                        "features.encode_columns={Embarked: frequency}", "train.model=linear_svm"}),
                Arguments.of("titanic", new String[] {"train.model=svm", "train.params={probability: false}", "preprocess.drop_constant=true",
                        "preprocess.drop_duplicates=true", "select.method=variance"}),
                Arguments.of("titanic", new String[] {"features.transform={Fare: power, Parch: sqrt, SibSp: log1p}",
                        "features.bins={Age: 4}", "preprocess.scale=minmax"}),
                Arguments.of("titanic", new String[] {"preprocess.scale=none", "features.derive={FarePer: \"Fare / (SibSp + 1)\","
                        + " Mixed: \"log10(Fare + 1) + sqrt(abs(Age)) - pow(Parch, 2) + 2^SibSp + -Age % 7 + floor(Fare) * 3.14159\","
                        + " Waves: \"sin(Age) * cos(Fare) + signum(Parch - 1) + exp(-Age / 50) + log1p(FarePer) + ceil(Age / 10)\"}",
                        "features.encode_columns={Embarked: target}"}),
                // missing ages reach the projection, which takes them as the training mean
                Arguments.of("titanic", new String[] {"features.pca={components: 3, whiten: true, columns: [Age, Fare, SibSp, Parch]}",
                        "preprocess.impute.numeric=none"}),
                Arguments.of("wine", new String[] {"features.lda={}"}),
                Arguments.of("iris", new String[] {"features.derive={Area: \"petal_length * petal_width\"}",
                        "preprocess.drop=[sepal_width]"}),
                Arguments.of("auto_mpg", new String[] {"features.transform={horsepower: power, weight: log1p}",
                        "features.bins={model_year: 3}", "features.bin_method=equal_width", "preprocess.scale=none"}),
                Arguments.of("penguins", new String[] {"train.model=svm", "train.params={kernel: linear, probability: false}"}),
                Arguments.of("auto_mpg", new String[] {"train.model=least_squares", "train.params={}"}),
                Arguments.of("auto_mpg", new String[] {"train.model=lasso", "train.params={}", "preprocess.scale=minmax"}),
                // every weight 0: Tribuo 4.3.2's own prediction is off by one there (TrainedModel corrects it)
                Arguments.of("auto_mpg", new String[] {"train.model=lasso", "train.params={alpha: 1000000}"}));
    }

    @ParameterizedTest
    @MethodSource("otherStepsAndModels")
    void otherStepsAndModelsMatchTheBundle(String config, String[] overrides) throws Exception {
        Bundle bundle = run(config, overrides);
        assertMatches(bundle, Path.of(bundle.manifest().dataFile()));
    }

    @Test
    void aModelWithoutAnOnnxFormIsRefusedByName() {
        Bundle bundle = run("iris", "train.model=decision_tree", "train.params={}");
        InputException e = assertThrows(InputException.class, () -> OnnxExport.export(bundle));
        assertEquals("model 'decision_tree' (TreeModel) has no ONNX form in Tribuo 4.3.2; exportable models: "
                + String.join(", ", OnnxExport.EXPORTABLE_MODELS), e.getMessage());
    }

    @Test
    void theThresholdIsInTheGraphAndItsMetadata() throws Exception {
        Bundle bundle = run("titanic", "evaluate.threshold=0.3");
        OnnxExport.Export export = OnnxExport.export(bundle);
        Map<String, String> metadata = new LinkedHashMap<>();
        export.model().getMetadataPropsList().forEach(p -> metadata.put(p.getKey(), p.getValue()));
        assertEquals("0.3", metadata.get("workbench.threshold"));
        assertEquals("1", metadata.get("workbench.positive_class"));
        assertTrue(export.notes().stream().anyMatch(n -> n.contains("'1' when P(Survived=1) >= 0.3000")), export.notes().toString());
        // a threshold this low relabels rows the most probable class would not: the graph follows the bundle
        Outcome o = assertMatches(bundle, Path.of(bundle.manifest().dataFile()));
        Predictions argmax = bundle.model().predict(bundle.recipe().apply(o.table(), new ApplyLog()));
        int relabelled = 0;
        for (int i = 0; i < argmax.size(); i++) {
            relabelled += argmax.labels()[i].equals(o.expected().labels()[i]) ? 0 : 1;
        }
        assertTrue(relabelled > 0, "the threshold changes some labels");
    }

    @Test
    void theExportableModelListIsWhatTribuoExports() {
        // every supervised algorithm of the catalog, fitted on 40 rows with few epochs and trees
        Frame iris = TestTables.iris().subset(IntStream.range(0, 150).filter(i -> i % 4 == 0).toArray());
        Frame autoMpg = TestTables.autoMpg().subset(IntStream.range(0, 40).toArray());
        Set<String> exportable = new TreeSet<>();
        Set<String> supervised = new TreeSet<>();
        for (ModelSpec spec : ModelCatalog.all()) {
            if (spec.task() == Task.CLUSTERING) {
                continue;
            }
            supervised.add(spec.name());
            Frame rows = spec.task() == Task.CLASSIFICATION ? iris : autoMpg;
            ObjectNode params = JsonNodeFactory.instance.objectNode();
            spec.params().stream().filter(k -> k.name().equals("trees") || k.name().equals("epochs")).forEach(k -> params.put(k.name(), 2));
            TrainedModel model = TrainedModel.train(spec, params, 1, unitRange(rows.features()), rows.target());
            if (OnnxExport.hasOnnxForm(model.tribuoModel())) {
                exportable.add(spec.name());
            }
        }
        assertTrue(supervised.containsAll(OnnxExport.EXPORTABLE_MODELS), "catalog names");
        assertEquals(new TreeSet<>(OnnxExport.EXPORTABLE_MODELS), exportable);
        // a forest is an ONNX-exportable ensemble of trees that are not: Tribuo could not write its graph
        TrainedModel forest = TrainedModel.train(ModelCatalog.spec("random_forest", Task.CLASSIFICATION),
                JsonNodeFactory.instance.objectNode().put("trees", 2), 1, unitRange(iris.features()), iris.target());
        assertTrue(forest.tribuoModel() instanceof ONNXExportable);
    }

    /** Each column scaled to [0, 1], as naive Bayes needs. */
    private static Table unitRange(Table features) {
        Table out = Table.create("features");
        for (String name : features.columnNames()) {
            DoubleColumn c = features.doubleColumn(name);
            double min = c.min();
            double range = c.max() - min;
            out.addColumns(c.map(v -> (v - min) / range).setName(name));
        }
        return out;
    }

    @Test
    void aStepWithoutAnOnnxFormIsRefusedByName() {
        Bundle bundle = run("titanic", "features.derive={Root: \"cbrt(Fare)\"}");
        InputException e = assertThrows(InputException.class, () -> OnnxExport.export(bundle));
        assertTrue(e.getMessage().startsWith("step 3 'derive': function 'cbrt' in Root = cbrt(Fare) has no ONNX form; exportable:"),
                e.getMessage());
    }

    @Test
    void anSvmWithProbabilitiesIsRefused() {
        Bundle bundle = run("iris", "train.model=svm", "train.params={probability: true}");
        InputException e = assertThrows(InputException.class, () -> OnnxExport.export(bundle));
        assertTrue(e.getMessage().startsWith("model 'svm' with probability: true has no exact ONNX form"), e.getMessage());
    }

    record Outcome(Table table, Predictions expected) {
    }

    /** Scores the raw rows of {@code data} with the bundle and with ONNX Runtime and compares them. */
    private static Outcome assertMatches(Bundle bundle, Path data) throws OrtException {
        Manifest m = bundle.manifest();
        Map<String, String> types = new LinkedHashMap<>();
        m.inputColumns().stream().filter(c -> m.requiredColumns().contains(c.name())).forEach(c -> types.put(c.name(), c.type()));
        Table table = CsvSource.loadForModel(m.dataConfig(data, types), new LinkedHashSet<>(types.keySet())).table();
        Predictions expected = bundle.predict(table, new ApplyLog());

        OnnxExport.Export export = OnnxExport.export(bundle);
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        Map<String, OnnxTensor> inputs = new LinkedHashMap<>();
        try (OrtSession session = env.createSession(export.model().toByteArray(), new OrtSession.SessionOptions())) {
            for (String name : m.requiredColumns()) {
                Column<?> column = table.column(name);
                if (column instanceof DoubleColumn d) {
                    float[][] values = new float[d.size()][1];
                    for (int i = 0; i < values.length; i++) {
                        values[i][0] = (float) d.getDouble(i);
                    }
                    inputs.put(name, OnnxTensor.createTensor(env, values));
                } else {
                    StringColumn s = (StringColumn) column;
                    String[][] values = new String[s.size()][1];
                    for (int i = 0; i < values.length; i++) {
                        values[i][0] = s.get(i);
                    }
                    inputs.put(name, OnnxTensor.createTensor(env, values));
                }
            }
            try (OrtSession.Result result = session.run(inputs)) {
                compare(m, expected, result, table.rowCount());
            }
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
        return new Outcome(table, expected);
    }

    private static void compare(Manifest m, Predictions expected, OrtSession.Result result, int rows) throws OrtException {
        if (m.task().equals("regression")) {
            float[][] values = (float[][]) result.get(OnnxExport.PREDICTION).orElseThrow().getValue();
            assertEquals(rows, values.length);
            for (int i = 0; i < rows; i++) {
                double want = expected.values()[i];
                assertEquals(want, values[i][0], TOLERANCE * Math.max(1, Math.abs(want)), "row " + (i + 1));
            }
            return;
        }
        String[][] labels = (String[][]) result.get(OnnxExport.LABEL).orElseThrow().getValue();
        assertEquals(rows, labels.length);
        var probabilities = result.get(OnnxExport.PROBABILITIES);
        assertEquals(expected.hasProbabilities(), probabilities.isPresent(), "probabilities exported when the bundle has them");
        float[][] p = probabilities.isPresent() ? (float[][]) probabilities.get().getValue() : null;
        int differ = 0;
        for (int i = 0; i < rows; i++) {
            if (p != null) {
                for (int c = 0; c < expected.classes().size(); c++) {
                    assertEquals(expected.probabilities()[i][c], p[i][c], TOLERANCE, "row " + (i + 1) + " P(" + expected.classes().get(c) + ")");
                }
            }
            if (!expected.labels()[i].equals(labels[i][0])) {
                differ++;
            }
        }
        assertEquals(0, differ, "labels that differ from the bundle's");
    }
}
