package org.workbench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workbench.config.ConfigException;
import org.workbench.config.PipelineConfig;
import org.workbench.core.Json;
import org.workbench.definition.DefinitionStage;
import org.workbench.deployment.BatchScorer;
import org.workbench.deployment.Bundle;
import org.workbench.deployment.DeploymentStage;
import org.workbench.deployment.PredictionsCsv;
import org.workbench.features.Pca;
import org.workbench.table.CsvSource;
import org.workbench.table.DataConfig;

/**
 * The shipped {@code wine_pca.yaml}: principal components keep at least 95% of the variance with fewer
 * columns than wine's 13, cross-validated accuracy stays within 0.03 of the same config without them,
 * the bundle replays the run's predictions on the raw rows and the report draws the explained variance.
 * Linear discriminants are refused before fitting when there are no classes.
 */
class ProjectionRunTest {
    private static final Path WINE_PCA = Path.of("../configs/wine_pca.yaml");

    @TempDir
    Path out;

    @Test
    void winePcaKeepsTheVarianceWithFewerColumnsAndTheAccuracy() throws IOException {
        PipelineConfig config = ConfigLoader.load(WINE_PCA, List.of());
        Runner.Outcome with = Runner.run(config, out.resolve("with"), null, r -> { });
        Runner.Outcome without = Runner.run(ConfigLoader.load(WINE_PCA, List.of("features.pca=null")), out.resolve("without"),
                null, r -> { });

        Bundle bundle = Bundle.read(with.dir().resolve(DeploymentStage.BUNDLE_FILE));
        Pca.Fitted pca = bundle.recipe().steps().stream().filter(Pca.Fitted.class::isInstance).map(Pca.Fitted.class::cast)
                .findFirst().orElseThrow();
        assertTrue(pca.keptVariance() >= 0.95, "kept " + pca.keptVariance());
        assertEquals(13, pca.columns().size());
        assertTrue(pca.components().size() < 13, pca.summary());
        assertEquals(10, pca.components().size());
        assertTrue(Bundle.read(without.dir().resolve(DeploymentStage.BUNDLE_FILE)).recipe().steps().stream()
                .noneMatch(Pca.Fitted.class::isInstance));

        double cvWith = cvAccuracy(with.dir());
        double cvWithout = cvAccuracy(without.dir());
        assertTrue(Math.abs(cvWith - cvWithout) <= 0.03, "CV accuracy " + cvWith + " with pca, " + cvWithout + " without");
        assertTrue(cvWith >= 0.95, "CV accuracy " + cvWith);

        // the bundle, fed the raw CSV, gives the run's own predictions for every row
        BatchScorer.Result scored = BatchScorer.score(bundle, config.section(DataConfig.class).source());
        String expected = Files.readString(with.dir().resolve("predictions.csv")).lines()
                .map(PredictionFiles::withoutSplitAndTruth).map(line -> line + "\n").collect(java.util.stream.Collectors.joining());
        assertEquals(expected, PredictionsCsv.render(scored.rowNumbers(), scored.predictions(), java.util.Map.of()));

        String html = Files.readString(with.dir().resolve("report.html"));
        assertTrue(html.contains("<figure id=\"explained-variance\"><svg role=\"img\" aria-label=\"explained variance\""), "chart");
        assertTrue(!Files.readString(without.dir().resolve("report.html")).contains("explained-variance"));
    }

    private static double cvAccuracy(Path run) throws IOException {
        JsonNode metrics = Json.MAPPER.readTree(run.resolve("metrics.json").toFile());
        return metrics.path("evaluation").path("cv").path("accuracy").get(0).asDouble();
    }

    @Test
    void badComponentSettingsAreOneLineErrorsNamingTheKey() {
        for (String value : List.of("0", "1.5", "-2", "\"many\"", "1.0")) {
            ConfigException e = assertThrows(ConfigException.class,
                    () -> ConfigLoader.load(WINE_PCA, List.of("features.pca.components=" + value)));
            assertEquals("features.pca.components", e.path(), value);
            assertTrue(e.getMessage().contains("expected a number of components (an integer >= 1) or a share of the variance"
                    + " between 0 and 1 (e.g. 0.95), got "), e.getMessage());
        }
        ConfigException lda = assertThrows(ConfigException.class, () -> ConfigLoader.load(WINE_PCA,
                List.of("features.lda={components: -1}")));
        assertEquals("features.lda.components", lda.path());
        ConfigException unknown = assertThrows(ConfigException.class, () -> ConfigLoader.load(WINE_PCA,
                List.of("features.pca={component: 3}")));
        assertEquals("features.pca.component", unknown.path());
    }

    @Test
    void discriminantsAreRefusedBeforeFittingWithoutClasses() {
        PipelineConfig regression = ConfigLoader.load(Path.of("../configs/auto_mpg.yaml"), List.of("features.lda={}"));
        ConfigException e = assertThrows(ConfigException.class, () -> DefinitionStage.check(regression,
                CsvSource.read(regression.section(DataConfig.class)), Preflight.CHECK));
        assertEquals("features.lda: linear discriminants need a classification target, and 'mpg' is a regression target;"
                + " use features.pca", e.getMessage());
        PipelineConfig clustering = ConfigLoader.load(Path.of("../configs/iris_kmeans.yaml"), List.of("features.lda={}"));
        ConfigException c = assertThrows(ConfigException.class, () -> DefinitionStage.check(clustering,
                CsvSource.read(clustering.section(DataConfig.class)), Preflight.CHECK));
        assertEquals("features.lda", c.path());
        assertTrue(c.getMessage().endsWith("clustering has no target"), c.getMessage());
    }
}
