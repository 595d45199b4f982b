package org.workbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workbench.cli.Cli;
import org.workbench.run.ConfigLoader;
import org.workbench.core.Json;
import org.workbench.run.Runner;

/**
 * Every run writes a self-contained report.html with a section for every stage it ran and a figure
 * for everything the run measured; {@code workbench report} re-renders it from run.json and
 * {@code workbench compare} diffs two runs.
 */
class HtmlReportTest {
    @TempDir
    static Path out;
    static Path classification;
    static Path regression;

    @BeforeAll
    static void runs() {
        classification = Runner.run(ConfigLoader.load(Path.of("../configs/demos/overfitting.yaml"), List.of(
                "tune.lab.validation_curve.values=[1, 3, 6]", "tune.enabled=true", "tune.cv_folds=3",
                "tune.grid={train.params.max_depth: [3, 5]}", "tune.lab.leakage=true")), out, null, r -> { }).dir();
        regression = Runner.run(ConfigLoader.load(Path.of("../configs/demos/underfitting.yaml"), List.of(
                "tune.lab.validation_curve.values=[1, 3]", "tune.lab.bias_variance.rounds=3")), out, null, r -> { }).dir();
    }

    private static String html(Path dir) throws IOException {
        return Files.readString(dir.resolve(HtmlReport.FILE));
    }

    @Test
    void theReportIsSelfContained() throws IOException {
        for (Path dir : List.of(classification, regression)) {
            String html = html(dir);
            assertFalse(html.contains("http://"), "no http address");
            assertFalse(html.contains("https://"), "no https address");
            assertFalse(html.toLowerCase(Locale.ROOT).contains("<script"), "no script");
            assertFalse(html.toLowerCase(Locale.ROOT).contains("<link"), "no linked style sheet");
            assertFalse(Pattern.compile("\\ssrc=").matcher(html).find(), "nothing loaded from elsewhere");
            assertTrue(html.startsWith("<!DOCTYPE html>") && html.contains("<style>"));
        }
    }

    @Test
    void everyStageOfTheRunHasASectionInOrder() throws IOException {
        for (Path dir : List.of(classification, regression)) {
            JsonNode run = Json.MAPPER.readTree(dir.resolve("run.json").toFile());
            String html = html(dir);
            List<String> expected = new ArrayList<>(List.of("headline"));
            run.path("stages").forEach(s -> expected.add("stage-" + s.path("stage").asText()));
            expected.add("provenance");
            assertEquals(expected, sectionIds(html));
            // each stage's one-line summary is shown
            run.path("stages").forEach(s -> assertTrue(html.contains(Html.escape(s.path("summary").asText())), s.path("stage").asText()));
            assertTrue(html.contains(run.path("data").path("sha256").asText()), "data hash");
        }
    }

    @Test
    void classificationRunsShowTheirMeasurements() throws IOException {
        String html = html(classification);
        for (String id : List.of("headline", "class-balance", "data-profile", "metrics", "train-vs-test", "per-class",
                "confusion-matrix", "confusion-matrix-normalised", "roc-curve", "pr-curve", "calibration", "reliability-curve", "cv-folds", "leaderboard", "search-progress", "lab", "validation-curve", "learning-curve",
                "leakage")) {
            assertTrue(html.contains("id=\"" + id + "\""), id);
        }
        JsonNode run = Json.MAPPER.readTree(classification.resolve("run.json").toFile());
        JsonNode tuning = run.path("stages").path(7).path("data");
        assertTrue(html.contains(Html.escape(tuning.path("verdict").asText())), "did-tuning-help verdict");
        assertTrue(html.contains(Html.escape(tuning.path("lab").path("validation_curve").path("diagnosis").path("text").asText())),
                "diagnosis text");
        // no table carries a width of its own: the style sheet's rule (a block that scrolls inside its box) holds for all
        assertTrue(count(html, "<table") > 5 && !Pattern.compile("<table[^>]*(style|width)=").matcher(html).find());
        // the headline box says the verdict and where the bundle is
        String headline = html.substring(html.indexOf("<section id=\"headline\""), html.indexOf("</section>"));
        assertTrue(headline.contains("<b>verdict</b>") && headline.contains("model.bundle"), headline);
        // one chart per figure, drawn by XChart as inline SVG
        assertEquals(count(html, "<figure "), count(html, "<svg "));
        for (String chart : List.of("class-balance", "train-vs-test", "confusion-matrix", "roc-curve", "pr-curve",
                "search-progress", "validation-curve", "learning-curve", "feature-importance")) {
            assertTrue(html.contains("<figure id=\"" + chart), chart + " is drawn");
        }
    }

    @Test
    void regressionRunsShowResidualsAndBiasVariance() throws IOException {
        String html = html(regression);
        for (String id : List.of("predicted-vs-actual", "residuals", "validation-curve", "learning-curve", "bias-variance")) {
            assertTrue(html.contains("id=\"" + id + "\""), id);
        }
        assertFalse(html.contains("id=\"confusion-matrix\""));
    }

    @Test
    void theReportCommandReRendersFromRunJson() throws IOException {
        String before = html(regression);
        Files.delete(regression.resolve(HtmlReport.FILE));
        Cli cli = Cli.run("report", regression.toString());
        assertEquals(0, cli.exitCode(), cli.err());
        assertEquals("report: " + regression.resolve(HtmlReport.FILE) + "\n", cli.out());
        assertEquals(withoutClipIds(before), withoutClipIds(html(regression)));
        Cli missing = Cli.run("report", out.resolve("nowhere").toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("run.json: not found; give a run folder"), missing.err());
    }

    @Test
    void compareShowsParamsThatDifferAndMetricChanges() throws IOException {
        Path html = out.resolve("diff.html");
        Cli cli = Cli.run("compare", classification.toString(), regression.toString(), "--html", html.toString());
        assertEquals(0, cli.exitCode(), cli.err());
        JsonNode a = Json.MAPPER.readTree(classification.resolve("run.json").toFile());
        JsonNode b = Json.MAPPER.readTree(regression.resolve("run.json").toFile());
        assertTrue(Pattern.compile("\n  train\\.params\\.max_depth +15 +1 *\n").matcher(cli.out()).find(), cli.out());
        assertTrue(Pattern.compile("\n  problem\\.target +Survived +mpg *\n").matcher(cli.out()).find(), cli.out());
        double accuracy = a.path("metrics").path("evaluation").path("test").path("accuracy").asDouble();
        assertTrue(Pattern.compile("\n  evaluation\\.test\\.accuracy +" + Pattern.quote(Html.number(accuracy)) + " +- +-\n")
                .matcher(cli.out()).find(), cli.out());
        assertTrue(Pattern.compile("\n  evaluation\\.cv\\.accuracy\\.mean +" + Pattern.quote(Html.number(
                a.path("metrics").path("evaluation").path("cv").path("accuracy").path(0).asDouble())) + " ").matcher(cli.out()).find());
        RunDiff self = RunDiff.of(regression, regression);
        assertTrue(self.params().isEmpty());
        double rmse = b.path("metrics").path("evaluation").path("test").path("rmse").asDouble();
        RunDiff.Row row = self.metrics().stream().filter(r -> r.path().equals("evaluation.test.rmse")).findFirst().orElseThrow();
        assertEquals(Html.number(rmse), row.a());
        assertEquals(0.0, row.change());
        String page = Files.readString(html);
        assertTrue(page.contains("<code>train.params.max_depth</code>") && !page.contains("http"));
    }

    private static List<String> sectionIds(String html) {
        List<String> ids = new ArrayList<>();
        Matcher m = Pattern.compile("<section id=\"([^\"]+)\"").matcher(html);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    private static int count(String text, String what) {
        return text.split(Pattern.quote(what), -1).length - 1;
    }

    private static String withoutClipIds(String html) {
        return html.replaceAll("clip\\d+", "clip");
    }
}
