package org.workbench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.workbench.config.PipelineConfig;
import org.workbench.stage.StageCache;
import org.workbench.stage.StageResult;
import org.workbench.deployment.BatchScorer;
import org.workbench.deployment.Bundle;
import org.workbench.deployment.DeploymentStage;
import org.workbench.deployment.PredictionsCsv;
import org.workbench.core.Json;
import org.workbench.report.RunRecord;
import org.workbench.report.RunSchemas;
import org.workbench.evaluation.EvaluateConfig;
import org.workbench.table.DataConfig;

/**
 * Every shipped config (the classroom demos included) runs all nine stages, writes every output,
 * reads its run.json back as a RunRecord that writes the same bytes, fits the published schemas, clears
 * its quality bar, records the bundle's model in metrics.json's final block, and its bundle replays the
 * run's own predictions exactly on the raw CSV.
 */
class ShippedConfigsTest {
    @TempDir
    static Path out;
    @TempDir
    static Path cacheDir;

    static Stream<String> configs() throws IOException {
        List<String> names = new java.util.ArrayList<>();
        for (String folder : List.of("../configs", "../configs/demos")) {
            try (Stream<Path> files = Files.list(Path.of(folder))) {
                files.filter(p -> p.toString().endsWith(".yaml")).map(p -> Path.of("../configs").relativize(p).toString())
                        .sorted().forEach(names::add);
            }
        }
        return names.stream();
    }

    @org.junit.jupiter.api.Test
    void theSetHoldsAThresholdConfigAndATunedOne() throws IOException {
        List<String> names = configs().toList();
        assertTrue(names.contains("titanic_threshold.yaml") && names.contains("titanic_tune.yaml")
                && names.contains("demos/tuning.yaml"), names.toString());
        assertEquals("f1", ConfigLoader.load(Path.of("../configs/titanic_threshold.yaml"), List.of()).section(EvaluateConfig.class).threshold());
    }

    @ParameterizedTest
    @MethodSource("configs")
    void runsEndToEndAndReplays(String name) throws IOException, InterruptedException {
        PipelineConfig config = ConfigLoader.load(Path.of("../configs", name), List.of());
        List<String> cacheWarnings = new java.util.concurrent.CopyOnWriteArrayList<>();
        StageCache cache = new StageCache(cacheDir, StageCache.DEFAULT_SIZE, cacheWarnings::add);
        Runner.Outcome outcome = Runner.run(config, out, null, r -> { }, c -> { }, cache);
        List<StageResult> results = outcome.results();
        assertEquals(List.of("definition", "collection", "preprocessing", "features", "selection", "training",
                "evaluation", "tuning", "deployment"), results.stream().map(StageResult::stage).toList());
        for (String file : List.of("run.json", "metrics.json", "report.md", "predictions.csv", "model.bundle")) {
            assertTrue(Files.size(outcome.dir().resolve(file)) > 0, file);
        }
        // run.json reads back as a RunRecord that writes the same bytes, and both files fit their published schemas
        RunRecord record = RunRecord.read(outcome.dir());
        assertEquals(Files.readString(outcome.dir().resolve("run.json")), record.json() + "\n", name);
        assertEquals(Files.readString(outcome.dir().resolve("metrics.json")), Json.write(record.metrics()) + "\n", name);
        assertEquals(List.of(), RunSchemas.problems(outcome.dir()), name);
        JsonNode all = Json.MAPPER.readTree(outcome.dir().resolve("metrics.json").toFile());
        JsonNode metrics = all.path("evaluation");
        // report.html answers first: the headline box is the page's first section and names the final model
        String html = Files.readString(outcome.dir().resolve("report.html"));
        assertEquals(html.indexOf("<section "), html.indexOf("<section id=\"headline\" class=\"headline\">"), name);
        String headline = html.substring(html.indexOf("<section "), html.indexOf("</section>"));
        assertTrue(headline.contains("<b>" + all.path("final").path("model").asText() + "</b>"), headline);
        qualityBar(config.name(), metrics);
        finalBlock(config.name(), all);

        // the bundle, fed the raw CSV, reproduces the run's predictions for every row
        Bundle bundle = Bundle.read(outcome.dir().resolve(DeploymentStage.BUNDLE_FILE));
        BatchScorer.Result scored = BatchScorer.score(bundle, config.section(DataConfig.class).source());
        String expected = Files.readString(outcome.dir().resolve("predictions.csv")).lines()
                .map(PredictionFiles::withoutSplitAndTruth).map(line -> line + "\n").collect(java.util.stream.Collectors.joining());
        String actual = PredictionsCsv.render(scored.rowNumbers(), scored.predictions(), java.util.Map.of());
        assertEquals(expected, actual, "bundle replay differs from in-run predictions for " + name);
        // and workbench serve answers the same rows, sent as CSV and as JSON, exactly as predict does
        org.workbench.serving.ServeParity.check(bundle, outcome.dir().resolve(DeploymentStage.BUNDLE_FILE), config.section(DataConfig.class).source());

        // run again: every stage comes from the stage cache, and the files stages made are the same bytes
        Runner.Outcome again = Runner.run(config, out, null, r -> { }, c -> { }, cache);
        assertEquals(java.util.Collections.nCopies(9, true), again.results().stream().map(StageResult::fromCache).toList(), name);
        assertEquals(List.of(), cacheWarnings, name);
        List<String> files = new java.util.ArrayList<>(List.of("metrics.json", "predictions.csv", "model.bundle", "report.md"));
        if (Files.exists(outcome.dir().resolve("tuned.yaml"))) {
            files.add("tuned.yaml");
        }
        for (String file : files) {
            assertEquals(-1L, Files.mismatch(outcome.dir().resolve(file), again.dir().resolve(file)), name + ": " + file);
        }
        // its files were copied from the cache, and run.json and report.html differ only in the run's times and cache flags
        assertTrue(again.context().find(org.workbench.collection.CollectionStage.RAW_TRAIN).isEmpty(), name);
        for (String file : List.of("run.json", "report.html")) {
            assertEquals(CachedRunTest.withoutRunFacts(outcome.dir().resolve(file)), CachedRunTest.withoutRunFacts(again.dir().resolve(file)),
                    name + ": " + file);
        }
        // the restored stages report what they reported when they ran
        assertEquals(RunRecord.read(outcome.dir()).stages().stream().map(StageResult::summary).toList(),
                RunRecord.read(again.dir()).stages().stream().map(StageResult::summary).toList(), name);
    }


    /** The final block is the model the bundle holds, scored as the stage that decided it scored it. */
    private static void finalBlock(String name, JsonNode all) {
        JsonNode f = all.path("final");
        boolean adopted = all.path("tuning").path("adopted").asBoolean(false);
        assertEquals(adopted, f.path("tuned").asBoolean(), name);
        JsonNode threshold = all.path("evaluation").path("threshold");
        if (adopted) {
            assertEquals(all.path("tuning").path("test"), f.path("test"), name);
        } else if (threshold.isObject()) {
            assertEquals(threshold.path("test"), f.path("test"), name);
            assertEquals(threshold.path("value"), f.path("threshold").path("value"), name);
        } else {
            assertEquals(all.path("evaluation").path("test"), f.path("test"), name);
        }
        assertEquals(threshold.isObject() || f.path("threshold").isObject(), !f.path("threshold").isNull(), name);
    }

    private static void qualityBar(String name, JsonNode m) {
        double acc = m.path("test").path("accuracy").asDouble(Double.NaN);
        switch (name) {
            case "iris" -> assertTrue(acc >= 0.90, "iris accuracy " + acc);
            case "wine", "wine_pca" -> assertTrue(acc >= 0.90, name + " accuracy " + acc);
            case "breast_cancer_wisconsin" -> assertTrue(acc >= 0.93, "breast cancer accuracy " + acc);
            case "titanic" -> assertTrue(acc >= 0.75, "titanic accuracy " + acc);
            case "penguins" -> assertTrue(acc >= 0.95, "penguins accuracy " + acc);
            case "adult" -> assertTrue(acc >= 0.80, "adult accuracy " + acc);
            case "iris_kmeans" -> {
                assertTrue(m.path("test").path("ari").asDouble() >= 0.6, "iris k-means test ARI " + m.path("test"));
                assertTrue(m.path("all_rows").path("ari").asDouble() >= 0.6, "iris k-means ARI " + m.path("all_rows"));
                assertEquals(0.0, m.path("baseline").path("ari").asDouble(), 1e-12);
                assertEquals(3, m.path("all_rows_report").path("clusters").asInt());
            }
            case "penguins_hdbscan" -> {
                assertTrue(m.path("all_rows").path("ari").asDouble() >= 0.5, "penguins HDBSCAN ARI " + m.path("all_rows"));
                assertTrue(m.path("all_rows_report").path("clusters").asInt() >= 2, m.path("all_rows_report").toString());
            }
            case "auto_mpg", "california_housing" -> {
                double rmse = m.path("test").path("rmse").asDouble();
                double baseline = m.path("baseline").path("rmse").asDouble();
                assertTrue(rmse < 0.6 * baseline, name + " rmse " + rmse + " vs baseline " + baseline);
            }
            default -> assertTrue(m.path("test").size() > 0, name + " has test metrics");
        }
    }
}
