package org.workbench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Same config + same data + same seed = the same metrics and predictions, byte for byte. */
class DeterminismTest {
    @TempDir
    Path out;

    @Test
    void sameSeedGivesIdenticalMetricsAndPredictions() throws IOException {
        Path config = Path.of("../configs/titanic.yaml");
        Path first = Runner.run(ConfigLoader.load(config, List.of()), out, null, r -> { }).dir();
        Path second = Runner.run(ConfigLoader.load(config, List.of()), out, null, r -> { }).dir();
        assertNotEquals(first, second, "each run gets its own folder");
        assertEquals(Files.readString(first.resolve("metrics.json")), Files.readString(second.resolve("metrics.json")));
        assertEquals(Files.readString(first.resolve("predictions.csv")), Files.readString(second.resolve("predictions.csv")));

        Path other = Runner.run(ConfigLoader.load(config, List.of("seed=7")), out, null, r -> { }).dir();
        assertNotEquals(Files.readString(first.resolve("predictions.csv")), Files.readString(other.resolve("predictions.csv")),
                "another seed gives another split");
    }
}
