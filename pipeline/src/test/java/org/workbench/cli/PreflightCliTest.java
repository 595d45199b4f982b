package org.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.workbench.core.Json;

/**
 * The pre-fit check seen from the command line: {@code validate} and {@code run} refuse the same inputs
 * with exit 2 and one line before anything is fitted, and the data warnings are printed by default.
 */
class PreflightCliTest {
    @TempDir
    Path dir;

    private static final Path IRIS = Path.of("../datasets/iris/data.csv").toAbsolutePath().normalize();
    private static final Path TITANIC = Path.of("../datasets/titanic/data.csv").toAbsolutePath().normalize();

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("two rows", "a,y\n1,x\n2,z\n", "problem: {target: y}\n", "only 2 rows"),
                Arguments.of("target only", "y\nx\nz\nx\nz\nx\n", "problem: {target: y}\n", "holds only the target column 'y'"),
                Arguments.of("500 folds", null, "problem: {target: species}\nevaluate: {cv_folds: 500}\n",
                        "evaluate.cv_folds: 500 folds need at least 500 training rows, but the training split has 120; use at most 120"),
                Arguments.of("constant regression target", "a,y\n1,4\n2,4\n3,4\n4,4\n5,4\n",
                        "problem: {task: regression, target: y}\n", "'y' in data.csv is constant"));
    }

    /** Writes the data (iris when {@code csv} is null) and a config reading it. */
    private Path config(String csv, String yaml) throws IOException {
        Path data = dir.resolve("data.csv");
        if (csv == null) {
            Files.copy(IRIS, data);
        } else {
            Files.writeString(data, csv);
        }
        Path config = dir.resolve("c.yaml");
        Files.writeString(config, yaml + "data: {source: data.csv}\n");
        return config;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void validateAndRunRefuseTheSameInputBeforeFitting(String name, String csv, String yaml, String message) throws IOException {
        Path config = config(csv, yaml);
        Cli validate = Cli.run("validate", config.toString());
        assertEquals(2, validate.exitCode(), validate.err());
        assertEquals(1, validate.err().lines().count(), validate.err());
        assertTrue(validate.err().contains(message), validate.err());

        Path out = dir.resolve("reports");
        Cli run = Cli.run("run", config.toString(), "--out", out.toString());
        assertEquals(2, run.exitCode(), run.err());
        assertEquals(validate.err(), run.err(), "run and validate say the same");
        assertFalse(run.out().contains("[2/9]"), "refused in stage 1, before any fitting: " + run.out());
        assertFalse(Files.exists(out), "no run folder is left");
    }

    @Test
    void aClassTooRareForTheTestSplitStillRunsAndIsReportedWithSupportZero() throws IOException {
        Path config = config(Files.readString(IRIS) + "6.0,3.0,4.0,1.0,Iris-rare\n",
                "problem: {target: species}\ntrain: {params: {epochs: 5}}\n");
        Path out = dir.resolve("reports");
        Cli run = Cli.run("run", config.toString(), "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("        warning: class 'Iris-rare' (1 row) never reaches the test split"), run.out());

        Path runDir;
        try (Stream<Path> runs = Files.list(out.resolve("c"))) {
            runDir = runs.findFirst().orElseThrow();
        }
        JsonNode rare = Json.MAPPER.readTree(runDir.resolve("metrics.json").toFile())
                .path("evaluation").path("test_report").path("per_class").get(0);
        assertEquals("Iris-rare", rare.path("label").asText());
        assertEquals(0, rare.path("support").asInt());
        assertEquals(0.0, rare.path("f1").asDouble());
        String html = Files.readString(runDir.resolve("report.html"));
        assertTrue(html.contains("No curve for &#39;Iris-rare&#39;") || html.contains("No curve for 'Iris-rare'"), "the ROC section says why");
        assertTrue(html.contains("id=\"roc-curve\""), "the other classes' curves are drawn");
        assertFalse(html.contains("could not be"), "no chart failed");
    }

    /** Titanic thinned to every 5th survivor: 549 died, 69 survived. */
    @Test
    void classImbalanceAndDroppedColumnsAreShownOnTheTerminal() throws IOException {
        List<String> lines = Files.readAllLines(TITANIC);
        StringBuilder csv = new StringBuilder(lines.get(0)).append('\n');
        int survivors = 0;
        int survivedAt = List.of(lines.get(0).split(",")).indexOf("Survived");
        for (String line : lines.subList(1, lines.size())) {
            // Survived is the second field; the quoted names come later, so splitting the start is safe
            if (line.split(",")[survivedAt].equals("0") || survivors++ % 5 == 0) {
                csv.append(line).append('\n');
            }
        }
        Path config = config(csv.toString(), "problem: {target: Survived, metric: accuracy}\n"
                + "preprocess: {drop: [PassengerId, Cabin]}\n");
        Cli run = Cli.run("run", config.toString(), "--out", dir.resolve("reports").toString(), "--until", "collection");
        assertEquals(0, run.exitCode(), run.err());
        String out = run.out();
        assertTrue(out.contains("        warning: class imbalance in 'Survived': '0' has 549 rows, '1' 69 (8.0 : 1); accuracy"
                + " rewards always predicting '0': consider problem.metric: balanced_accuracy, f1 or average_precision"), out);
        assertTrue(out.contains("'PassengerId' looks like an identifier (618 distinct values in 618 rows); dropped by"
                + " preprocess.drop\n"), out);
        // a text identifier the features stage leaves out by default: named once, with the key that keeps it
        assertTrue(out.contains("'Name' looks like an identifier (618 distinct values in 618 rows)\n"), out);
        assertTrue(out.contains("warning: left out of the features as identifier-like: Name (features.keep_identifiers: true"
                + " keeps them;"), out);
        assertTrue(out.indexOf("[2/9] collection") < out.indexOf("warning:"), "printed after the collection stage line");

        Cli validate = Cli.run("validate", config.toString());
        assertEquals(0, validate.exitCode(), validate.err());
        assertTrue(validate.out().contains("pre-fit check passed: 618 rows with a target -> 494 train / 124 test rows"),
                validate.out());
        assertTrue(validate.out().contains("        warning: class imbalance in 'Survived'"), validate.out());

        Cli quiet = Cli.run("run", config.toString(), "--out", dir.resolve("quiet").toString(), "--until", "collection", "--quiet");
        assertFalse(quiet.out().contains("warning:"), quiet.out());
    }
}
