package org.workbench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workbench.deployment.BatchScorer;
import org.workbench.deployment.Bundle;
import org.workbench.deployment.DeploymentStage;
import org.workbench.deployment.PredictionsCsv;
import org.workbench.training.TrainedModel;
import org.workbench.core.Json;
import org.workbench.evaluation.FinalModel;

/** Clustering runs end to end: without any label column, and with one that only scores agreement. */
class ClusteringRunTest {
    @TempDir
    Path dir;

    /** Three tight blobs of 60 rows in (x, y), a text column, and 4 rows far from everything. */
    private Path blobs() throws IOException {
        Random random = new Random(11);
        StringBuilder csv = new StringBuilder("x,y,colour\n");
        double[][] centres = {{0, 0}, {8, 0}, {0, 8}};
        for (int i = 0; i < 180; i++) {
            double[] c = centres[i % 3];
            csv.append(String.format(Locale.ROOT, "%.4f,%.4f,%s%n", c[0] + random.nextGaussian() * 0.4,
                    c[1] + random.nextGaussian() * 0.4, i % 2 == 0 ? "red" : "blue"));
        }
        csv.append("40,40,red\n-40,35,blue\n35,-40,red\n-30,-30,blue\n");
        Path data = dir.resolve("blobs.csv");
        Files.writeString(data, csv.toString());
        return data;
    }

    @Test
    void hdbscanWithoutALabelColumnClustersScoresAndReplays() throws IOException {
        Path data = blobs();
        Path config = dir.resolve("blobs.yaml");
        Files.writeString(config, """
                name: blobs
                problem: {task: clustering}
                data: {source: blobs.csv}
                preprocess: {scale: none, drop: [colour]}
                train: {model: hdbscan, params: {min_cluster_size: 10}}
                seed: 5
                """);
        Runner.Outcome outcome = Runner.run(ConfigLoader.load(config, List.of()), dir.resolve("out"), null, r -> { });
        JsonNode m = Json.MAPPER.readTree(outcome.dir().resolve("metrics.json").toFile()).path("evaluation");
        assertEquals(List.of("silhouette", "wcss"), names(m.path("test")), "no label: no ARI or NMI");
        assertEquals(3, m.path("all_rows_report").path("clusters").asInt());
        assertEquals(4, m.path("all_rows_report").path("noise").asInt());
        assertEquals(184, m.path("all_rows_report").path("rows").asInt());
        assertEquals(0, m.path("all_rows_report").path("labelled_rows").asInt());
        assertTrue(m.path("all_rows").path("silhouette").asDouble() > 0.8, m.path("all_rows").toString());
        assertEquals("not applicable: clustering has no target to cross-validate against", m.path("cv_note").asText());
        assertEquals(0, m.path("cv_folds").size());

        List<String> lines = Files.readAllLines(outcome.dir().resolve("predictions.csv"));
        assertEquals("row,prediction,split,truth", lines.get(0));
        assertEquals(185, lines.size());
        for (String far : lines.subList(181, 185)) {
            assertTrue(far.matches("\\d+," + TrainedModel.NOISE + ",(train|test),"), far);
        }
        String report = Files.readString(outcome.dir().resolve("report.md"));
        assertTrue(report.contains("Cross-validation does not apply to clustering"), report);

        Bundle bundle = Bundle.read(outcome.dir().resolve(DeploymentStage.BUNDLE_FILE));
        assertEquals("clustering", bundle.manifest().task());
        BatchScorer.Result scored = BatchScorer.score(bundle, data);
        String expected = String.join("\n", lines.stream().map(PredictionFiles::withoutSplitAndTruth).toList()) + "\n";
        assertEquals(expected, PredictionsCsv.render(scored.rowNumbers(), scored.predictions(), java.util.Map.of()));
    }

    @Test
    void aLabelColumnIsNeverAFeatureAndUnlabelledRowsAreKept() throws IOException {
        List<String> iris = Files.readAllLines(Path.of("../datasets/iris/data.csv"));
        StringBuilder csv = new StringBuilder(iris.get(0)).append('\n');
        for (int i = 1; i < iris.size(); i++) {
            String line = iris.get(i);
            // every tenth flower has no species recorded
            csv.append(i % 10 == 0 ? line.substring(0, line.lastIndexOf(',') + 1) : line).append('\n');
        }
        Files.writeString(dir.resolve("iris.csv"), csv.toString());
        Path config = dir.resolve("iris.yaml");
        Files.writeString(config, """
                name: iris_partly_labelled
                problem: {task: clustering, target: species, metric: nmi}
                data: {source: iris.csv}
                preprocess: {scale: none}
                train: {model: kmeans, params: {k: 3}}
                evaluate: {cv_folds: 0}
                """);
        Runner.Outcome outcome = Runner.run(ConfigLoader.load(config, List.of()), dir.resolve("out"), null, r -> { });
        JsonNode m = Json.MAPPER.readTree(outcome.dir().resolve("metrics.json").toFile()).path("evaluation");
        assertEquals(150, m.path("all_rows_report").path("rows").asInt(), "rows without a label are clustered too");
        assertEquals(135, m.path("all_rows_report").path("labelled_rows").asInt());
        assertTrue(m.path("all_rows").path("nmi").asDouble() > 0.7, m.path("all_rows").toString());
        TrainedModel model = FinalModel.find(outcome.context()).orElseThrow().trainedModel();
        assertEquals(List.of("petal_length", "petal_width", "sepal_length", "sepal_width"), model.featureNames());
        // each row predicted once: test, training, "all rows" and predictions.csv share the same predictions
        assertEquals(150, model.predictedRows());
        Bundle bundle = Bundle.read(outcome.dir().resolve(DeploymentStage.BUNDLE_FILE));
        assertFalse(bundle.manifest().requiredColumns().contains("species"));
        assertEquals("Iris-setosa", Files.readAllLines(outcome.dir().resolve("predictions.csv")).get(1).split(",")[3]);
        assertEquals(4, Files.readAllLines(outcome.dir().resolve("predictions.csv")).get(10).split(",", -1).length);
    }

    private static List<String> names(JsonNode node) {
        List<String> out = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
