package org.workbench.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.workbench.recipe.FittedStep;
import org.workbench.training.AllSteps;

/**
 * Bundles written by an earlier version (src/test/resources/bundles, see its README) still load,
 * write their recipe back as the very same JSON, and predict what that version predicted.
 */
class SavedBundlesTest {
    private static final Path SAVED = Path.of("src/test/resources/bundles");

    @TempDir
    static Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"titanic_features", "titanic_more_steps"})
    void anOlderBundleLoadsAndWritesTheSameRecipeJson(String name) throws IOException {
        Path file = SAVED.resolve(name + ".saved-bundle");
        Bundle bundle = Bundle.read(file);
        String saved = new String(entry(file, Bundle.RECIPE), StandardCharsets.UTF_8);
        assertEquals(saved, AllSteps.JSON.toJson(bundle.recipe()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"titanic_features", "titanic_more_steps"})
    void anOlderBundlePredictsWhatItPredictedThen(String name) throws IOException {
        Path rows = dir.resolve("rows.csv");
        List<String> lines = Files.readAllLines(Path.of("../datasets/titanic/data.csv"), StandardCharsets.UTF_8);
        Files.write(rows, lines.subList(0, 61), StandardCharsets.UTF_8);
        BatchScorer.Result result = BatchScorer.score(Bundle.read(SAVED.resolve(name + ".saved-bundle")), rows);
        String expected = Files.readString(SAVED.resolve(name + ".predictions.csv"), StandardCharsets.UTF_8);
        assertEquals(expected, PredictionsCsv.render(result.rowNumbers(), result.predictions(), Map.of()));
    }

    /** The type names written into bundles never change; these two hold every one but "dates". */
    @Test
    void theSavedBundlesHoldTheirStepsUnderTheNamesBundlesKnow() {
        Map<Class<?>, String> names = new HashMap<>();
        AllSteps.JSON.types().forEach((typeName, type) -> names.put(type, typeName));
        Set<String> saved = new TreeSet<>();
        for (String name : List.of("titanic_features", "titanic_more_steps")) {
            for (FittedStep step : Bundle.read(SAVED.resolve(name + ".saved-bundle")).recipe().steps()) {
                saved.add(names.get(step.getClass()));
            }
        }
        assertEquals(new TreeSet<>(List.of("bin", "derive", "drop_columns", "drop_duplicates", "frequency", "impute",
                "onehot", "ordinal", "outliers", "polynomial", "scale", "select", "select_scored", "target_encode",
                "transform")), saved);
    }

    private static byte[] entry(Path bundle, String name) throws IOException {
        try (InputStream in = Files.newInputStream(bundle); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().equals(name)) {
                    return zip.readAllBytes();
                }
            }
        }
        throw new AssertionError(bundle + " has no " + name);
    }
}
