package org.workbench.deployment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workbench.run.ConfigLoader;
import org.workbench.core.InputException;
import org.workbench.data.Predictions;
import org.workbench.recipe.ApplyLog;
import org.workbench.run.Runner;

class BundleTest {
    @TempDir
    static Path dir;
    static Path bundleFile;

    @BeforeAll
    static void runPenguins() {
        // penguins: NA markers, imputation and one-hot encoding all have to be replayed
        Path run = Runner.run(ConfigLoader.load(Path.of("../configs/penguins.yaml"), List.of("evaluate.cv_folds=0")),
                dir, null, r -> { }).dir();
        bundleFile = run.resolve(DeploymentStage.BUNDLE_FILE);
    }

    @Test
    void readsBackWhatWasWritten() throws IOException {
        Bundle bundle = Bundle.read(bundleFile);
        Manifest m = bundle.manifest();
        assertEquals(Manifest.FORMAT, m.format());
        assertEquals("classification", m.task());
        assertEquals("species", m.target());
        assertEquals(List.of("Adelie", "Chinstrap", "Gentoo"), m.classes());
        assertEquals(List.of("island", "bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g", "sex", "year"),
                m.requiredColumns());
        assertEquals(64, m.dataSha256().length());
        assertEquals(42, m.seed());
        assertEquals("4.3.2", m.versions().get("tribuo"));
        assertTrue(m.testMetrics().get("accuracy") > 0.95, "test accuracy recorded: " + m.testMetrics());

        // writing the same bundle again gives the same bytes (fixed zip entry times)
        Path copy = dir.resolve("copy.bundle");
        bundle.write(copy);
        Path again = dir.resolve("again.bundle");
        Bundle.read(copy).write(again);
        assertArrayEquals(Files.readAllBytes(copy), Files.readAllBytes(again));
    }

    @Test
    void scoresRawRowsWithMissingValuesAndNotesWhatItHandled() throws IOException {
        Path input = dir.resolve("new.csv");
        Files.writeString(input, "species,island,bill_length_mm,bill_depth_mm,flipper_length_mm,body_mass_g,sex,year\n"
                + "?,Biscoe,50.0,15.0,220,5500,male,2008\n"
                + "?,Dream,NA,NA,NA,NA,NA,2009\n"
                + "?,Atlantis,39.0,18.0,190,3700,female,2008\n");
        BatchScorer.Result r = BatchScorer.score(Bundle.read(bundleFile), input);
        assertArrayEquals(new int[] {1, 2, 3}, r.rowNumbers());
        Predictions p = r.predictions();
        assertEquals("Gentoo", p.labels()[0]);
        assertEquals(3, p.probabilities().length);
        for (double[] row : p.probabilities()) {
            assertEquals(1.0, row[0] + row[1] + row[2], 1e-9);
        }
        String notes = String.join("\n", r.notes());
        assertTrue(notes.contains("scored 3 rows"), notes);
        assertTrue(notes.contains("ignored the target column 'species'"), notes);
        assertTrue(notes.contains("unseen"), "the unseen island is counted: " + notes);
    }

    @Test
    void aBundleWrittenBeforeThresholdsExistedLabelsByTheMostProbableClass() throws IOException {
        Bundle bundle = Bundle.read(bundleFile);
        assertNull(bundle.manifest().threshold(), "penguins has three classes: no threshold");
        // the same bundle as an older version wrote it: no threshold field in manifest.json at all
        Path older = dir.resolve("older.bundle");
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(bundleFile));
             ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(older))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                if (e.getName().equals(Bundle.MANIFEST)) {
                    var manifest = (com.fasterxml.jackson.databind.node.ObjectNode) org.workbench.core.Json.MAPPER.readTree(content);
                    assertTrue(manifest.has("threshold"));
                    manifest.remove("threshold");
                    manifest.remove("integrity"); // nor entry hashes: format 1
                    manifest.put("format", 1);
                    content = org.workbench.core.Json.write(manifest).getBytes(StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new ZipEntry(e.getName()));
                zip.write(content);
                zip.closeEntry();
            }
        }
        Path input = Path.of("../datasets/penguins/data.csv");
        BatchScorer.Result now = BatchScorer.score(bundle, input);
        BatchScorer.Result before = BatchScorer.score(Bundle.read(older), input);
        assertNull(Bundle.read(older).manifest().threshold());
        assertArrayEquals(now.predictions().labels(), before.predictions().labels());
    }

    @Test
    void aZipWithoutTheModelIsNotABundle() throws IOException {
        Path fake = dir.resolve("fake.bundle");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(fake))) {
            zip.putNextEntry(new ZipEntry("manifest.json"));
            zip.write("{}".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        InputException e = assertThrows(InputException.class, () -> Bundle.read(fake));
        assertEquals(fake + ": not a model bundle (no recipe.json inside)", e.getMessage());
        InputException missing = assertThrows(InputException.class, () -> Bundle.read(dir.resolve("none.bundle")));
        assertEquals(dir.resolve("none.bundle") + ": model bundle not found", missing.getMessage());
    }

    @Test
    void predictionsCsvQuotesOnlyWhatNeedsIt() {
        Predictions p = Predictions.classification(new String[] {"a,b", "say \"hi\""},
                new double[][] {{0.25, 0.75}, {1.0, 0.0}}, List.of("a,b", "say \"hi\""));
        Map<String, String[]> extra = new LinkedHashMap<>();
        extra.put("split", new String[] {"test", "train"});
        assertEquals("row,prediction,\"prob_a,b\",\"prob_say \"\"hi\"\"\",split\n"
                + "1,\"a,b\",0.25,0.75,test\n"
                + "2,\"say \"\"hi\"\"\",1.0,0.0,train\n", PredictionsCsv.render(new int[] {1, 2}, p, extra));
    }

    @Test
    void replayingTheRecipeNeverChangesItsInput() {
        Bundle bundle = Bundle.read(bundleFile);
        var table = tech.tablesaw.api.Table.create("t",
                tech.tablesaw.api.StringColumn.create("island", "Dream"),
                tech.tablesaw.api.DoubleColumn.create("bill_length_mm", 45.0),
                tech.tablesaw.api.DoubleColumn.create("bill_depth_mm", Double.NaN),
                tech.tablesaw.api.DoubleColumn.create("flipper_length_mm", 200.0),
                tech.tablesaw.api.DoubleColumn.create("body_mass_g", 4000.0),
                tech.tablesaw.api.StringColumn.create("sex", ""),
                tech.tablesaw.api.DoubleColumn.create("year", 2008.0));
        String before = table.print();
        bundle.predict(table, new ApplyLog());
        assertEquals(before, table.print());
    }
}
