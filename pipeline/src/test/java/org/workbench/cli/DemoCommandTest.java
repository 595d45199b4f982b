package org.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workbench.core.Json;

/** {@code workbench demo overfitting}: the printed diagnosis is the one in run.json, with its numbers. */
class DemoCommandTest {
    @TempDir
    Path out;

    @Test
    void overfittingDemoPrintsADiagnosisThatMatchesRunJson() throws IOException {
        Cli cli = Cli.run("demo", "overfitting", "--out", out.toString(), "--config-dir", "../configs/demos", "--quiet");
        assertEquals(0, cli.exitCode(), cli.err());
        Matcher report = Pattern.compile("report: (.*report\\.html)\\n").matcher(cli.out());
        assertTrue(report.find(), cli.out());
        Path runDir = Path.of(report.group(1)).getParent();
        assertTrue(Files.size(runDir.resolve("report.html")) > 0);

        JsonNode lab = tuningData(runDir).path("lab");
        JsonNode curve = lab.path("validation_curve");
        JsonNode points = curve.path("points");
        JsonNode diagnosis = curve.path("diagnosis");
        // the printed lines are run.json's diagnosis texts, word for word
        for (JsonNode text : lab.path("diagnosis")) {
            assertTrue(cli.out().contains(text.asText() + "\n"), text.asText());
        }
        // the validation curve: past the best depth, training accuracy keeps rising while validation falls
        int best = -1;
        for (int i = 0; i < points.size(); i++) {
            if (points.get(i).path("value").equals(diagnosis.path("numbers").path("best_value"))) {
                best = i;
            }
        }
        assertTrue(best >= 0 && best < points.size() - 3, "best depth " + best);
        double bestValidation = points.get(best).path("validationMean").asDouble();
        for (int i = best + 1; i < points.size(); i++) {
            assertTrue(points.get(i).path("trainMean").asDouble() >= points.get(i - 1).path("trainMean").asDouble(),
                    "training accuracy rises at depth " + points.get(i).path("value"));
            assertTrue(points.get(i).path("validationMean").asDouble() < bestValidation,
                    "validation below its best at depth " + points.get(i).path("value"));
        }
        JsonNode last = points.get(points.size() - 1);
        assertTrue(last.path("trainMean").asDouble() - points.get(best).path("trainMean").asDouble() > 0.05);
        // the key sentence, rebuilt from run.json's numbers
        JsonNode b = points.get(best);
        String sentence = String.format(Locale.ROOT, "Best validation accuracy %.3f at max_depth = %s (training %.3f, gap %.3f).",
                b.path("validationMean").asDouble(), b.path("value").asText(), b.path("trainMean").asDouble(),
                b.path("trainMean").asDouble() - b.path("validationMean").asDouble());
        assertTrue(cli.out().contains(sentence), sentence + "\n" + cli.out());
        assertEquals("overfitting", lab.path("learning_curve").path("diagnosis").path("kind").asText());
        // every number printed in the diagnosis is a run.json value rounded to 3 decimals
        Set<String> recorded = new HashSet<>();
        collect(lab, recorded);
        for (JsonNode p : points) {
            recorded.add(f(p.path("trainMean").asDouble() - p.path("validationMean").asDouble()));
        }
        for (JsonNode p : lab.path("learning_curve").path("points")) {
            recorded.add(f(p.path("trainMean").asDouble() - p.path("validationMean").asDouble()));
        }
        List<String> printed = new ArrayList<>();
        Matcher m = Pattern.compile("[-+]?\\d+\\.\\d{3}\\b").matcher(String.join(" ", texts(lab.path("diagnosis"))));
        while (m.find()) {
            printed.add(f(Double.parseDouble(m.group())));
        }
        assertTrue(printed.size() >= 12, printed.toString());
        for (String number : printed) {
            assertTrue(recorded.contains(number), number + " is not a recorded value");
        }
    }

    @Test
    void fairnessDemoPrintsTheParityRatioOfEachVariantAsRecorded() throws IOException {
        Cli cli = Cli.run("demo", "fairness", "--out", out.toString(), "--config-dir", "../configs/demos", "--quiet");
        assertEquals(0, cli.exitCode(), cli.err());
        List<String> variants = List.of("sex is a feature:", "without sex:", "without sex, relationship, marital-status:");
        Matcher line = Pattern.compile("(?m)^(\\S[^:]*:) +selection rate of '>50K': Female ([0-9.]+), Male ([0-9.]+); parity ratio"
                + " ([0-9.]+) \\(fails the four-fifths rule\\)\n    report: (.*report\\.html)$").matcher(cli.out());
        List<Double> ratios = new ArrayList<>();
        for (String variant : variants) {
            assertTrue(line.find(), cli.out());
            assertEquals(variant, line.group(1));
            // the printed numbers are the run's recorded audit
            JsonNode bySex = Json.MAPPER.readTree(Path.of(line.group(5)).resolveSibling("metrics.json").toFile())
                    .path("evaluation").path("fairness").path("test").get(0);
            assertEquals(line.group(2), String.format(Locale.ROOT, "%.4f", bySex.path("groups").get(0).path("selection_rate").asDouble()));
            assertEquals(line.group(3), String.format(Locale.ROOT, "%.4f", bySex.path("groups").get(1).path("selection_rate").asDouble()));
            double ratio = bySex.path("demographic_parity").path("ratio").asDouble();
            assertEquals(line.group(4), String.format(Locale.ROOT, "%.4f", ratio));
            ratios.add(ratio);
        }
        assertTrue(cli.out().contains("the truth itself:"), cli.out());
        // the gap stays: without the column, and without its proxies too, the ratio is below the four-fifths rule
        assertTrue(ratios.stream().allMatch(r -> r < 0.8), ratios.toString());
        assertTrue(cli.out().contains("still below 0.8. Leaving the column out does not remove the gap"), cli.out());
    }

    @Test
    void unknownDemosAreBadInput() {
        Cli cli = Cli.run("demo", "overfit", "--config-dir", "../configs/demos");
        assertEquals(2, cli.exitCode());
        assertEquals("error: demo: unknown demo 'overfit'; demos are overfitting, underfitting, tuning, bias-variance, leakage, drift, fairness\n",
                cli.err());
    }

    @Test
    void driftDemoTrainsOnTheCoastAndFindsTheInlandRowsDrifted() throws IOException {
        Cli cli = Cli.run("demo", "drift", "--out", out.toString(), "--config-dir", "../configs/demos", "--quiet");
        assertEquals(0, cli.exitCode(), cli.err());
        Matcher drift = Pattern.compile("drift: (.*drift\\.html)\\n").matcher(cli.out());
        assertTrue(drift.find(), cli.out());
        JsonNode json = Json.MAPPER.readTree(Path.of(drift.group(1)).resolveSibling("drift.json").toFile());
        assertTrue(json.path("verdict").path("drift").asBoolean(), json.path("verdict").toString());
        List<String> drifted = texts(json.path("verdict").path("drifted_columns"));
        assertTrue(drifted.containsAll(List.of("longitude", "latitude", "ocean_proximity")), drifted.toString());
        // the model never saw an INLAND block, and its error grows on them
        for (JsonNode c : json.path("columns")) {
            if (c.path("name").asText().equals("ocean_proximity")) {
                assertEquals(1.0, c.path("unseen_share").asDouble(), 1e-12);
            }
        }
        assertEquals(6551, json.path("rows").asInt());
        assertTrue(json.path("performance").path("change").path("rmse").asDouble() > 0, json.path("performance").toString());
        assertTrue(cli.out().contains(json.path("performance").path("summary").asText() + "\n"), cli.out());
        Matcher retrain = Pattern.compile("retrain on the new rows: workbench run (\\S+) --set data.source=(\\S+)\\n").matcher(cli.out());
        assertTrue(retrain.find(), cli.out());
        List<String> newRows = Files.readAllLines(Path.of(retrain.group(2)));
        assertEquals(6552, newRows.size());
        assertTrue(newRows.stream().skip(1).allMatch(l -> l.endsWith(",INLAND")));
    }

    private static JsonNode tuningData(Path runDir) throws IOException {
        for (JsonNode stage : Json.MAPPER.readTree(runDir.resolve("run.json").toFile()).path("stages")) {
            if (stage.path("stage").asText().equals("tuning")) {
                return stage.path("data");
            }
        }
        throw new AssertionError("no tuning stage");
    }

    private static void collect(JsonNode node, Set<String> out) {
        if (node.isNumber()) {
            out.add(f(node.doubleValue()));
        }
        node.forEach(child -> collect(child, out));
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(t -> out.add(t.asText()));
        return out;
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.3f", Math.abs(v));
    }
}
