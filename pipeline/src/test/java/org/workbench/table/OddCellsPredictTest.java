package org.workbench.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workbench.cli.Cli;
import org.workbench.run.PredictionFiles;

/**
 * A number column with a few odd cells is read with them missing when training; predict reads the
 * same file the same way (missing, with the warning in its notes) instead of refusing the cells.
 */
class OddCellsPredictTest {
    @TempDir
    Path dir;

    @Test
    void predictAcceptsWhatTrainingAccepted() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(Path.of("../datasets/iris/data.csv")));
        for (int row : new int[] {9, 49, 99, 139}) {
            String[] fields = lines.get(row).split(",");
            fields[2] = "unknown";
            lines.set(row, String.join(",", fields));
        }
        Path data = Files.write(dir.resolve("odd.csv"), lines);
        Path config = Files.writeString(dir.resolve("odd.yaml"), "problem: {target: species}\ndata: {source: odd.csv}\n"
                + "evaluate: {cv_folds: 0}\n");
        Cli run = Cli.run("run", config.toString(), "--out", dir.resolve("runs").toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("column 'petal_length' is numeric except for 4 cells (\"unknown\" x4"), run.out());
        Path runDir;
        try (Stream<Path> runs = Files.list(dir.resolve("runs").resolve("odd"))) {
            runDir = runs.findFirst().orElseThrow();
        }

        Path scored = dir.resolve("scored.csv");
        Cli predict = Cli.run("predict", "--model", runDir.resolve("model.bundle").toString(), "--input", data.toString(),
                "--output", scored.toString());
        assertEquals(0, predict.exitCode(), predict.err());
        assertTrue((predict.out() + predict.err()).contains("column 'petal_length' is numeric except for 4 cells"),
                predict.out() + predict.err());
        List<String> expected = Files.readAllLines(runDir.resolve("predictions.csv")).stream()
                .map(PredictionFiles::withoutSplitAndTruth).toList();
        assertEquals(expected, Files.readAllLines(scored));
    }
}
