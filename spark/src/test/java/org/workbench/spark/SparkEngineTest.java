package org.workbench.spark;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workbench.config.PipelineConfig;
import org.workbench.core.InputException;
import org.workbench.core.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.workbench.features.Pca;
import org.workbench.recipe.RecipeRecord;
import org.workbench.report.RunMetrics;
import org.workbench.report.RunRecord;
import org.workbench.training.AllSteps;
import org.workbench.run.ConfigLoader;
import org.workbench.run.EngineConfig;
import org.workbench.run.Engines;
import org.workbench.run.Runner;
import org.workbench.tuning.Trial;
import org.workbench.tuning.TuningRecord;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Shipped configs on the Spark engine in local[2] (one session for the class, no UI), against the local
 * engine's numbers for the same config (measured with {@code workbench run configs/X.yaml}). The splits
 * differ (Spark splits by a seeded hash of each row, the local engine by a seeded shuffle), and so do the
 * solvers (L-BFGS against AdaGrad SGD), so the test rows and fits differ a little: the tolerances are
 * |delta| <= 0.05 for accuracy and F1, RMSE within 15%, ARI within 0.15.
 */
class SparkEngineTest {
    @TempDir
    static Path out;

    /** Small data: two shuffle partitions, no whole-stage code generation (compiling costs more than it saves here). */
    static final Map<String, String> TEST_CONF = Map.of("spark.sql.shuffle.partitions", "2",
            "spark.default.parallelism", "2", "spark.sql.codegen.wholeStage", "false", "spark.sql.codegen.factoryMode", "NO_CODEGEN",
            "spark.sql.adaptive.enabled", "false");

    static PipelineConfig config(String name, String... sets) {
        List<String> overrides = new ArrayList<>(List.of("engine=spark"));
        overrides.addAll(List.of(sets));
        PipelineConfig c = ConfigLoader.load(Path.of("../configs/" + name + ".yaml"), overrides);
        Map<Class<?>, Object> sections = new LinkedHashMap<>(c.sections());
        sections.put(EngineConfig.class, new EngineConfig("spark", "local[2]", TEST_CONF));
        return new PipelineConfig(c.file(), c.name(), c.seed(), sections, c.tree(), c.resolved(), c.parser());
    }

    static Runner.Outcome run(String name, String... sets) {
        return Runner.run(config(name, sets), out, null, r -> { });
    }

    static Map<String, Double> test(Runner.Outcome o) {
        return RunRecord.read(o.dir()).metrics().evaluation().test();
    }

    @BeforeAll
    static void quiet() {
        Sessions.quiet();
    }

    /** One titanic run (Spark jobs are the suite's slowest part) checks the outputs, the bins and the F-test. */
    @Test
    void titanicWithBinsAndTheFTestMatchesTheLocalEngineAndWritesEveryOutput() throws IOException {
        Runner.Outcome o = run("titanic", "evaluate.cv_folds=0", "features.bins={Age: 5}", "select.method=f_test", "select.k=5");
        RunRecord run = RunRecord.read(o.dir());
        assertEquals(891, run.data().rows());
        assertEquals("spark", run.engine().name());
        assertEquals("local[2]", run.engine().master());
        assertTrue(run.engine().jobs().stream().anyMatch(j -> j.stage().equals("evaluation") && j.jobs() > 0), run.engine().toString());
        assertEquals(List.of("definition", "collection", "preprocessing", "features", "selection", "training", "evaluation",
                "tuning", "deployment"), run.stages().stream().map(s -> s.stage()).toList());
        assertTrue(Files.readString(o.dir().resolve("report.html")).contains("f1_macro"));
        JsonNode manifest = Json.MAPPER.readTree(o.dir().resolve("model.spark/manifest.json").toFile());
        assertEquals(List.of("0", "1"), List.of(manifest.get("classes").get(0).asText(), manifest.get("classes").get(1).asText()));
        assertTrue(Files.isDirectory(o.dir().resolve("model.spark/pipeline/stages")));
        List<String> predicted = rows(o.dir().resolve("predictions"));
        assertEquals(891, predicted.size());
        // predict replays the saved PipelineModel on the raw file: the same predictions for the same rows
        Path scoredDir = out.resolve("scored");
        assertEquals("predictions: " + scoredDir + "/part-*.csv", new SparkEngine().predict(o.dir().resolve("model.spark"),
                Path.of("../datasets/titanic/data.csv"), scoredDir));
        List<String> scored = rows(scoredDir);
        assertEquals(891, scored.size());
        // predictions/ holds split,truth,prediction,prob_0,prob_1; predict's output ends with prediction,prob_0,prob_1
        assertEquals(predicted.stream().map(l -> l.substring(l.indexOf(',', l.indexOf(',') + 1) + 1)).sorted().toList(),
                scored.stream().map(l -> String.join(",", List.of(l.split(",")).subList(l.split(",").length - 3, l.split(",").length)))
                        .sorted().toList());
        // the local engine's data warnings, worded by its rules from Spark's counts (local: the same three)
        List<String> warnings = new ArrayList<>();
        Json.MAPPER.readTree(o.dir().resolve("run.json").toFile()).get("stages").get(1).get("data").get("warnings")
                .forEach(w -> warnings.add(w.get("kind").asText() + " " + w.get("column").asText()));
        assertEquals(List.of("identifier PassengerId", "identifier Name", "mostly_missing Cabin"), warnings);
        assertTrue(run.stages().get(1).summary().endsWith("; 3 data warnings"), run.stages().get(1).summary());
        // metrics.json holds what run.json's metrics do, and no engine field (the engine's facts are in run.json)
        assertFalse(Files.readString(o.dir().resolve("metrics.json")).contains("\"engine\""));

        // bins: quantile edges fitted in the Spark ML pipeline
        JsonNode record = Json.MAPPER.readTree(o.dir().resolve("run.json").toFile());
        String json = record.toString();
        // 5 bins would have 4 inner edges; the imputed median (28) fills a fifth of the training ages, so two equal edges
        // merge, as on the local engine
        JsonNode edges = record.findValue("edges").get("Age");
        assertEquals(3, edges.size(), edges.toString());
        assertEquals(28.0, edges.get(1).asDouble(), 1e-9);
        assertTrue(edges.get(0).asDouble() < 28.0 && edges.get(2).asDouble() > 28.0, edges.toString());
        // the bin number, not the scaled age, is one of the model's inputs
        assertTrue(json.contains("\"inputs\":[\"__num_scaled\",\"__bin_0\","), "the assembler's inputs");
        // the F-test (ANOVA F against the classes) keeps k = 5 features, one-hot levels scored one by one as locally; local
        // engine with the same settings: f1_macro 0.7554, keeping Sex=female, Sex=male, Pclass=3, Pclass=1, Fare
        RecipeRecord selection = RunRecord.read(o.dir()).stages().stream().filter(s -> s.stage().equals("selection"))
                .map(s -> s.data(RecipeRecord.class)).flatMap(Optional::stream).findFirst().orElseThrow();
        // 12 -> 5 features, as locally: the assembled vector's width (3 numeric, Age's bin, 8 one-hot levels), then k
        assertEquals(12, selection.featuresIn());
        assertEquals(5, selection.featuresOut());
        JsonNode kept = selection.steps().steps().get(0).get("selected");
        assertEquals(5, kept.size(), kept.toString());
        assertTrue(kept.toString().contains("\"Sex=female\"") && kept.toString().contains("\"Sex=male\""), kept.toString());
        assertTrue(selection.steps().steps().get(0).get("scores").get("Age").asDouble() >= 0, "the binned Age is scored by name");
        assertEquals(0.7554, test(o).get("f1_macro"), 0.05);
        // the model's own importance by source column (its absolute coefficients), drawn in report.html as a local run's
        org.workbench.evaluation.EvaluationRecord evaluation = run.stages().stream().filter(s -> s.stage().equals("evaluation"))
                .map(s -> s.data(org.workbench.evaluation.EvaluationRecord.class)).flatMap(Optional::stream).findFirst().orElseThrow();
        List<String> sources = evaluation.importance().model().stream().map(org.workbench.evaluation.Importance.Entry::feature).toList();
        // the five features kept by the F-test, summed by the column they come from (Sex's two levels are one entry)
        assertTrue(sources.contains("Sex") && sources.size() >= 2 && sources.size() <= 4, sources.toString());
        assertTrue(evaluation.importance().permutation().isEmpty());
        assertTrue(Files.readString(o.dir().resolve("report.html")).contains("feature-importance-model"), "the importance chart");
    }

    @Test
    void titanicThresholdIsChosenOnOutOfFoldScoresAndTheSavedModelPredictsWithIt() throws IOException {
        // local engine: threshold 0.4943 chosen by f1 on out-of-fold training predictions, test f1 0.7153 at it
        Runner.Outcome o = run("titanic_threshold", "evaluate.cv_folds=2", "evaluate.compare=[decision_tree]");
        RunMetrics.Final chosen = RunRecord.read(o.dir()).metrics().finalModel();
        assertEquals("f1", chosen.threshold().rule());
        assertEquals("out-of-fold training predictions", chosen.threshold().chosenOn());
        assertEquals(0.5, chosen.threshold().value(), 0.15);
        assertEquals(0.7153, chosen.test().get("f1"), 0.05);
        // predictions/ are at the threshold, and predict replays the saved model with it
        Path scoredDir = out.resolve("threshold_scored");
        new SparkEngine().predict(o.dir().resolve("model.spark"), Path.of("../datasets/titanic/data.csv"), scoredDir);
        List<String> predicted = rows(o.dir().resolve("predictions"));
        assertEquals(predicted.stream().map(l -> l.split(",")[2]).sorted().toList(),
                rows(scoredDir).stream().map(l -> l.split(",")[l.split(",").length - 3]).sorted().toList());
        // the threshold's positives are the rows whose probability reaches it
        for (String l : predicted) {
            String[] f = l.split(",");
            assertEquals(Double.parseDouble(f[4]) >= chosen.threshold().value() ? "1" : "0", f[2], l);
        }
        // evaluate.compare: the configured model and the decision tree on the same folds, ranked by the corrected t-test
        org.workbench.evaluation.EvaluationRecord evaluation = RunRecord.read(o.dir()).stages().stream()
                .filter(s -> s.stage().equals("evaluation")).map(s -> s.data(org.workbench.evaluation.EvaluationRecord.class))
                .flatMap(Optional::stream).findFirst().orElseThrow();
        assertEquals(java.util.Set.of("logistic_regression", "decision_tree"), evaluation.leaderboard().stream()
                .map(org.workbench.evaluation.EvaluationRecord.Compared::model).collect(java.util.stream.Collectors.toSet()));
        assertTrue(evaluation.leaderboard().stream().anyMatch(c -> c.pValue() != null), evaluation.leaderboard().toString());
        // a model without probabilities, or more than two classes, is refused before anything is fitted
        InputException e = assertThrows(InputException.class, () -> Runner.run(config("iris", "evaluate.threshold=f1"),
                out.resolve("refused_threshold"), null, r -> { }));
        assertTrue(e.getMessage().startsWith("evaluate.threshold: 'f1' needs a two-class problem"), e.getMessage());
        // Spark's multinomial naive Bayes on standard-scaled (negative) features: the local engine's input error, not a failed job
        e = assertThrows(InputException.class, () -> Runner.run(config("titanic", "train.model=naive_bayes", "train.params={}",
                "evaluate.cv_folds=0"), out.resolve("refused_bayes"), null, r -> { }));
        assertTrue(e.getMessage().startsWith("train.model: naive_bayes needs features >= 0"), e.getMessage());
    }

    @Test
    void sharedRowsAreTestRowsThatCopyATrainingRowMissingValuesIncluded() {
        var spark = Sessions.start(new EngineConfig("spark", "local[2]", TEST_CONF), "shared rows");
        var schema = new org.apache.spark.sql.types.StructType().add("x", "double").add("c", "string");
        var train = spark.createDataFrame(List.of(org.apache.spark.sql.RowFactory.create(1.0, "a"),
                org.apache.spark.sql.RowFactory.create(1.0, "a"), org.apache.spark.sql.RowFactory.create(null, "b")), schema);
        var test = spark.createDataFrame(List.of(org.apache.spark.sql.RowFactory.create(1.0, "a"),
                org.apache.spark.sql.RowFactory.create(1.0, "a"), org.apache.spark.sql.RowFactory.create(null, "b"),
                org.apache.spark.sql.RowFactory.create(null, "a"), org.apache.spark.sql.RowFactory.create(2.0, "a")), schema);
        // two copies of (1, a) and one of (missing, b); (missing, a) and (2, a) are new
        assertEquals(3, CollectionOnSpark.sharedRows(train, test, List.of(org.apache.spark.sql.functions.col("x"),
                org.apache.spark.sql.functions.col("c"))));
    }

    /** The data lines of a folder of part-*.csv files. */
    static List<String> rows(Path dir) throws IOException {
        try (Stream<Path> parts = Files.list(dir)) {
            return parts.filter(p -> p.getFileName().toString().startsWith("part-") && p.toString().endsWith(".csv"))
                    .flatMap(p -> {
                        try {
                            return Files.readAllLines(p).stream().skip(1);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }).toList();
        }
    }

    @Test
    void winePcaMatchesTheLocalEngineOnTheTestRowsInCrossValidationAndWhenItsModelPredicts() throws IOException {
        // drop_duplicates and drop_constant on (wine has neither): their record, and folds that drop within their training rows
        Runner.Outcome o = run("wine_pca", "evaluate.cv_folds=2", "evaluate.cv_repeats=2", "preprocess.drop_duplicates=true",
                "preprocess.drop_constant=true");
        RunRecord run = RunRecord.read(o.dir());
        RecipeRecord preprocessing = run.stages().stream().filter(s -> s.stage().equals("preprocessing"))
                .map(s -> s.data(RecipeRecord.class)).flatMap(Optional::stream).findFirst().orElseThrow();
        ObjectNode dropped = preprocessing.steps().steps().stream().filter(s -> RecipeRecord.FittedSteps.type(s).equals("drop_duplicates"))
                .findFirst().orElseThrow();
        assertEquals(0, dropped.get("dropped").asInt());
        assertEquals(preprocessing.fittedOnRows(), dropped.get("training_rows").asInt());
        assertEquals(null, preprocessing.trainingRowsOut(), "no row dropped");
        // local engine: test accuracy 0.9722, 5-fold CV 0.9791 (two folds here: each refits the whole Spark pipeline, pca too)
        assertEquals(0.9722, run.metrics().evaluation().test().get("accuracy"), 0.05);
        // two repeats of two folds, each repeat splitting the training rows again
        List<Map<String, Double>> folds = run.metrics().evaluation().cvFolds();
        assertEquals(4, folds.size());
        assertFalse(folds.subList(0, 2).equals(folds.subList(2, 4)), "the second repeat has other folds: " + folds);
        assertTrue(run.stages().stream().filter(s -> s.stage().equals("evaluation")).findFirst().orElseThrow().summary()
                .contains("; 2x2-fold CV "), "the summary names the repeats");
        assertEquals(0.9791, run.metrics().evaluation().cv().get("accuracy")[0], 0.05);
        // local engine: 13 columns -> 10 components keeping 0.9659 of the variance (asked: 0.95)
        RecipeRecord features = run.stages().stream().filter(s -> s.stage().equals("features"))
                .map(s -> s.data(RecipeRecord.class)).flatMap(Optional::stream).findFirst().orElseThrow();
        ObjectNode step = features.steps().steps().stream().filter(s -> RecipeRecord.FittedSteps.type(s).equals("pca"))
                .findFirst().orElseThrow();
        Pca.Fitted pca = (Pca.Fitted) AllSteps.JSON.fromJson("{\"steps\": [" + step + "]}").steps().get(0);
        assertEquals(13, pca.columns().size());
        assertEquals("alcohol", pca.columns().get(0));
        assertEquals(10, pca.components().size(), 1);
        assertTrue(pca.keptVariance() > 0.95, "kept " + pca.keptVariance());
        assertEquals(pca.components().size(), features.featuresOut());
        // report.html draws the pca step's chart from the recorded step, as for a local run
        String report = Files.readString(o.dir().resolve("report.html"));
        assertTrue(report.contains("<figure id=\"explained-variance\">") && report.contains("Explained variance"), "the pca chart");
        assertFalse(report.contains("<figure id=\"explained-variance\"><p class=\"chart-missing\""), "the pca chart is drawn");
        // local engine's shares: 0.3622, 0.1923 (other training rows here)
        assertEquals(0.3622, pca.varianceRatios().get(0), 0.03);
        assertEquals(0.1923, pca.varianceRatios().get(1), 0.03);
        // predict replays the saved model, centring and projection included: the same predictions for the same rows
        Path scoredDir = out.resolve("wine_scored");
        new SparkEngine().predict(o.dir().resolve("model.spark"), Path.of("../datasets/wine/data.csv"), scoredDir);
        List<String> predicted = rows(o.dir().resolve("predictions"));
        List<String> scored = rows(scoredDir);
        assertEquals(178, scored.size());
        assertEquals(predicted.stream().map(l -> l.substring(l.indexOf(',', l.indexOf(',') + 1) + 1)).sorted().toList(),
                scored.stream().map(l -> String.join(",", List.of(l.split(",")).subList(l.split(",").length - 4, l.split(",").length)))
                        .sorted().toList());
    }

    @Test
    void autoMpgWithTheFTestMatchesTheLocalEngine() throws IOException {
        // local engine with select.method f_test, k 4: test rmse 3.8632, keeping weight, displacement, cylinders, horsepower
        Runner.Outcome o = run("auto_mpg", "evaluate.cv_folds=0", "select.method=f_test", "select.k=4");
        double rmse = test(o).get("rmse");
        assertEquals(1.0, rmse / 3.8632, 0.15, "rmse " + rmse);
        JsonNode selected = Json.MAPPER.readTree(o.dir().resolve("run.json").toFile()).findValue("selected");
        assertEquals(java.util.Set.of("weight", "displacement", "cylinders", "horsepower"),
                java.util.Set.copyOf(Json.MAPPER.convertValue(selected, List.class)));
    }

    @Test
    void irisKmeansMatchesTheLocalEngine() {
        // local engine (10 restarts): test ari 0.8013; three restarts keep the test short
        assertEquals(0.8013, test(run("iris_kmeans", "train.params.restarts=3")).get("ari"), 0.15);
    }

    @Test
    void excelsSepLineIsRefusedBeforeAnyJobWithWhatToDo() throws IOException {
        Path file = out.resolve("excel.csv");
        Files.writeString(file, "sep=;\na;y\n1;yes\n2;no\n");
        org.workbench.table.DataConfig data = new org.workbench.table.DataConfig(file, org.workbench.table.DataConfig.AUTO, '"',
                true, org.workbench.table.DataConfig.DEFAULT_MISSING, Map.of(), new org.workbench.table.DataConfig.Split(0.2, true),
                org.workbench.table.DataConfig.AUTO, org.workbench.table.DataConfig.NONE, java.nio.charset.StandardCharsets.UTF_8);
        InputException e = assertThrows(InputException.class, () -> SparkData.read(null, data)); // no session is needed to refuse
        assertEquals(file + ": line 1 is Excel's 'sep=' line, which Spark's CSV reader would take for the header; remove that line"
                + " (and set data.delimiter to the character it names) to read the file on Spark", e.getMessage());
    }

    @Test
    void aKeyWithoutASparkCounterpartIsRefusedBeforeAnyJob() throws IOException {
        SparkEngine engine = new SparkEngine();
        InputException e = assertThrows(InputException.class,
                () -> engine.pipeline(config("titanic", "preprocess.outliers.method=iqr", "preprocess.outliers.action=drop")));
        assertTrue(e.getMessage().startsWith("preprocess.outliers.action: 'drop' has no counterpart on the spark engine; it takes clip"),
                e.getMessage());
        assertEquals(null, engine.current(), "no run was prepared");
        e = assertThrows(InputException.class, () -> engine.pipeline(config("titanic", "features.polynomial={degree: 2,"
                + " interaction_only: true}")));
        assertTrue(e.getMessage().startsWith("features.polynomial.interaction_only: 'true' has no counterpart"), e.getMessage());
        e = assertThrows(InputException.class, () -> engine.pipeline(config("wine_pca", "features.polynomial.degree=2")));
        assertTrue(e.getMessage().startsWith("features.polynomial: on the spark engine pca does not project"), e.getMessage());
        e = assertThrows(InputException.class, () -> engine.pipeline(config("titanic", "evaluate.compare=[random_forest]",
                "evaluate.cv_folds=0")));
        assertEquals("evaluate.compare: needs cross-validation: set evaluate.cv_folds to 2 or more", e.getMessage());
        e = assertThrows(InputException.class, () -> engine.pipeline(config("titanic", "train.model=svm")));
        assertTrue(e.getMessage().startsWith("train.model: 'svm' has no Spark ML counterpart"), e.getMessage());
        e = assertThrows(InputException.class, () -> engine.pipeline(config("titanic", "train.params.epochs=5",
                "train.model=xgboost", "train.params.gamma=1")));
        assertTrue(e.getMessage().startsWith("train.params."), e.getMessage());
        e = assertThrows(InputException.class, () -> engine.pipeline(config("titanic_tune", "evaluate.threshold=f1")));
        assertTrue(e.getMessage().startsWith("evaluate.threshold: the spark engine does not choose a threshold for a setting"),
                e.getMessage());
        e = assertThrows(InputException.class, () -> engine.pipeline(config("titanic_tune", "tune.method=halving")));
        assertTrue(e.getMessage().startsWith("tune.method: 'halving' has no counterpart"), e.getMessage());
        e = assertThrows(InputException.class, () -> engine.pipeline(config("titanic", "select.method=mutual_info")));
        assertTrue(e.getMessage().startsWith("select.method: 'mutual_info' has no Spark ML counterpart (Spark has no"
                + " mutual-information selector)"), e.getMessage());
        e = assertThrows(InputException.class, () -> engine.pipeline(config("iris_kmeans", "select.method=f_test")));
        assertEquals("select.method: 'f_test' scores features against the target; use variance; clustering has no target",
                e.getMessage());
        e = assertThrows(InputException.class, () -> engine.pipeline(config("wine_pca", "features.pca.whiten=true")));
        assertTrue(e.getMessage().startsWith("features.pca.whiten: Spark ML's PCA does not whiten"), e.getMessage());
        e = assertThrows(InputException.class, () -> engine.pipeline(config("titanic", "tune.lab.learning_curve.enabled=true")));
        assertTrue(e.getMessage().startsWith("tune.lab: "), e.getMessage());
        // a setting the search would try is checked like the configured one
        Path yaml = out.resolve("tree_tune.yaml");
        Files.writeString(yaml, String.join("\n", "name: tree_tune", "problem: {task: regression, target: class, metric: rmse}",
                "data: {source: " + Path.of("../datasets/wine/data.csv").toAbsolutePath().normalize() + "}",
                "train: {model: decision_tree}",
                "tune: {enabled: true, grid: {train.params.criterion: [mse, mae]}}", ""));
        PipelineConfig tree = ConfigLoader.load(yaml, List.of("engine=spark"));
        e = assertThrows(InputException.class, () -> engine.pipeline(tree));
        assertTrue(e.getMessage().startsWith("tune: the setting {train.params.criterion=\"mae\"} has no spark counterpart:"
                + " train.params.criterion: mae"), e.getMessage());
        // and the runner refuses it before creating the run folder
        assertThrows(InputException.class, () -> Runner.run(config("titanic", "features.encode=target"), out.resolve("refused"),
                null, r -> { }));
        assertFalse(Files.exists(out.resolve("refused").resolve("titanic")));
    }

    @Test
    void tuningSearchesAGridWithSparkCrossValidationAndAdoptsTheBestSettingAsTheSavedModel() throws IOException {
        Path yaml = out.resolve("wine_tune.yaml");
        Files.writeString(yaml, String.join("\n", "name: wine_tune",
                "problem: {target: class, metric: accuracy}",
                "data: {source: " + Path.of("../datasets/wine/data.csv").toAbsolutePath().normalize() + "}",
                "preprocess: {scale: standard}",
                "train: {model: decision_tree, params: {max_depth: 1}}",
                "evaluate: {cv_folds: 0}",
                "tune: {enabled: true, method: grid, cv_folds: 2, grid: {train.params.max_depth: [1, 5]}}",
                "engine: spark",
                "spark: {master: 'local[2]', conf: {" + String.join(", ", TEST_CONF.entrySet().stream()
                        .map(e -> e.getKey() + ": '" + e.getValue() + "'").sorted().toList()) + "}}",
                "seed: 42", ""));
        // through the command line, whose headline leads with the model the run saved
        java.io.StringWriter printed = new java.io.StringWriter();
        int exit = org.workbench.cli.WorkbenchCli.execute(new String[] {"run", yaml.toString(), "--out", out.toString(), "--no-cache"},
                new java.io.PrintWriter(printed, true), new java.io.PrintWriter(new java.io.StringWriter(), true));
        assertEquals(0, exit, printed.toString());
        List<String> lines = printed.toString().lines().toList();
        Path dir = Path.of(lines.stream().filter(l -> l.startsWith("run folder: ")).findFirst().orElseThrow().substring("run folder: ".length()));
        TuningRecord t = RunRecord.read(dir).stages().stream().map(s -> s.data(TuningRecord.class)).flatMap(Optional::stream)
                .findFirst().orElseThrow();
        assertEquals("grid", t.method());
        assertEquals(2, t.cvFolds());
        // local[2]: two of the three trials (configured + two settings) in flight at a time
        assertEquals(2, t.threads());
        assertEquals(List.of(1, 5), t.trials().stream().map(x -> x.params().get("train.params.max_depth").asInt()).toList());
        for (Trial x : t.trials()) {
            assertEquals(2, x.folds().length);
            assertTrue(x.mean() > 0.2 && x.mean() <= 1.0, "accuracy " + x.mean());
        }
        Trial argmax = t.trials().stream().max(java.util.Comparator.comparingDouble(Trial::mean)).orElseThrow();
        assertEquals(argmax.number(), t.best().number());
        assertEquals(argmax.number(), t.leaderboard().get(0));
        // the configured setting is trial 0 on the same folds: the same fold scores as the grid's max_depth = 1
        assertEquals(0, t.configured().number());
        assertEquals(t.trials().get(0).mean(), t.configured().mean(), 1e-12);
        assertTrue(t.verdict().startsWith("did tuning help? "), t.verdict());
        assertEquals(1, t.significance().df());
        String tuned = Files.readString(dir.resolve("tuned.yaml"));
        assertTrue(tuned.contains("enabled: false"), tuned);
        // a stump cannot tell three cultivars apart, a tree of depth 5 can: the best setting is better, and tune.adopt
        // (better, by default) adopts it
        assertTrue(t.best().mean() > t.configured().mean(), t.verdict());
        assertTrue(t.adopted(), t.verdict());
        assertTrue(tuned.contains("max_depth: 5"), tuned);
        RunRecord record = RunRecord.read(dir);
        assertEquals(5, record.metrics().tuning().bestParams().get("train.params.max_depth").asInt());
        // the adopted setting is the final model, as on the local engine: metrics.json's final block, the saved model
        RunMetrics.Final chosen = record.metrics().finalModel();
        assertTrue(chosen.tuned());
        assertEquals("decision_tree", chosen.model());
        assertEquals(t.test(), chosen.test());
        int first = lines.indexOf(lines.stream().filter(l -> l.startsWith("accuracy: test ")).findFirst().orElseThrow());
        assertEquals(String.format(java.util.Locale.ROOT, "accuracy: test %.4f with the setting tuning adopted (the saved model holds"
                + " this model)", chosen.test().get("accuracy")), lines.get(first));
        assertTrue(lines.get(first + 1).startsWith("configured setting: test "), printed.toString());
        assertTrue(chosen.test().get("accuracy") > record.metrics().evaluation().test().get("accuracy"), "the adopted tree is scored");
        assertEquals(t.test().get("accuracy"), Json.MAPPER.readTree(dir.resolve("metrics.json").toFile()).get("final").get("test")
                .get("accuracy").asDouble(), 0.0);
        assertTrue(Json.MAPPER.readTree(dir.resolve("model.spark/manifest.json").toFile()).get("tuned").asBoolean());
        org.apache.spark.ml.Transformer[] saved = org.apache.spark.ml.PipelineModel.load(
                dir.resolve("model.spark/pipeline").toAbsolutePath().toString()).stages();
        assertEquals(5, ((org.apache.spark.ml.classification.DecisionTreeClassificationModel) saved[saved.length - 1]).getMaxDepth());
        // model.spark predicts what the adopted model predicted for the same rows (predictions/ holds its predictions)
        Path scoredDir = out.resolve("wine_tune_scored");
        new SparkEngine().predict(dir.resolve("model.spark"), Path.of("../datasets/wine/data.csv"), scoredDir);
        List<String> predicted = rows(dir.resolve("predictions"));
        assertEquals(predicted.stream().map(l -> l.substring(l.indexOf(',', l.indexOf(',') + 1) + 1)).sorted().toList(),
                rows(scoredDir).stream().map(l -> String.join(",", List.of(l.split(",")).subList(l.split(",").length - 4,
                        l.split(",").length))).sorted().toList());
    }

    @Test
    void theEngineIsFoundOnTheClassPathAndListsItsModels() {
        assertInstanceOf(SparkEngine.class, Engines.named("spark"));
        String lines = String.join("\n", SparkModels.lines(null));
        assertTrue(lines.contains("logistic_regression    Spark ML LogisticRegression"), lines);
        assertTrue(lines.contains("epochs             default 20       -> maxIter"), lines);
        assertFalse(SparkModels.lines("regression").toString().contains("kmeans"));
    }
}
