package org.workbench.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.workbench.config.Yaml;
import org.workbench.core.InputException;
import org.workbench.core.Json;

/**
 * {@code report.html}: one self-contained page per run, rendered from {@code run.json} (and the
 * run's {@code predictions.csv} for the ROC, precision-recall and residual charts). Sections follow
 * the stages in order; charts are inline SVG (XChart drawing onto {@link SvgCanvas}); styles are inline;
 * there is no script and no external address, so the file opens offline, on a projector or on paper.
 */
public final class HtmlReport {
    public static final String FILE = "report.html";

    private HtmlReport() {
    }

    /** Renders {@code report.html} in {@code runDir} from its {@code run.json}; returns the file. */
    public static Path write(Path runDir) {
        Path runJson = runDir.resolve("run.json");
        JsonNode run;
        try {
            run = Json.MAPPER.readTree(Files.readString(runJson));
        } catch (NoSuchFileException e) {
            throw new InputException(runJson + ": not found; give a run folder (it holds run.json)");
        } catch (IOException e) {
            throw new InputException(runJson + ": cannot read run.json: " + e.getMessage());
        }
        Path predictions = runDir.resolve("predictions.csv");
        PredictionRows rows = Files.exists(predictions) ? PredictionRows.read(predictions) : null;
        Path file = runDir.resolve(FILE);
        Json.writeAtomically(file, render(run, rows).getBytes(StandardCharsets.UTF_8));
        return file;
    }

    /**
     * Renders {@code report.html} for a run being written: its {@code run.json} text and the columns
     * of its predictions file for the test rows (truth, prediction, prob_&lt;class&gt;), as text or as
     * numbers; both maps empty when the run has no predictions.
     */
    public static Path write(Path runDir, String runJson, Map<String, String[]> testText, Map<String, double[]> testNumbers) {
        JsonNode run;
        try {
            run = Json.MAPPER.readTree(runJson);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read back run.json: " + e.getMessage(), e);
        }
        PredictionRows rows = testText.isEmpty() && testNumbers.isEmpty() ? null : new PredictionRows(testText, testNumbers);
        Path file = runDir.resolve(FILE);
        Json.writeAtomically(file, render(run, rows).getBytes(StandardCharsets.UTF_8));
        return file;
    }

    /**
     * Draws one small chart and throws it away. The first chart in a JVM pays for setting up fonts
     * and Java 2D (about 0.4 s); a command that ends with a report calls this on a spare thread at
     * its start so the set-up overlaps reading the data.
     */
    public static void warmUp() {
        new Svg().of(Charts.bars("warm-up", "x", "y", List.of("a", "b"), Map.of("s", List.of(1.0, 2.0))), "warm-up");
    }

    static String render(JsonNode run, PredictionRows predictions) {
        Svg svg = new Svg();
        Map<String, String> sections = new LinkedHashMap<>();
        int n = 1;
        for (JsonNode stage : run.path("stages")) {
            String name = stage.path("stage").asText();
            String title = n++ + ". " + name;
            String body = "<p class=\"summary\">" + Html.escape(stage.path("summary").asText()) + "</p>\n"
                    + stageBody(name, run, stage, predictions, svg);
            sections.put("stage-" + name, Html.section("stage-" + name, title, body));
        }
        sections.put("provenance", Html.section("provenance", "Config, data and versions", provenance(run)));
        return page(run, sections);
    }

    /** A stage's part of the page; if it cannot be rendered, a sentence saying why, so the rest of the page still is. */
    private static String stageBody(String name, JsonNode run, JsonNode stage, PredictionRows predictions, Svg svg) {
        try {
            return switch (name) {
                case "definition" -> problem(stage, svg);
                case "collection" -> collection(stage);
                case "preprocessing", "features", "selection" -> steps(stage);
                case "evaluation" -> EvaluationSection.render(run, stage, predictions, svg);
                case "tuning" -> TuningSection.render(stage, svg);
                default -> Html.lines(text(stage.path("details"))) + generic(stage.path("data"));
            };
        } catch (RuntimeException e) {
            return "<p class=\"chart-missing\">This part of the report could not be rendered: " + Html.escape(Html.reason(e))
                    + ".</p>" + generic(stage.path("data"));
        }
    }

    private static String problem(JsonNode stage, Svg svg) {
        JsonNode d = stage.path("data");
        StringBuilder sb = new StringBuilder(Html.json(without(d, "classes")));
        JsonNode classes = d.path("classes");
        if (classes.isObject() && classes.size() > 0) {
            List<String> names = new ArrayList<>();
            List<Double> counts = new ArrayList<>();
            classes.fields().forEachRemaining(e -> {
                names.add(e.getKey());
                counts.add(e.getValue().asDouble());
            });
            sb.append(Html.figure("class-balance", () -> svg.of(Charts.bars("Rows per class", d.path("target").asText(), "rows",
                    names, Map.of("rows", counts)), "rows per class"), "How many rows each class has: the baseline"
                    + " predicts the largest."));
        }
        sb.append(Html.lines(text(stage.path("details"))));
        return sb.toString();
    }

    private static String collection(JsonNode stage) {
        JsonNode d = stage.path("data");
        StringBuilder sb = new StringBuilder();
        List<String> warnings = new ArrayList<>();
        // warnings are text, or objects with a message; without a list, detail lines that mention one
        d.path("warnings").forEach(w -> warnings.add(w.isObject() ? w.path("message").asText(w.toString()) : w.asText()));
        if (!d.has("warnings")) {
            for (String line : text(stage.path("details"))) {
                if (line.toLowerCase(java.util.Locale.ROOT).contains("warning")) {
                    warnings.add(line);
                }
            }
        }
        sb.append("<h3>Warnings</h3>").append(warnings.isEmpty() ? "<p>none</p>" : "<ul class=\"warnings\">"
                + warnings.stream().map(w -> "<li>" + Html.escape(w) + "</li>").reduce("", String::concat) + "</ul>");
        JsonNode profile = d.path("profile");
        sb.append("<h3 id=\"data-profile\">Data profile</h3>");
        sb.append(profile.isMissingNode() ? "<p>no profile recorded</p>" : profileTable(profile.path("columnProfiles")));
        sb.append(Html.json(without(without(d, "profile"), "warnings")));
        return sb.toString();
    }

    /** One row per column, numbers and top values side by side, so the table fits a projector. */
    private static String profileTable(JsonNode columns) {
        List<String> header = List.of("column", "type", "missing", "distinct", "min", "q1", "median", "q3", "max", "mean",
                "std", "outliers (IQR)", "top values", "flags");
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode c : columns) {
            List<String> top = new ArrayList<>();
            for (JsonNode v : c.path("topValues")) {
                if (top.size() < 3) {
                    String value = v.path("value").asText();
                    value = value.length() > 18 ? value.substring(0, 17) + "\u2026" : value;
                    top.add(Html.escape(value) + " (" + v.path("count").asInt() + ")");
                }
            }
            List<String> flags = new ArrayList<>();
            if (c.path("constant").asBoolean()) {
                flags.add("constant");
            } else if (c.path("nearConstant").asBoolean()) {
                flags.add("near-constant");
            }
            if (c.path("identifierLike").asBoolean()) {
                flags.add("identifier-like");
            }
            List<String> row = new ArrayList<>(List.of(Html.escape(c.path("name").asText()), c.path("type").asText(),
                    String.valueOf(c.path("missing").asInt()), String.valueOf(c.path("distinct").asInt())));
            for (String stat : List.of("min", "q1", "median", "q3", "max", "mean", "std", "outliers")) {
                row.add(c.has(stat) ? compact(c.get(stat).asDouble()) : "");
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

    private static String steps(JsonNode stage) {
        StringBuilder sb = new StringBuilder();
        List<String> details = text(stage.path("details"));
        if (!details.isEmpty()) {
            sb.append("<ul>").append(details.stream().map(l -> "<li>" + Html.escape(l) + "</li>").reduce("", String::concat))
                    .append("</ul>");
        }
        for (JsonNode step : stage.path("data").path("steps").path("steps")) {
            sb.append("<h3>").append(Html.escape(step.path("type").asText("step"))).append(": fitted values</h3>")
                    .append(Html.json(without(step, "type")));
        }
        return sb.toString();
    }

    private static String generic(JsonNode data) {
        return data.isMissingNode() || data.isEmpty() ? "" : "<details><summary>recorded values</summary>" + Html.json(data)
                + "</details>";
    }

    private static String provenance(JsonNode run) {
        StringBuilder sb = new StringBuilder();
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("config file", run.path("config_file").asText());
        facts.put("data file", run.path("data").path("file").asText());
        facts.put("data sha256", run.path("data").path("sha256").asText());
        facts.put("rows", run.path("data").path("rows").asText());
        facts.put("seed", run.path("seed").asText());
        facts.put("started", run.path("started").asText());
        facts.put("finished", run.path("finished").asText());
        run.path("versions").fields().forEachRemaining(e -> facts.put(e.getKey(), e.getValue().asText()));
        sb.append(Html.table(List.of("", ""), facts.entrySet().stream()
                .map(e -> List.of("<b>" + Html.escape(e.getKey()) + "</b>", "<code>" + Html.escape(e.getValue()) + "</code>")).toList()));
        try {
            sb.append("<h3>Resolved config</h3><pre>").append(Html.escape(Yaml.MAPPER.writeValueAsString(run.path("config"))))
                    .append("</pre>");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sb.toString();
    }

    static List<String> text(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }

    static JsonNode without(JsonNode object, String field) {
        if (!object.isObject()) {
            return object;
        }
        com.fasterxml.jackson.databind.node.ObjectNode copy = object.deepCopy();
        copy.remove(field);
        return copy;
    }

    private static String page(JsonNode run, Map<String, String> sections) {
        String name = Html.escape(run.path("name").asText());
        StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n");
        sb.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        sb.append("<title>Workbench run: ").append(name).append("</title>\n<style>").append(Style.CSS).append("</style></head>\n");
        sb.append("<body><header><h1>Run: ").append(name).append("</h1><p>")
                .append(Html.escape(run.path("config_file").asText())).append(" &middot; seed ").append(run.path("seed").asText())
                .append(" &middot; ").append(Html.escape(run.path("started").asText())).append("</p>\n<nav><ol>");
        sections.keySet().forEach(id -> sb.append("<li><a href=\"#").append(id).append("\">")
                .append(Html.escape(id.replaceFirst("^stage-", ""))).append("</a></li>"));
        sb.append("</ol></nav></header>\n<main>\n");
        sections.values().forEach(sb::append);
        return sb.append("</main></body></html>\n").toString();
    }
}
