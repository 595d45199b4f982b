package org.workbench.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workbench.cli.Cli;
import org.workbench.core.Json;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * deploy.partial_dependence draws the columns the predictions move most with into report.html, from a
 * bounded sample and grid; without it run.json and report.html have no trace of it.
 */
class PartialDependenceTest {
    private static final String TITANIC = Path.of("../datasets/titanic/data.csv").toAbsolutePath().normalize().toString();
    private static final String CONFIG = "name: pd\nproblem: {task: classification, target: Survived, positive_class: \"1\"}\n"
            + "data: {source: " + TITANIC + ", missing_values: [\"\"], column_types: {Pclass: categorical}}\n"
            + "preprocess: {drop: [PassengerId, Name, Ticket, Cabin], impute: {numeric: median, categorical: most_frequent},"
            + " scale: standard}\nfeatures: {encode: onehot}\ntrain: {model: logistic_regression, params: {epochs: 10}}\n"
            + "evaluate: {cv_folds: 0}\nseed: 42\n";

    @TempDir
    Path dir;

    private Path run(String... extra) throws IOException {
        Path config = Files.writeString(dir.resolve("pd.yaml"), CONFIG);
        Path out = dir.resolve("runs" + extra.length);
        List<String> args = new java.util.ArrayList<>(List.of("run", config.toString(), "--out", out.toString(), "--quiet"));
        args.addAll(List.of(extra));
        Cli cli = Cli.run(args.toArray(String[]::new));
        assertEquals(0, cli.exitCode(), cli.err());
        try (Stream<Path> runs = Files.list(out.resolve("pd"))) {
            return runs.findFirst().orElseThrow();
        }
    }

    private static JsonNode deployment(Path runDir) throws IOException {
        for (JsonNode stage : Json.MAPPER.readTree(runDir.resolve("run.json").toFile()).path("stages")) {
            if (stage.path("stage").asText().equals("deployment")) {
                return stage.path("data");
            }
        }
        throw new AssertionError("no deployment stage");
    }

    @Test
    void theColumnsThePredictionsMoveMostWithAreDrawn() throws IOException {
        Path runDir = run("--set", "deploy.partial_dependence=3");
        JsonNode curves = deployment(runDir).path("partial_dependence");
        assertEquals(3, curves.size(), curves.toString());
        JsonNode age = curves.get(2);
        assertEquals("Age", age.path("column").asText());
        assertEquals(PartialDependence.GRID, age.path("values").size(), "quantiles 5% to 95%: " + age);
        for (int i = 1; i < age.path("values").size(); i++) {
            assertTrue(age.path("values").get(i).asDouble() > age.path("values").get(i - 1).asDouble(), age.toString());
        }
        JsonNode sex = curves.get(0);
        assertEquals("Sex", sex.path("column").asText());
        assertEquals("[\"female\",\"male\"]", sex.path("levels").toString());
        JsonNode survival = sex.path("curves").path("P(Survived=1)");
        assertTrue(survival.get(0).asDouble() > survival.get(1).asDouble() + 0.3, survival.toString());
        assertEquals(PartialDependence.ROWS, sex.path("rows").asInt());
        assertEquals(survival.get(0).asDouble() - survival.get(1).asDouble(), sex.path("spread").asDouble(), 1e-12);
        assertTrue(curves.get(1).path("spread").asDouble() <= sex.path("spread").asDouble());

        String html = Files.readString(runDir.resolve("report.html"));
        assertTrue(html.contains("<figure id=\"partial-dependence-0\">"), "first chart");
        assertTrue(html.contains("<figure id=\"partial-dependence-1\">"), "second chart");
        assertFalse(html.contains("partial-dependence-3"), "only the three asked for");
    }

    @Test
    void aWideFileIsScreenedFirstAndItsDriverStillLeads() throws IOException {
        // 60 input columns (more than CANDIDATES): a first pass picks the columns to chart; y follows x17
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        StringBuilder csv = new StringBuilder();
        for (int j = 0; j < 60; j++) {
            csv.append('x').append(j).append(',');
        }
        csv.append("y\n");
        for (int row = 0; row < 300; row++) {
            double driver = 0;
            for (int j = 0; j < 60; j++) {
                double v = random.nextDouble(-1, 1);
                driver = j == 17 ? v : driver;
                csv.append(String.format(java.util.Locale.ROOT, "%.4f,", v));
            }
            csv.append(driver + random.nextDouble(-0.2, 0.2) > 0 ? "yes" : "no").append('\n');
        }
        Path data = Files.writeString(dir.resolve("wide.csv"), csv);
        Path config = Files.writeString(dir.resolve("wide.yaml"), "name: wide\nproblem: {target: y, positive_class: \"yes\"}\n"
                + "data: {source: " + data + "}\ntrain: {model: logistic_regression}\nevaluate: {cv_folds: 0}\nseed: 1\n");
        Path out = dir.resolve("wide-runs");
        Cli cli = Cli.run("run", config.toString(), "--out", out.toString(), "--quiet");
        assertEquals(0, cli.exitCode(), cli.err());
        Path runDir;
        try (Stream<Path> runs = Files.list(out.resolve("wide"))) {
            runDir = runs.findFirst().orElseThrow();
        }
        JsonNode curves = deployment(runDir).path("partial_dependence");
        assertEquals(3, curves.size(), curves.toString());
        assertEquals("x17", curves.get(0).path("column").asText(), curves.toString());
        assertTrue(curves.get(0).path("spread").asDouble() > 0.5, curves.get(0).toString());
    }

    @Test
    void offWithZero() throws IOException {
        Path runDir = run("--set", "deploy.partial_dependence=0");
        assertTrue(deployment(runDir).path("partial_dependence").isMissingNode());
        assertFalse(Files.readString(runDir.resolve("report.html")).contains("partial-dependence"));
    }

    @Test
    void theSampleIsBoundedAndEvenlySpread() {
        double[] ages = new double[1000];
        String[] towns = new String[1000];
        for (int i = 0; i < ages.length; i++) {
            ages[i] = i;
            towns[i] = "town" + (i % 25);
        }
        Table rows = Table.create("rows", DoubleColumn.create("age", ages), StringColumn.create("town", towns));
        Table sample = PartialDependence.sample(rows, PartialDependence.ROWS);
        assertEquals(PartialDependence.ROWS, sample.rowCount());
        assertEquals(0.0, sample.doubleColumn("age").getDouble(0));
        assertEquals(5.0, sample.doubleColumn("age").getDouble(1), "every fifth row of 1000");
        assertEquals(PartialDependence.sample(rows.first(50), PartialDependence.ROWS).rowCount(), 50, "fewer rows are all kept");
    }
}
