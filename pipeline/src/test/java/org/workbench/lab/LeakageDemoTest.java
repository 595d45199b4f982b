package org.workbench.lab;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workbench.run.ConfigLoader;
import org.workbench.core.Json;
import org.workbench.run.Runner;

/** The classroom leakage demo shows a leak a student cannot miss, with a significant difference. */
class LeakageDemoTest {
    @TempDir
    Path out;

    @Test
    void targetEncodingFittedBeforeTheSplitLooksFarBetterThanItIs() throws IOException {
        Path run = Runner.run(ConfigLoader.load(Path.of("../configs/demos/leakage.yaml"), List.of()), out, null, r -> { })
                .dir();
        JsonNode leak = Json.MAPPER.readTree(run.resolve("run.json").toFile())
                .path("stages").path(7).path("data").path("lab").path("leakage");
        double leaky = leak.path("leaky_mean").asDouble();
        double honest = leak.path("honest_mean").asDouble();
        assertTrue(leaky > 0.95, "the leaky estimate is nearly perfect: " + leaky);
        assertTrue(leaky - honest > 0.1, "leaky " + leaky + " vs honest " + honest);
        assertTrue(leak.path("p_value").asDouble() < 0.01, "significant: " + leak);
    }
}
