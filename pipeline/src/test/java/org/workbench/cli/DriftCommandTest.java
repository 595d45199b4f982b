package org.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workbench.core.Json;
import org.workbench.deployment.Bundle;
import org.workbench.deployment.TrainingProfile;

/**
 * {@code workbench drift} on the shipped titanic file: every other row passes, the men alone drift
 * (and --fail-on-drift exits 3), a bundle without a profile and a file without a column say so in one line.
 */
class DriftCommandTest {
    @TempDir
    static Path dir;
    static Path bundle;
    static Path unshifted;
    static Path shifted;

    @BeforeAll
    static void trainAndSlice() throws IOException {
        Cli cli = Cli.run("run", "../configs/titanic.yaml", "--out", dir.toString(), "--quiet");
        assertEquals(0, cli.exitCode(), cli.err());
        String line = cli.out().lines().filter(l -> l.startsWith("run folder: ")).findFirst().orElseThrow();
        bundle = Path.of(line.substring("run folder: ".length())).resolve("model.bundle");
        List<String> lines = Files.readAllLines(Path.of("../datasets/titanic/data.csv"));
        List<String> odd = new ArrayList<>(List.of(lines.get(0)));
        List<String> men = new ArrayList<>(List.of(lines.get(0)));
        for (int i = 1; i < lines.size(); i++) {
            if (i % 2 == 0) {
                odd.add(lines.get(i));
            }
            if (lines.get(i).contains(",male,")) {
                men.add(lines.get(i));
            }
        }
        unshifted = Files.write(dir.resolve("every-other-row.csv"), odd);
        shifted = Files.write(dir.resolve("men.csv"), men);
    }

    @Test
    void theProfileIsTheTrainingSplitsOnly() {
        TrainingProfile profile = Bundle.read(bundle).profile();
        // 891 rows, 20% held out: the 178 test rows are not in it
        assertEquals(713, profile.rows());
        TrainingProfile.Distribution sex = profile.column("Sex");
        assertEquals(713, sex.levels().values().stream().mapToLong(Long::longValue).sum() + sex.missing());
        assertEquals(713, profile.predictions().count());
        assertEquals(List.of("Pclass", "Sex", "Age", "SibSp", "Parch", "Fare", "Embarked"),
                profile.columns().stream().map(TrainingProfile.ColumnProfile::name).toList());
    }

    @Test
    void anUnshiftedBatchPasses() throws IOException {
        Path out = dir.resolve("drift-unshifted");
        Cli cli = Cli.run("drift", "--model", bundle.toString(), "--input", unshifted.toString(), "--out", out.toString(),
                "--fail-on-drift");
        assertEquals(0, cli.exitCode(), cli.err() + cli.out());
        assertTrue(cli.out().contains("\nno drift: 0 of 7 input columns drifted"), cli.out());
        JsonNode json = Json.MAPPER.readTree(out.resolve("drift.json").toFile());
        assertFalse(json.path("verdict").path("drift").asBoolean());
        assertEquals(445, json.path("rows").asInt());
        json.path("columns").forEach(c -> assertTrue(c.path("psi").asDouble() < 0.1, c.toString()));
        assertEquals("stable", json.path("predictions").path("status").asText());
        assertTrue(json.path("performance").path("now").has("f1_macro"), json.toString());
        assertTrue(Files.readString(out.resolve("drift.html")).contains("<svg"));
    }

    @Test
    void aShiftedBatchDriftsAndFailsWhenAsked() throws IOException {
        Path out = dir.resolve("drift-shifted");
        Cli plain = Cli.run("drift", "--model", bundle.toString(), "--input", shifted.toString(), "--out", out.toString());
        assertEquals(0, plain.exitCode(), plain.err());
        Cli cli = Cli.run("drift", "--model", bundle.toString(), "--input", shifted.toString(), "--out", out.toString(),
                "--fail-on-drift");
        assertEquals(ErrorHandler.DRIFT, cli.exitCode(), cli.err() + cli.out());
        assertTrue(cli.out().contains("\nDRIFT: 1 of 7 input columns drifted"), cli.out());
        JsonNode json = Json.MAPPER.readTree(out.resolve("drift.json").toFile());
        JsonNode verdict = json.path("verdict");
        assertTrue(verdict.path("drift").asBoolean());
        assertEquals("[\"Sex\"]", verdict.path("drifted_columns").toString());
        assertTrue(verdict.path("predictions_drifted").asBoolean());
        // the men's survival is far below the passengers' as a whole: the score falls, and the change is now - then
        JsonNode perf = json.path("performance");
        double change = perf.path("change").path("f1_macro").asDouble();
        assertEquals(perf.path("now").path("f1_macro").asDouble() - perf.path("at_training").path("f1_macro").asDouble(), change, 1e-12);
        assertTrue(change < -0.1, perf.toString());
        String html = Files.readString(out.resolve("drift.html"));
        assertTrue(html.contains("aria-label=\"training and new shares of Sex\""), "a chart for the drifted column");
        assertTrue(html.contains("aria-label=\"training and new shares of predictions\""));
        assertFalse(html.contains("http://") || html.contains("https://") || html.contains("<script"));
    }

    @Test
    void aBundleWithoutAProfileSaysSoInOneLine() throws IOException {
        Path old = dir.resolve("old.bundle");
        Bundle current = Bundle.read(bundle);
        new Bundle(current.manifest(), current.recipe(), current.model()).write(old); // as written before profiles
        assertNull(Bundle.read(old).profile());
        Cli predict = Cli.run("predict", "--model", old.toString(), "--input", unshifted.toString(), "--output",
                dir.resolve("old-scored.csv").toString());
        assertEquals(0, predict.exitCode(), predict.err()); // an older bundle still scores
        Cli cli = Cli.run("drift", "--model", old.toString(), "--input", unshifted.toString(), "--out", dir.resolve("old").toString());
        assertEquals(ErrorHandler.BAD_INPUT, cli.exitCode());
        assertEquals(1, cli.err().lines().count(), cli.err());
        assertTrue(cli.err().startsWith("error: " + old + ": this bundle has no training profile"), cli.err());
        assertTrue(cli.err().contains("workbench run CONFIG.yaml (config 'titanic'"), cli.err());
    }

    @Test
    void aMissingColumnIsBadInput() throws IOException {
        List<String> lines = Files.readAllLines(unshifted);
        Path noFare = Files.write(dir.resolve("no-fare.csv"), lines.stream().map(l -> l.replace("Fare", "Price")).toList());
        Cli cli = Cli.run("drift", "--model", bundle.toString(), "--input", noFare.toString(), "--out", dir.resolve("x").toString());
        assertEquals(ErrorHandler.BAD_INPUT, cli.exitCode());
        assertEquals(1, cli.err().lines().count(), cli.err());
        assertTrue(cli.err().contains("missing column [Fare] needed by the model"), cli.err());
    }
}
