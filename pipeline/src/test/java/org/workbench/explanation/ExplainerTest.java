package org.workbench.explanation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workbench.cli.Cli;
import org.workbench.deployment.BatchScorer;
import org.workbench.deployment.Bundle;
import org.workbench.recipe.ApplyLog;

/**
 * Contributions add up to the model's output where the method says so: exactly for linear models
 * (compared with Tribuo's own probabilities and predictions), to 1e-4 in margin space for XGBoost's
 * tree SHAP; one-hot features are reported under their raw column; the estimate for other models
 * gives no part to a column the model does not read.
 */
class ExplainerTest {
    private static final String TITANIC = Path.of("../datasets/titanic/data.csv").toAbsolutePath().normalize().toString();
    private static final String AUTO_MPG = Path.of("../datasets/auto_mpg/data.csv").toAbsolutePath().normalize().toString();
    private static final String TITANIC_PROBLEM = "problem: {task: classification, target: Survived, positive_class: \"1\"}\n"
            + "data: {source: " + TITANIC + ", missing_values: [\"\"], column_types: {Pclass: categorical}}\n"
            + "preprocess: {drop: [PassengerId, Name, Ticket, Cabin], impute: {numeric: median, categorical: most_frequent},"
            + " scale: standard}\nfeatures: {encode: onehot}\nevaluate: {cv_folds: 0}\nseed: 42\n";
    private static final String MPG_PROBLEM = "problem: {task: regression, target: mpg}\n"
            + "data: {source: " + AUTO_MPG + ", missing_values: [\"?\"], column_types: {origin: categorical}}\n"
            + "preprocess: {drop: [car_name], impute: {numeric: median}, scale: standard}\nfeatures: {encode: onehot}\n"
            + "evaluate: {cv_folds: 0}\nseed: 42\n";

    private static final String IRIS_PROBLEM = "problem: {target: species}\ndata: {source: "
            + Path.of("../datasets/iris/data.csv").toAbsolutePath().normalize() + "}\npreprocess: {scale: standard}\n"
            + "evaluate: {cv_folds: 0}\nseed: 42\n";

    @TempDir
    static Path dir;
    static Bundle logistic;
    static Path logisticBundle;
    static Bundle xgboost;
    static Bundle stump;
    static Bundle linearRegression;
    static Bundle irisLogistic;
    static Bundle irisXgboost;
    static Bundle xgboostRegression;

    @BeforeAll
    static void fitBundles() throws IOException {
        logisticBundle = bundle("logistic", TITANIC_PROBLEM + "train: {model: logistic_regression, params: {epochs: 10}}\n");
        logistic = Bundle.read(logisticBundle);
        xgboost = Bundle.read(bundle("xgb", TITANIC_PROBLEM + "train: {model: xgboost, params: {trees: 20, max_depth: 3}}\n"));
        stump = Bundle.read(bundle("stump", TITANIC_PROBLEM + "train: {model: decision_tree, params: {max_depth: 1}}\n"));
        linearRegression = Bundle.read(bundle("lin", MPG_PROBLEM + "train: {model: linear_regression, params: {epochs: 20}}\n"));
        xgboostRegression = Bundle.read(bundle("xgbr", MPG_PROBLEM + "train: {model: xgboost, params: {trees: 20, max_depth: 3}}\n"));
        irisLogistic = Bundle.read(bundle("irisl", IRIS_PROBLEM + "train: {model: logistic_regression, params: {epochs: 10}}\n"));
        irisXgboost = Bundle.read(bundle("irisx", IRIS_PROBLEM + "train: {model: xgboost, params: {trees: 10, max_depth: 2}}\n"));
    }

    private static Path bundle(String name, String yaml) throws IOException {
        Path config = Files.writeString(dir.resolve(name + ".yaml"), "name: " + name + "\n" + yaml);
        Cli cli = Cli.run("run", config.toString(), "--out", dir.resolve("runs").toString(), "--quiet");
        assertEquals(0, cli.exitCode(), cli.err());
        try (Stream<Path> runs = Files.list(dir.resolve("runs").resolve(name))) {
            return runs.findFirst().orElseThrow().resolve("model.bundle");
        }
    }

    /** Attributions of every row of {@code data} with the rows' predictions, and the lineage. */
    private record Explained(Attributions a, Lineage lineage, org.workbench.data.Predictions predictions) {
    }

    private static Explained explain(Bundle bundle, String data) {
        BatchScorer.Result scored = BatchScorer.score(bundle, Path.of(data));
        Lineage lineage = Lineage.trace(bundle.recipe(), scored.rows(), new ApplyLog());
        return new Explained(Explainer.attributions(bundle, scored.rows(), lineage, scored.predictions()),
                lineage, scored.predictions());
    }

    private static double sum(Attributions a, int row) {
        double s = a.base()[row];
        for (double c : a.contributions()[row]) {
            s += c;
        }
        return s;
    }

    @Test
    void logisticContributionsAddUpToTheLogOddsExactly() {
        Explained e = explain(logistic, TITANIC);
        Attributions a = e.a();
        assertTrue(a.additive());
        assertEquals(891, a.rows());
        int positive = e.predictions().classes().indexOf("1");
        for (int i = 0; i < a.rows(); i++) {
            double p = e.predictions().probabilities()[i][positive];
            assertEquals(Math.log(p / (1 - p)), a.output()[i], 1e-9, "row " + (i + 1));
            assertEquals(a.output()[i], sum(a, i), 1e-9, "row " + (i + 1));
            assertEquals("log-odds of Survived=1", a.explained()[i]);
        }
    }

    @Test
    void linearRegressionContributionsAddUpToThePredictionExactly() {
        Explained e = explain(linearRegression, AUTO_MPG);
        Attributions a = e.a();
        for (int i = 0; i < a.rows(); i++) {
            assertEquals(e.predictions().values()[i], a.output()[i], 1e-9, "row " + (i + 1));
            assertEquals(a.output()[i], sum(a, i), 1e-9, "row " + (i + 1));
        }
        assertEquals("predicted mpg", a.explained()[0]);
    }

    @Test
    void treeShapAddsUpToTheMarginOfXGBoost() {
        Explained e = explain(xgboost, TITANIC);
        Attributions a = e.a();
        assertTrue(a.additive());
        int positive = e.predictions().classes().indexOf("1");
        int compared = 0;
        for (int i = 0; i < a.rows(); i++) {
            assertEquals(a.output()[i], sum(a, i), 1e-4, "row " + (i + 1));
            double p = e.predictions().probabilities()[i][positive];
            if (p > 0.01 && p < 0.99) { // a float probability near 0 or 1 has too few digits for its log-odds
                assertEquals(Math.log(p / (1 - p)), a.output()[i], 1e-4, "row " + (i + 1));
                compared++;
            }
        }
        assertTrue(compared > 800, "rows compared: " + compared);
    }

    @Test
    void treeShapAddsUpToTheRegressionPrediction() {
        Explained e = explain(xgboostRegression, AUTO_MPG);
        Attributions a = e.a();
        for (int i = 0; i < a.rows(); i++) {
            assertEquals(e.predictions().values()[i], a.output()[i], 1e-4, "row " + (i + 1));
            assertEquals(a.output()[i], sum(a, i), 1e-4, "row " + (i + 1));
        }
    }

    /**
     * With more classes each row explains its predicted class's score; explaining every class in turn
     * gives all the scores, whose softmax must be Tribuo's probabilities: the class order is right.
     */
    @Test
    void everyClassScoreOfAMulticlassModelGivesTribuosProbabilities() {
        for (Bundle bundle : List.of(irisLogistic, irisXgboost)) {
            BatchScorer.Result scored = BatchScorer.score(bundle, Path.of("../datasets/iris/data.csv"));
            Lineage lineage = Lineage.trace(bundle.recipe(), scored.rows(), new ApplyLog());
            List<String> classes = bundle.model().classes();
            assertEquals(3, classes.size());
            int rows = scored.rows().rowCount();
            double[][] scores = new double[rows][classes.size()];
            for (int c = 0; c < classes.size(); c++) {
                String[] explained = new String[rows];
                java.util.Arrays.fill(explained, classes.get(c));
                Attributions a = bundle.model().tribuoModel() instanceof org.tribuo.common.xgboost.XGBoostModel<?> x
                        ? TreeShapAttribution.of(x, lineage.processed(), "species", explained, classes)
                        : LinearAttribution.of((org.tribuo.common.sgd.AbstractLinearSGDModel<?>) bundle.model().tribuoModel(),
                                lineage.processed(), "species", explained, classes);
                for (int i = 0; i < rows; i++) {
                    scores[i][c] = a.output()[i];
                    assertEquals(a.output()[i], sum(a, i), 1e-4);
                }
            }
            double tolerance = bundle == irisLogistic ? 1e-9 : 1e-5;
            for (int i = 0; i < rows; i++) {
                double total = 0;
                for (double v : scores[i]) {
                    total += Math.exp(v);
                }
                for (int c = 0; c < classes.size(); c++) {
                    assertEquals(scored.predictions().probabilities()[i][c], Math.exp(scores[i][c]) / total, tolerance,
                            bundle.manifest().model() + ", row " + (i + 1) + ", " + classes.get(c));
                }
            }
            Attributions predicted = explain(bundle, "../datasets/iris/data.csv").a();
            assertEquals("score of species=Iris-setosa (before softmax)".replace("score", bundle == irisLogistic ? "score" : "margin"),
                    predicted.explained()[0]);
        }
    }

    @Test
    void aClusteringBundleIsRefusedWithOneLine() throws IOException {
        Path clusters = bundle("clusters", "problem: {task: clustering}\ndata: {source: "
                + Path.of("../datasets/iris/data.csv").toAbsolutePath().normalize() + "}\n"
                + "train: {model: kmeans, params: {k: 3, restarts: 1}}\nseed: 42\n");
        Cli cli = Cli.run("explain", "--model", clusters.toString(), "--input", "../datasets/iris/data.csv");
        assertEquals(2, cli.exitCode(), cli.err());
        assertEquals("error: explain: this bundle holds a clustering model, whose clusters have no score to explain;"
                + " explain a classification or regression bundle", cli.err().strip());
    }

    @Test
    void oneHotLevelsAreReportedUnderTheirRawColumn() {
        Explained e = explain(logistic, TITANIC);
        assertTrue(e.a().names().containsAll(List.of("Sex=female", "Sex=male", "Embarked=C", "Pclass=3")), e.a().names().toString());
        assertEquals(List.of("Sex"), e.lineage().rawColumns().get("Sex=male"));
        Map<String, Double> grouped = Explainer.grouped(e.a(), e.lineage(), 0);
        assertEquals(List.of("Age", "Embarked", "Fare", "Parch", "Pclass", "Sex", "SibSp"), grouped.keySet().stream().sorted().toList());
        int female = e.a().names().indexOf("Sex=female");
        int male = e.a().names().indexOf("Sex=male");
        assertEquals(e.a().contributions()[0][female] + e.a().contributions()[0][male], grouped.get("Sex"), 1e-12);
        double total = e.a().base()[0] + grouped.values().stream().mapToDouble(Double::doubleValue).sum();
        assertEquals(e.a().output()[0], total, 1e-9);
    }

    @Test
    void theEstimateGivesNothingToColumnsTheModelDoesNotRead() {
        Explained e = explain(stump, TITANIC);
        Attributions a = e.a();
        assertFalse(a.additive());
        assertTrue(Double.isNaN(a.base()[0]));
        assertEquals(List.of("Pclass", "Sex", "Age", "SibSp", "Parch", "Fare", "Embarked"), a.names());
        int sex = a.names().indexOf("Sex");
        for (int i = 0; i < a.rows(); i++) {
            for (int j = 0; j < a.names().size(); j++) {
                if (j != sex) {
                    assertEquals(0.0, a.contributions()[i][j], 1e-12, a.names().get(j) + ", row " + (i + 1));
                }
            }
        }
        // a one-split tree on Sex: women's probability of surviving is above the average over both sexes
        assertEquals("female", BatchScorer.score(stump, Path.of(TITANIC)).rows().stringColumn("Sex").get(1));
        assertTrue(a.contributions()[1][sex] > 0.1, "row 2: " + a.contributions()[1][sex]);
        assertTrue(a.contributions()[0][sex] < -0.1, "row 1: " + a.contributions()[0][sex]);
    }

    @Test
    void theCommandPrintsTheTopColumnsAndTheyAddUp() throws IOException {
        Path input = Files.write(dir.resolve("five.csv"), Files.readAllLines(Path.of(TITANIC)).subList(0, 6));
        Cli cli = Cli.run("explain", "--model", logisticBundle.toString(), "--input", input.toString(), "--top", "2");
        assertEquals(0, cli.exitCode(), cli.err());
        List<String> lines = cli.out().lines().toList();
        assertEquals("row,prediction,explained,output,base,others,column_1,value_1,contribution_1,column_2,value_2,contribution_2",
                lines.get(0));
        assertEquals(6, lines.size());
        for (String line : lines.subList(1, 6)) {
            String[] f = line.split(",");
            assertEquals(12, f.length, line);
            double total = Double.parseDouble(f[4]) + Double.parseDouble(f[5]) + Double.parseDouble(f[8]) + Double.parseDouble(f[11]);
            assertEquals(Double.parseDouble(f[3]), total, 1e-9, line);
            assertTrue(Math.abs(Double.parseDouble(f[8])) >= Math.abs(Double.parseDouble(f[11])), line);
        }
        // passenger 1: a man in third class; Sex is reported with his raw value
        assertTrue(lines.get(1).matches("1,0,log-odds of Survived=1,.*"), lines.get(1));
        assertTrue(lines.get(1).contains(",Sex,male,"), lines.get(1));
        assertTrue(cli.err().contains("note: explained by linear"), cli.err());

        Path output = dir.resolve("explained.csv");
        Cli written = Cli.run("explain", "--model", logisticBundle.toString(), "--input", input.toString(), "--output",
                output.toString());
        assertEquals(0, written.exitCode(), written.err());
        List<String> file = Files.readAllLines(output);
        assertEquals(5 * 3 + 6, file.get(0).split(",").length);
        assertTrue(written.out().contains("explanations: " + output), written.out());

        Cli json = Cli.run("explain", "--model", logisticBundle.toString(), "--input", input.toString(), "--format", "json");
        assertEquals(0, json.exitCode(), json.err());
        var document = org.workbench.core.Json.MAPPER.readTree(json.out());
        assertTrue(document.path("additive").asBoolean());
        assertEquals(5, document.path("rows").size());
        var first = document.path("rows").get(0);
        assertEquals(5, first.path("top").size(), "--top defaults to 5");
        double total = first.path("base").asDouble() + first.path("others").asDouble();
        for (var c : first.path("top")) {
            total += c.path("contribution").asDouble();
        }
        assertEquals(first.path("output").asDouble(), total, 1e-9);
        assertEquals("Sex", first.path("top").get(0).path("column").asText());
        assertEquals("male", first.path("top").get(0).path("value").asText());
    }
}
