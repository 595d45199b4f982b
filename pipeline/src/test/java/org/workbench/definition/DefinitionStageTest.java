package org.workbench.definition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.workbench.config.ConfigException;
import org.workbench.core.InputException;
import org.workbench.data.Task;
import org.workbench.models.TrainConfig;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;

class DefinitionStageTest {
    private static final TrainConfig AUTO = new TrainConfig("auto", JsonNodeFactory.instance.objectNode());

    private static ProblemConfig problem(String task, String metric, String positive, String missing) {
        return new ProblemConfig("y", task, metric, positive, missing);
    }

    @Test
    void numericTargetWithFewValuesIsClassificationWithManyIsRegression() {
        DoubleColumn few = DoubleColumn.create("y", new double[] {0, 1, 1, 0, 1});
        Problem p = DefinitionStage.define(problem("auto", "auto", null, "drop"), AUTO, few, "f.csv");
        assertEquals(Task.CLASSIFICATION, p.task());
        assertEquals(List.of("0", "1"), p.classes());
        assertEquals("0", p.positiveClass(), "the minority class: two zeros against three ones");
        assertEquals("accuracy", p.metric());
        assertEquals("logistic_regression", p.model());

        double[] many = new double[30];
        for (int i = 0; i < many.length; i++) {
            many[i] = i * 1.5;
        }
        Problem r = DefinitionStage.define(problem("auto", "auto", null, "drop"), AUTO, DoubleColumn.create("y", many), "f.csv");
        assertEquals(Task.REGRESSION, r.task());
        assertEquals("rmse", r.metric());
        assertEquals("linear_regression", r.model());
    }

    @Test
    void positiveClassDefaultsToTheMinority() {
        StringColumn y = StringColumn.create("y", "no", "no", "yes", "no");
        Problem p = DefinitionStage.define(problem("auto", "f1", null, "drop"), AUTO, y, "f.csv");
        assertEquals("yes", p.positiveClass());
        assertTrue(p.isBinary());
    }

    @Test
    void aSingleClassIsRefused() {
        StringColumn y = StringColumn.create("y", "a", "a", "", "a");
        InputException e = assertThrows(InputException.class,
                () -> DefinitionStage.define(problem("classification", "auto", null, "drop"), AUTO, y, "f.csv"));
        assertEquals("problem.target: f.csv: target 'y' has a single class [a]; a classifier needs at least two"
                + " (the file has only 4 data rows)", e.getMessage());
        StringColumn one = StringColumn.create("y", "hi");
        e = assertThrows(InputException.class,
                () -> DefinitionStage.define(problem("auto", "auto", null, "drop"), AUTO, one, "f.csv"));
        assertTrue(e.getMessage().endsWith("(the file has only 1 data row)"), e.getMessage());
    }

    @Test
    void aTargetWhoseManyClassesAreMostlySingleRowsIsRefusedWithTheLikelyCause() {
        // amounts written as text: 25 values, 24 of them once
        String[] amounts = new String[26];
        for (int i = 0; i < 25; i++) {
            amounts[i] = "$" + (100 + i) + ",500";
        }
        amounts[25] = amounts[0];
        InputException e = assertThrows(InputException.class,
                () -> DefinitionStage.define(problem("auto", "auto", null, "drop"), AUTO, StringColumn.create("y", amounts), "f.csv"));
        assertEquals("problem.target: f.csv: target 'y' has 25 classes among 26 rows, 24 of them seen once: a classifier cannot"
                + " learn a class from one row; its values look like amounts written as text (e.g. \"$100,500\"): write them as"
                + " plain numbers in the file (or set data.thousands / data.decimal when only the separators differ), then"
                + " problem.task: regression (or set problem.task: classification to keep them as classes)", e.getMessage());
        // asked for explicitly, they are classes
        assertEquals(25, DefinitionStage.define(problem("classification", "auto", null, "drop"), AUTO, StringColumn.create("y", amounts),
                "f.csv").classes().size());
        // identifiers
        String[] ids = java.util.stream.IntStream.range(0, 30).mapToObj(i -> "user-" + (char) ('a' + i % 26) + (char) ('a' + i / 26))
                .toArray(String[]::new);
        e = assertThrows(InputException.class,
                () -> DefinitionStage.define(problem("auto", "auto", null, "drop"), AUTO, StringColumn.create("y", ids), "f.csv"));
        assertTrue(e.getMessage().endsWith("30 classes among 30 rows, 30 of them seen once: a classifier cannot learn a class from"
                + " one row; is it an identifier? choose another problem.target (or set problem.task: classification to keep them"
                + " as classes)"), e.getMessage());
        // many classes, each seen several times, are classes
        String[] repeated = java.util.stream.IntStream.range(0, 90).mapToObj(i -> "c" + i % 30).toArray(String[]::new);
        assertEquals(30, DefinitionStage.define(problem("auto", "auto", null, "drop"), AUTO, StringColumn.create("y", repeated),
                "f.csv").classes().size());
    }

    @Test
    void moreThanTwentyClassesAreShownAsTheMostFrequentTwentyAndACount() {
        java.util.TreeMap<String, Integer> counts = new java.util.TreeMap<>();
        for (int i = 0; i < 25; i++) {
            counts.put(String.format(java.util.Locale.ROOT, "c%02d", i), i == 7 ? 9 : 2);
        }
        String shown = DefinitionStage.shown(counts);
        assertTrue(shown.startsWith("{c07=9, c00=2, c01=2, "), shown);
        assertTrue(shown.endsWith(", c19=2, ... 5 more}"), shown);
        counts.headMap("c05").clear();
        assertEquals(counts.toString(), DefinitionStage.shown(counts), "20 classes are all shown");
    }

    @Test
    void missingTargetsFailWhenConfiguredTo() {
        StringColumn y = StringColumn.create("y", "a", "b", "", "a");
        InputException e = assertThrows(InputException.class,
                () -> DefinitionStage.define(problem("auto", "auto", null, "fail"), AUTO, y, "f.csv"));
        assertEquals("problem.missing_target: f.csv: target 'y' has 1 missing values and missing_target is 'fail'", e.getMessage());
    }

    @Test
    void regressionNeedsANumericTargetAndAMatchingMetric() {
        StringColumn y = StringColumn.create("y", "a", "b");
        assertThrows(InputException.class,
                () -> DefinitionStage.define(problem("regression", "auto", null, "drop"), AUTO, y, "f.csv"));
        DoubleColumn v = DoubleColumn.create("y", new double[] {1.5, 2.5, 3.5});
        InputException e = assertThrows(InputException.class,
                () -> DefinitionStage.define(problem("regression", "accuracy", null, "drop"), AUTO, v, "f.csv"));
        assertTrue(e.getMessage().startsWith("problem.metric: 'accuracy' is not a regression metric"), e.getMessage());
    }

    @Test
    void aRegressionTargetWhoseSquaresOverflowIsRefusedBeforeFitting() {
        double[] values = new double[50];
        for (int i = 0; i < values.length; i++) {
            values[i] = i;
        }
        values[3] = -1e308;
        values[9] = Double.POSITIVE_INFINITY;
        ConfigException e = assertThrows(ConfigException.class,
                () -> DefinitionStage.define(problem("regression", "auto", null, "drop"), AUTO, DoubleColumn.create("y", values), "f.csv"));
        assertTrue(e.getMessage().contains("2 values beyond +/-1e150"), e.getMessage());
        assertTrue(e.getMessage().contains("rescale the target"), e.getMessage());
        values[3] = 1e149;
        values[9] = -1e149;
        assertEquals(Task.REGRESSION, DefinitionStage.define(problem("regression", "auto", null, "drop"), AUTO,
                DoubleColumn.create("y", values), "f.csv").task(), "large but summable");
    }

    @Test
    void unknownPositiveClassListsTheClasses() {
        StringColumn y = StringColumn.create("y", "no", "yes");
        InputException e = assertThrows(InputException.class,
                () -> DefinitionStage.define(problem("auto", "auto", "Yes", "drop"), AUTO, y, "f.csv"));
        assertEquals("problem.positive_class: 'Yes' is not a class of 'y'; classes are [no, yes]", e.getMessage());
    }

    @Test
    void clusteringNeedsNoTargetAndTreatsOneAsALabel() {
        ProblemConfig none = new ProblemConfig(null, "clustering", "auto", null, "drop");
        Problem p = DefinitionStage.define(none, AUTO, null, "f.csv");
        assertEquals(Task.CLUSTERING, p.task());
        assertEquals("silhouette", p.metric());
        assertEquals("kmeans", p.model());
        assertEquals(null, p.target());
        assertEquals(List.of(), p.classes());

        StringColumn species = StringColumn.create("y", "a", "", "b");
        Problem labelled = DefinitionStage.define(problem("clustering", "ari", null, "fail"), AUTO, species, "f.csv");
        assertEquals("y", labelled.target());
        assertEquals("ari", labelled.metric());

        InputException ari = assertThrows(InputException.class, () -> DefinitionStage.define(
                new ProblemConfig(null, "clustering", "ari", null, "drop"), AUTO, null, "f.csv"));
        assertEquals("problem.metric: 'ari' compares the clusters with a label column; set problem.target to one, or use"
                + " silhouette or wcss", ari.getMessage());
        InputException accuracy = assertThrows(InputException.class,
                () -> DefinitionStage.define(problem("clustering", "accuracy", null, "drop"), AUTO, species, "f.csv"));
        assertTrue(accuracy.getMessage().startsWith("problem.metric: 'accuracy' is not a clustering metric (it is a"
                + " classification metric); valid: silhouette, wcss, ari, nmi"), accuracy.getMessage());
        InputException positive = assertThrows(InputException.class,
                () -> DefinitionStage.define(problem("clustering", "auto", "a", "drop"), AUTO, species, "f.csv"));
        assertEquals("problem.positive_class: only applies to classification", positive.getMessage());
        TrainConfig forest = new TrainConfig("random_forest", JsonNodeFactory.instance.objectNode());
        InputException model = assertThrows(InputException.class, () -> DefinitionStage.define(none, forest, null, "f.csv"));
        assertTrue(model.getMessage().startsWith("train.model: 'random_forest' is not a clustering model (it is for"
                + " classification); valid: baseline, kmeans, hdbscan"), model.getMessage());
    }

    @Test
    void classLabelsWrittenAsNumbersStayAsTheFileWritesThem(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        StringBuilder csv = new StringBuilder("x,y\n");
        String[] codes = {"001", "010", "100"};
        for (int i = 0; i < 90; i++) {
            csv.append(i % 3).append('.').append(i % 7).append(',').append(codes[i % 3]).append('\n');
        }
        java.nio.file.Path data = java.nio.file.Files.writeString(dir.resolve("d.csv"), csv);
        java.nio.file.Path config = java.nio.file.Files.writeString(dir.resolve("c.yaml"), "name: codes\nproblem: {target: y,"
                + " positive_class: \"010\"}\ndata: {source: " + data + "}\nevaluate: {cv_folds: 0}\nseed: 1\n");
        org.workbench.cli.Cli cli = org.workbench.cli.Cli.run("run", config.toString(), "--out", dir.resolve("out").toString(),
                "--until", "definition");
        assertEquals(0, cli.exitCode(), cli.err());
        assertTrue(cli.out().contains("3 classes {001=30, 010=30, 100=30}"), cli.out());
    }
}
