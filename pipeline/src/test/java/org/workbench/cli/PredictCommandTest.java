package org.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `workbench predict` on the shipped titanic rows, target removed, reproduces the run's predictions. */
class PredictCommandTest {
    @TempDir
    static Path dir;
    static Path runDir;

    @BeforeAll
    static void runTitanic() throws IOException {
        Cli cli = Cli.run("run", "../configs/titanic.yaml", "--out", dir.toString(), "--quiet");
        assertEquals(0, cli.exitCode(), cli.err());
        String line = cli.out().lines().filter(l -> l.startsWith("run folder: ")).findFirst().orElseThrow();
        runDir = Path.of(line.substring("run folder: ".length()));
    }

    @Test
    void predictWithoutTargetReproducesRunPredictions() throws IOException {
        Path input = dir.resolve("passengers.csv");
        List<String> lines = Files.readAllLines(Path.of("../datasets/titanic/data.csv"));
        // Survived is the second column and never quoted
        Files.write(input, lines.stream().map(l -> {
            int a = l.indexOf(',');
            int b = l.indexOf(',', a + 1);
            return l.substring(0, a) + l.substring(b);
        }).collect(Collectors.toList()));
        Path output = dir.resolve("scored.csv");
        Cli cli = Cli.run("predict", "--model", runDir.resolve("model.bundle").toString(), "--input", input.toString(),
                "--output", output.toString());
        assertEquals(0, cli.exitCode(), cli.err());
        assertTrue(cli.out().contains("scored 891 rows; labels by the most probable class (the bundle holds no decision threshold)"),
                cli.out());
        List<String> expected = Files.readAllLines(runDir.resolve("predictions.csv")).stream()
                .map(org.workbench.run.PredictionFiles::withoutSplitAndTruth).toList();
        assertEquals(expected, Files.readAllLines(output));
        assertEquals("row,prediction,prob_0,prob_1", expected.get(0));
    }

    @Test
    void aThresholdRunLeadsWithItAndPredictSaysAndAppliesIt() throws IOException {
        Cli run = Cli.run("run", "../configs/titanic.yaml", "--set", "evaluate.threshold=f1", "--set", "seed=7",
                "--out", dir.resolve("threshold").toString());
        assertEquals(0, run.exitCode(), run.err());
        Path folder = Path.of(run.out().lines().filter(l -> l.startsWith("run folder: ")).findFirst().orElseThrow()
                .substring("run folder: ".length()));
        var finalBlock = org.workbench.core.Json.MAPPER.readTree(folder.resolve("metrics.json").toFile()).path("final");
        String threshold = String.format(java.util.Locale.ROOT, "threshold %.4f on P(Survived=1), chosen by f1 on"
                + " out-of-fold training predictions", finalBlock.path("threshold").path("value").asDouble());
        // the headline leads with the bundle's model, threshold applied; the default rule's line follows
        List<String> afterFolder = run.out().lines().dropWhile(l -> !l.startsWith("run folder: ")).skip(1).toList();
        assertEquals(String.format(java.util.Locale.ROOT, "f1_macro: test %.4f at the %s (the bundle holds this model)",
                finalBlock.path("test").path("f1_macro").asDouble(), threshold), afterFolder.get(0));
        assertTrue(afterFolder.get(1).startsWith("at the most probable class: test "), afterFolder.get(1));
        assertTrue(afterFolder.get(2).contains(String.format(java.util.Locale.ROOT, " f1=%.4f",
                finalBlock.path("test").path("f1").asDouble())), afterFolder.get(2));

        Path output = dir.resolve("threshold-scored.csv");
        Cli cli = Cli.run("predict", "--model", folder.resolve("model.bundle").toString(), "--input",
                "../datasets/titanic/data.csv", "--output", output.toString());
        assertEquals(0, cli.exitCode(), cli.err());
        assertTrue(cli.out().contains("scored 891 rows; labels by the " + threshold + "\n"), cli.out());
        List<String> expected = Files.readAllLines(folder.resolve("predictions.csv")).stream()
                .map(org.workbench.run.PredictionFiles::withoutSplitAndTruth).toList();
        assertEquals(expected, Files.readAllLines(output));

        // printed to the terminal, the summary goes to stderr as a note
        Cli printed = Cli.run("predict", "--model", folder.resolve("model.bundle").toString(), "--input",
                "../datasets/titanic/data.csv");
        assertTrue(printed.err().contains("note: scored 891 rows; labels by the " + threshold), printed.err());
    }

    @Test
    void aModelTrainedOnAFileWithoutHeaderScoresFilesWithoutHeader() throws IOException {
        Path data = dir.resolve("iris-no-header.csv");
        List<String> rows = Files.readAllLines(Path.of("../datasets/iris/data.csv"));
        Files.write(data, rows.subList(1, rows.size()));
        Path config = dir.resolve("iris-no-header.yaml");
        Files.writeString(config, "name: iris_no_header\nproblem: {target: C4}\ndata: {source: iris-no-header.csv, header: false}\n");
        Cli run = Cli.run("run", config.toString(), "--out", dir.resolve("runs").toString(), "--quiet");
        assertEquals(0, run.exitCode(), run.err());
        Path folder = Path.of(run.out().lines().filter(l -> l.startsWith("run folder: ")).findFirst().orElseThrow()
                .substring("run folder: ".length()));
        Path output = dir.resolve("iris-scored.csv");
        Cli cli = Cli.run("predict", "--model", folder.resolve("model.bundle").toString(), "--input", data.toString(),
                "--output", output.toString());
        assertEquals(0, cli.exitCode(), cli.err());
        assertTrue(cli.out().contains("scored 150 rows"), cli.out());
        List<String> expected = Files.readAllLines(folder.resolve("predictions.csv")).stream()
                .map(org.workbench.run.PredictionFiles::withoutSplitAndTruth).toList();
        assertEquals(expected, Files.readAllLines(output));
    }

    @Test
    void missingColumnIsNamed() throws IOException {
        Path input = dir.resolve("no_age.csv");
        Files.writeString(input, "PassengerId,Pclass,Name,Sex,SibSp,Parch,Ticket,Fare,Cabin,Embarked\n1,3,x,male,1,0,t,7.25,,S\n");
        Cli cli = Cli.run("predict", "--model", runDir.resolve("model.bundle").toString(), "--input", input.toString());
        assertEquals(2, cli.exitCode());
        assertTrue(cli.err().contains("missing column [Age]"), cli.err());
    }

    @Test
    void unseenCategoryAndExtraColumnAreNotedNotFatal() throws IOException {
        Path input = dir.resolve("odd.csv");
        Files.writeString(input, "Pclass,Sex,Age,SibSp,Parch,Fare,Embarked,Comment\n3,male,22,1,0,7.25,Q,hi\n1,female,,0,0,80,X,yo\n");
        Cli cli = Cli.run("predict", "--model", runDir.resolve("model.bundle").toString(), "--input", input.toString());
        assertEquals(0, cli.exitCode(), cli.err());
        assertEquals(3, cli.out().lines().count(), cli.out());
        assertTrue(cli.err().contains("ignored column [Comment]"), cli.err());
        assertTrue(cli.err().contains("unseen"), cli.err());
    }

    @Test
    void notABundleIsBadInput() throws IOException {
        Path fake = dir.resolve("fake.bundle");
        Files.writeString(fake, "hello");
        Cli cli = Cli.run("predict", "--model", fake.toString(), "--input", "../datasets/titanic/data.csv");
        assertEquals(2, cli.exitCode());
        assertTrue(cli.err().contains("fake.bundle"), cli.err());
    }
}
