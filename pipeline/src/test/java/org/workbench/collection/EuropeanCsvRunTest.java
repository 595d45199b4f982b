package org.workbench.collection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workbench.cli.Cli;
import org.workbench.run.PredictionFiles;
import org.workbench.table.AirLikeFile;

/**
 * A ';' export with decimal commas, a -200 missing code and trailing ';;' runs end to end with no
 * dialect in the config, and its bundle scores the same file the same way.
 */
class EuropeanCsvRunTest {
    @TempDir
    static Path dir;
    static Path runDir;
    static Cli run;

    @BeforeAll
    static void runIt() throws IOException {
        AirLikeFile.write(dir.resolve("cars.csv"));
        Path config = dir.resolve("cars.yaml");
        Files.writeString(config, "name: cars\nproblem: {target: mpg}\ndata: {source: cars.csv}\n"
                + "preprocess: {drop: [car_name]}\nevaluate: {cv_folds: 3}\n");
        run = Cli.run("run", config.toString(), "--out", dir.resolve("runs").toString(), "--quiet");
        assertEquals(0, run.exitCode(), run.err());
        String line = run.out().lines().filter(l -> l.startsWith("run folder: ")).findFirst().orElseThrow();
        runDir = Path.of(line.substring("run folder: ".length()));
    }

    @Test
    void theRunSaysHowItReadTheFileAndWarnsOfTheCode() throws IOException {
        JsonNode json = new ObjectMapper().readTree(runDir.resolve("run.json").toFile());
        JsonNode collection = null;
        for (JsonNode stage : json.path("stages")) {
            if (stage.path("stage").asText().equals("collection")) {
                collection = stage;
            }
        }
        String summary = collection.path("summary").asText();
        assertTrue(summary.startsWith("read 398 rows x 9 columns from cars.csv (';' delimited, decimal ',', sniffed, sha256 "),
                summary);
        JsonNode data = collection.path("data");
        assertEquals(";", data.path("dialect").path("delimiter").asText());
        assertEquals(",", data.path("dialect").path("decimal").asText());
        assertEquals("UTF-8", data.path("dialect").path("encoding").asText());
        assertTrue(collection.path("details").toString()
                .contains("dropped 2 columns with a blank name and no values (columns 10, 11)"));
        JsonNode warning = data.path("warnings").path(0);
        assertEquals("missing_code", warning.path("kind").asText());
        assertEquals(-200, warning.path("value").asDouble());
        // the profile holds the file's real values: 46.6 and 24.8 are not read as 466 and 248
        JsonNode columns = data.path("profile").path("columnProfiles");
        assertEquals("mpg", columns.path(0).path("name").asText());
        assertEquals(46.6, columns.path(0).path("max").asDouble());
        assertEquals(9.0, columns.path(0).path("min").asDouble());
        assertEquals("acceleration", columns.path(5).path("name").asText());
        assertEquals(24.6, columns.path(5).path("max").asDouble());
        assertEquals(-200, columns.path(5).path("min").asDouble());
    }

    @Test
    void predictReadsTheExportLikeTraining() throws IOException {
        Path output = dir.resolve("scored.csv");
        Cli cli = Cli.run("predict", "--model", runDir.resolve("model.bundle").toString(), "--input",
                dir.resolve("cars.csv").toString(), "--output", output.toString());
        assertEquals(0, cli.exitCode(), cli.err());
        List<String> expected = Files.readAllLines(runDir.resolve("predictions.csv")).stream()
                .map(PredictionFiles::withoutSplitAndTruth).toList();
        assertEquals(expected, Files.readAllLines(output));
        assertEquals(399, expected.size());
    }
}
