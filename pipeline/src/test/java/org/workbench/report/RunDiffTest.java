package org.workbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workbench.cli.Cli;

/** {@code workbench compare} leads with the final model: the final block, or an older run's tuned or evaluated test scores. */
class RunDiffTest {
    @TempDir
    Path dir;

    /** A run folder written before metrics had a final block: tuning adopted a setting with test accuracy 0.82. */
    private Path olderTunedRun() throws IOException {
        return run("older", """
                {"name": "older", "config": {"train": {"model": "random_forest"}}, "stages": [TRAINING],
                 "metrics": {"evaluation": {"test": {"accuracy": 0.80}},
                             "tuning": {"adopted": true, "test": {"accuracy": 0.82}}}}
                """.replace("TRAINING", training("random_forest")));
    }

    private Path newerThresholdRun() throws IOException {
        return run("newer", """
                {"name": "newer", "config": {"train": {"model": "logistic_regression"}},
                 "metrics": {"evaluation": {"test": {"accuracy": 0.79}},
                             "final": {"model": "logistic_regression", "tuned": false,
                                       "threshold": {"value": 0.3712, "positive_class": "1", "rule": "f1",
                                                     "chosen_on": "out-of-fold training predictions"},
                                       "test": {"accuracy": 0.81}}}}
                """);
    }

    /** The training stage's entry, which names the model an older run without a final block ends with. */
    private static String training(String model) {
        return "{\"stage\": \"training\", \"summary\": \"trained\", \"details\": [], \"data\": {\"model\": \"" + model
                + "\", \"params\": {}, \"rows\": 10, \"features\": 2}, \"millis\": 1}";
    }

    private Path run(String name, String json) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(name));
        Files.writeString(folder.resolve("run.json"), json);
        return folder;
    }

    @Test
    void finalMetricsComeFirstAndOlderRunsFallBackToTheirTunedTestScores() throws IOException {
        RunDiff diff = RunDiff.of(olderTunedRun(), newerThresholdRun());
        RunDiff.Row first = diff.metrics().get(0);
        assertEquals("final.test.accuracy", first.path());
        assertEquals(0.81 - 0.82, first.change(), 1e-12);
        assertEquals("random_forest (adopted by tuning)", diff.finalA());
        assertEquals("logistic_regression, threshold 0.3712 on '1' (f1)", diff.finalB());
        // the stages' own blocks are still compared, after the final ones
        List<String> paths = diff.metrics().stream().map(RunDiff.Row::path).toList();
        assertTrue(paths.indexOf("evaluation.test.accuracy") > paths.indexOf("final.threshold.value"), paths.toString());
    }

    @Test
    void anOlderUntunedRunFallsBackToItsEvaluationTestScores() throws IOException {
        Path untuned = run("untuned", """
                {"name": "untuned", "config": {"train": {"model": "knn"}}, "stages": [TRAINING],
                 "metrics": {"evaluation": {"test": {"accuracy": 0.75}}, "tuning": {"adopted": false, "test": {"accuracy": 0.75}}}}
                """.replace("TRAINING", training("knn")));
        RunDiff diff = RunDiff.of(untuned, newerThresholdRun());
        assertEquals("knn", diff.finalA());
        RunDiff.Row first = diff.metrics().get(0);
        assertEquals("final.test.accuracy", first.path());
        assertEquals(0.81 - 0.75, first.change(), 1e-12);
    }

    @Test
    void theCommandPrintsTheFinalModelOfEachRun() throws IOException {
        Cli cli = Cli.run("compare", olderTunedRun().toString(), newerThresholdRun().toString());
        assertEquals(0, cli.exitCode(), cli.err());
        assertTrue(cli.out().contains("final model (what each bundle holds; metrics final.test.*):\n"
                + "  A: random_forest (adopted by tuning)\n  B: logistic_regression, threshold 0.3712 on '1' (f1)\n"), cli.out());
        String firstMetric = cli.out().lines().dropWhile(l -> !l.trim().startsWith("path")).skip(1).findFirst().orElseThrow();
        assertTrue(firstMetric.trim().startsWith("final.test.accuracy"), firstMetric);
        assertTrue(firstMetric.trim().endsWith("-0.0100"), firstMetric);
    }
}
