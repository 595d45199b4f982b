package org.workbench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.workbench.collection.CollectionRecord;
import org.workbench.collection.ColumnProfile;
import org.workbench.config.Yaml;
import org.workbench.core.Json;
import org.workbench.definition.DefinitionRecord;
import org.workbench.evaluation.EvaluationRecord;
import org.workbench.recipe.RecipeRecord;
import org.workbench.stage.StageResult;
import org.workbench.tuning.TuningRecord;

/**
 * {@code report.html}: one self-contained page per run, rendered from {@code run.json} (and the
 * run's {@code predictions.csv} for the ROC, precision-recall, reliability and residual charts). The
 * {@link Headline} box comes first, then a section per stage in order; charts are inline SVG (XChart
 * drawing onto {@link SvgCanvas}, labels as text); styles are inline; there is no script and no external address, so the file opens offline, on a projector or on paper.
 */
public final class HtmlReport {
    public static final String FILE = "report.html";

    private HtmlReport() {
    }

    /** Renders {@code report.html} in {@code runDir} from its {@code run.json}; returns the file. */
    public static Path write(Path runDir) {
        RunRecord run = RunRecord.read(runDir);
        Path predictions = runDir.resolve("predictions.csv");
        PredictionRows rows = Files.exists(predictions) ? PredictionRows.read(predictions) : null;
        Path file = runDir.resolve(FILE);
        Json.writeAtomically(file, render(run, rows).getBytes(StandardCharsets.UTF_8));
        return file;
    }

    /**
     * Renders {@code report.html} for a run being written: its {@code run.json} text (read back, so the
     * page is the one {@code workbench report} renders from the file) and the columns of its predictions
     * file for the test rows (truth, prediction, prob_&lt;class&gt;), as text or as numbers; both maps
     * empty when the run has no predictions. Returns the page's body, which a rerun of the same stages
     * may lay out again with {@link #write(Path, String, Body)}.
     */
    public static Body write(Path runDir, String runJson, Map<String, String[]> testText, Map<String, double[]> testNumbers) {
        RunRecord run = RunRecord.parse(runJson, runDir.resolve(RunRecord.FILE).toString());
        PredictionRows rows = testText.isEmpty() && testNumbers.isEmpty() ? null : new PredictionRows(testText, testNumbers);
        Body body = body(run, rows);
        Json.writeAtomically(runDir.resolve(FILE), page(run, body).getBytes(StandardCharsets.UTF_8));
        return body;
    }

    /**
     * Renders {@code report.html} from a run's {@code run.json} text (read back, as above) around a body
     * made for a run with the same stage results: its charts are not drawn again.
     */
    public static Path write(Path runDir, String runJson, Body body) {
        RunRecord run = RunRecord.parse(runJson, runDir.resolve(RunRecord.FILE).toString());
        Path file = runDir.resolve(FILE);
        Json.writeAtomically(file, page(run, body).getBytes(StandardCharsets.UTF_8));
        return file;
    }

    /**
     * The sections drawn from the stages' records and the test predictions (each stage's, with its
     * charts, and fairness), by id in page order: the same for every run whose stages reported the
     * same. The header, the headline box and the provenance section (the run's file, times and config)
     * are laid out around it for each run.
     */
    public record Body(Map<String, String> sections) {
        public Body {
            sections = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sections));
        }
    }

    /**
     * Draws one small chart and throws it away. The first chart in a JVM pays for setting up fonts
     * and Java 2D (about 0.4 s); a command that ends with a report calls this on a spare thread at
     * its start so the set-up overlaps reading the data.
     */
    public static void warmUp() {
        new Svg().of(Charts.bars("warm-up", "x", "y", List.of("a", "b"), Map.of("s", List.of(1.0, 2.0))), "warm-up");
    }

    static String render(RunRecord run, PredictionRows predictions) {
        return page(run, body(run, predictions));
    }

    static Body body(RunRecord run, PredictionRows predictions) {
        Svg svg = new Svg();
        Map<String, String> sections = new LinkedHashMap<>();
        int n = 1;
        for (StageResult stage : run.stages()) {
            String name = stage.stage();
            String title = n++ + ". " + name;
            String body = "<p class=\"summary\">" + Html.escape(stage.summary()) + "</p>\n"
                    + stageBody(run, stage, predictions, svg);
            sections.put("stage-" + name, Html.section("stage-" + name, title, body));
        }
        FairnessSection.render(run, svg).ifPresent(body -> sections.put("fairness", Html.section("fairness", "Fairness", body)));
        return new Body(sections);
    }

    private static String page(RunRecord run, Body body) {
        Map<String, String> sections = new LinkedHashMap<>(body.sections());
        sections.put("provenance", Html.section("provenance", "Config, data and versions", provenance(run)));
        return page(run, sections);
    }

    /** A stage's part of the page; if it cannot be rendered, a sentence saying why, so the rest of the page still is. */
    private static String stageBody(RunRecord run, StageResult stage, PredictionRows predictions, Svg svg) {
        try {
            if (stage.data() instanceof DefinitionRecord d) {
                return problem(stage, d, svg);
            } else if (stage.data() instanceof CollectionRecord d) {
                return collection(stage, d);
            } else if (stage.data() instanceof RecipeRecord d) {
                return steps(stage, d, svg);
            } else if (stage.data() instanceof EvaluationRecord d) {
                return EvaluationSection.render(run, stage, d, predictions, svg);
            } else if (stage.data() instanceof TuningRecord d) {
                return TuningSection.render(stage, d, svg);
            } else if (stage.data() instanceof org.workbench.deployment.DeploymentRecord d && d.partialDependence() != null) {
                return DeploymentSection.render(stage, d, svg);
            }
            return Html.lines(stage.details()) + generic(stage);
        } catch (RuntimeException e) {
            return "<p class=\"chart-missing\">This part of the report could not be rendered: " + Html.escape(Html.reason(e))
                    + ".</p>" + generic(stage);
        }
    }

    private static String problem(StageResult stage, DefinitionRecord d, Svg svg) {
        StringBuilder sb = new StringBuilder(Html.json(without(Html.tree(d), "classes")));
        if (d.classes() != null && !d.classes().isEmpty()) {
            List<String> names = new ArrayList<>(d.classes().keySet());
            List<Double> counts = d.classes().values().stream().map(c -> c == null ? 0.0 : c.doubleValue()).toList();
            String target = d.target() == null ? "" : d.target();
            sb.append(Html.figure("class-balance", () -> svg.of(Charts.bars("Rows per class", target, "rows",
                    names, Map.of("rows", counts)), "rows per class"), "How many rows each class has: the baseline"
                    + " predicts the largest."));
        }
        sb.append(Html.lines(stage.details()));
        return sb.toString();
    }

    private static String collection(StageResult stage, CollectionRecord d) {
        StringBuilder sb = new StringBuilder();
        List<String> warnings = new ArrayList<>();
        // without a list of warnings, the detail lines that mention one
        if (d.warnings() != null) {
            d.warnings().forEach(w -> warnings.add(w.message()));
        } else {
            for (String line : stage.details()) {
                if (line.toLowerCase(java.util.Locale.ROOT).contains("warning")) {
                    warnings.add(line);
                }
            }
        }
        sb.append("<h3>Warnings</h3>").append(warnings.isEmpty() ? "<p>none</p>" : "<ul class=\"warnings\">"
                + warnings.stream().map(w -> "<li>" + Html.escape(w) + "</li>").collect(java.util.stream.Collectors.joining()) + "</ul>");
        sb.append("<h3 id=\"data-profile\">Data profile</h3>");
        sb.append(d.profile() == null ? "<p>no profile recorded</p>" : profileTable(d.profile().columnProfiles()));
        sb.append(Html.json(without(without(Html.tree(d), "profile"), "warnings")));
        return sb.toString();
    }

    /** One row per column, numbers and top values side by side, so the table fits a projector. */
    private static String profileTable(List<ColumnProfile> columns) {
        List<String> header = List.of("column", "type", "missing", "distinct", "min", "q1", "median", "q3", "max", "mean",
                "std", "outliers (IQR)", "top values", "flags");
        List<List<String>> rows = new ArrayList<>();
        for (ColumnProfile c : columns == null ? List.<ColumnProfile>of() : columns) {
            List<String> top = new ArrayList<>();
            for (ColumnProfile.ValueCount v : c.topValues() == null ? List.<ColumnProfile.ValueCount>of() : c.topValues()) {
                if (top.size() < 3) {
                    String value = String.valueOf(v.value());
                    value = value.length() > 18 ? value.substring(0, 17) + "\u2026" : value;
                    top.add(Html.escape(value) + " (" + v.count() + ")");
                }
            }
            List<String> flags = new ArrayList<>();
            if (c.constant()) {
                flags.add("constant");
            } else if (c.nearConstant()) {
                flags.add("near-constant");
            }
            if (c.identifierLike()) {
                flags.add("identifier-like");
            }
            List<String> row = new ArrayList<>(List.of(Html.escape(c.name()), String.valueOf(c.type()),
                    String.valueOf(c.missing()), String.valueOf(c.distinct())));
            for (Number stat : java.util.Arrays.asList(c.min(), c.q1(), c.median(), c.q3(), c.max(), c.mean(), c.std(),
                    c.outliers())) {
                row.add(stat != null ? compact(stat.doubleValue()) : "");
            }
            row.add(String.join(", ", top));
            row.add(String.join(", ", flags));
            rows.add(row);
        }
        return "<div class=\"wide\">" + Html.table(header, rows) + "</div>";
    }

    /** Whole numbers as they are, others to four significant digits: 257.4, 0.3838, 29.7. */
    static String compact(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return String.valueOf((long) v);
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }

    private static String steps(StageResult stage, RecipeRecord d, Svg svg) {
        StringBuilder sb = new StringBuilder();
        if (!stage.details().isEmpty()) {
            sb.append("<ul>").append(stage.details().stream().map(l -> "<li>" + Html.escape(l) + "</li>").collect(java.util.stream.Collectors.joining()))
                    .append("</ul>");
        }
        for (ObjectNode step : d.steps() == null ? List.<ObjectNode>of() : d.steps().steps()) {
            sb.append("<h3>").append(Html.escape(RecipeRecord.FittedSteps.type(step))).append(": fitted values</h3>")
                    .append(ExplainedVariance.figure(step, svg))
                    .append(Html.json(without(step, org.workbench.recipe.StepJson.TYPE)));
        }
        return sb.toString();
    }

    private static String generic(StageResult stage) {
        JsonNode data = Html.tree(stage.data());
        return data.isEmpty() ? "" : "<details><summary>recorded values</summary>" + Html.json(data) + "</details>";
    }

    private static String provenance(RunRecord run) {
        StringBuilder sb = new StringBuilder();
        Map<String, String> facts = new LinkedHashMap<>();
        RunRecord.DataFile data = run.data();
        facts.put("config file", text(run.configFile()));
        facts.put("data file", data == null ? "" : text(data.file()));
        facts.put("data sha256", data == null ? "" : text(data.sha256()));
        facts.put("rows", data == null ? "" : String.valueOf(data.rows()));
        facts.put("seed", String.valueOf(run.seed()));
        facts.put("started", text(run.started()));
        facts.put("finished", text(run.finished()));
        if (run.versions() != null) {
            run.versions().forEach((k, v) -> facts.put(k, text(v)));
        }
        sb.append(Html.table(List.of("", ""), facts.entrySet().stream()
                .map(e -> List.of("<b>" + Html.escape(e.getKey()) + "</b>", "<code>" + Html.escape(e.getValue()) + "</code>")).toList()));
        try {
            sb.append("<h3>Resolved config</h3><pre>").append(Html.escape(Yaml.MAPPER.writeValueAsString(run.config())))
                    .append("</pre>");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sb.toString();
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    static JsonNode without(JsonNode object, String field) {
        if (!object.isObject()) {
            return object;
        }
        ObjectNode copy = object.deepCopy();
        copy.remove(field);
        return copy;
    }

    /** The headline box; if it cannot be rendered, a sentence saying why in its place. */
    private static String headline(RunRecord run) {
        try {
            return Headline.render(run);
        } catch (RuntimeException e) {
            return Html.section(Headline.ID, "Result", "<p class=\"chart-missing\">The summary could not be rendered: "
                    + Html.escape(Html.reason(e)) + ".</p>");
        }
    }

    private static String page(RunRecord run, Map<String, String> sections) {
        String name = Html.escape(text(run.name()));
        StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n");
        sb.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        sb.append("<title>Workbench run: ").append(name).append("</title>\n<style>").append(Style.CSS).append("</style></head>\n");
        sb.append("<body><header><h1>Run: ").append(name).append("</h1><p>")
                .append(Html.escape(text(run.configFile()))).append(" &middot; seed ").append(run.seed())
                .append(" &middot; ").append(Html.escape(text(run.started()))).append("</p></header>\n");
        // the answer first: the page's first section, above the table of contents
        sb.append(headline(run)).append("<nav><ol>");
        sections.keySet().forEach(id -> sb.append("<li><a href=\"#").append(id).append("\">")
                .append(Html.escape(id.replaceFirst("^stage-", ""))).append("</a></li>"));
        sb.append("</ol></nav>\n<main>\n");
        sections.values().forEach(sb::append);
        return sb.append("</main></body></html>\n").toString();
    }
}
