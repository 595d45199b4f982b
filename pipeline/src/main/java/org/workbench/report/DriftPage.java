package org.workbench.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.workbench.core.Json;

/**
 * {@code drift.html}: the page for one {@code workbench drift} check, rendered from its
 * {@code drift.json} text like report.html from run.json: the verdict, the performance now and at
 * training, a table of every column's scores, and for each column that changed (and the
 * predictions) the training and new shares per bin side by side. Inline SVG and styles, no script.
 */
public final class DriftPage {
    public static final String FILE = "drift.html";
    private static final int MAX_BARS = 24;

    private DriftPage() {
    }

    /** Writes {@code drift.html} into {@code dir} from the text of its drift.json; returns the file. */
    public static Path write(Path dir, String driftJson) {
        JsonNode drift;
        try {
            drift = Json.MAPPER.readTree(driftJson);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read back drift.json: " + e.getMessage(), e);
        }
        Path file = dir.resolve(FILE);
        Json.writeAtomically(file, render(drift).getBytes(StandardCharsets.UTF_8));
        return file;
    }

    static String render(JsonNode drift) {
        Svg svg = new Svg();
        JsonNode verdict = drift.path("verdict");
        StringBuilder top = new StringBuilder();
        top.append("<p class=\"").append(verdict.path("drift").asBoolean() ? "diagnosis" : "verdict").append("\">")
                .append(Html.escape(verdict.path("summary").asText())).append("</p>\n");
        JsonNode performance = drift.path("performance");
        if (performance.isObject()) {
            top.append("<p class=\"summary\">").append(Html.escape(performance.path("summary").asText())).append("</p>\n");
            List<List<String>> rows = new ArrayList<>();
            performance.path("now").fieldNames().forEachRemaining(metric -> rows.add(List.of(Html.escape(metric),
                    Html.number(performance.path("at_training").path(metric)), Html.number(performance.path("now").path(metric)),
                    signed(performance.path("change").path(metric).asDouble()))));
            top.append(Html.table(List.of("metric", "at training (test split)", "now", "change"), rows));
        }
        top.append("<p>Rule: ").append(Html.escape(drift.path("rule").asText())).append(".</p>\n");
        Map<String, String> sections = new LinkedHashMap<>();
        sections.put("verdict", Html.section("verdict", "Verdict", top.toString()));
        sections.put("columns", Html.section("columns", "Columns", columnTable(drift)));

        StringBuilder charts = new StringBuilder();
        List<JsonNode> shown = new ArrayList<>();
        drift.path("columns").forEach(c -> {
            if (!"stable".equals(c.path("status").asText())) {
                shown.add(c);
            }
        });
        shown.add(drift.path("predictions"));
        for (JsonNode c : shown) {
            String name = c.path("name").asText();
            charts.append(Html.figure("chart-" + shown.indexOf(c), () -> svg.of(chart(c), "training and new shares of " + name),
                    caption(c)));
        }
        if (shown.size() == 1) {
            charts.insert(0, "<p>No input column changed; the predictions are shown for reference.</p>\n");
        }
        sections.put("distributions", Html.section("distributions", "Training vs new distributions", charts.toString()));
        List<String> notes = new ArrayList<>();
        drift.path("notes").forEach(n -> notes.add(n.asText()));
        if (!notes.isEmpty()) {
            sections.put("notes", Html.section("notes", "Notes", Html.lines(notes)));
        }
        return page(drift, sections);
    }

    private static org.knowm.xchart.CategoryChart chart(JsonNode c) {
        List<String> bins = new ArrayList<>();
        c.path("bins").forEach(b -> bins.add(b.asText()));
        List<Double> train = percents(c.path("train_shares"));
        List<Double> fresh = percents(c.path("new_shares"));
        // many levels make no readable chart: the largest on either side, in their order
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < bins.size(); i++) {
            kept.add(i);
        }
        if (kept.size() > MAX_BARS) {
            kept.sort((a, b) -> Double.compare(Math.max(train.get(b), fresh.get(b)), Math.max(train.get(a), fresh.get(a))));
            kept = new ArrayList<>(kept.subList(0, MAX_BARS));
            kept.sort(Integer::compare);
        }
        Map<String, List<Double>> series = new LinkedHashMap<>();
        series.put("training", kept.stream().map(train::get).toList());
        series.put("new rows", kept.stream().map(fresh::get).toList());
        List<String> shownBins = kept.stream().map(bins::get).toList();
        String unit = "numeric".equals(c.path("type").asText()) ? "training decile bin" : "level";
        String title = c.path("name").asText() + (shownBins.size() < bins.size() ? " (the " + MAX_BARS + " largest of "
                + bins.size() + " levels)" : "");
        return Charts.bars(title, unit, "% of non-missing values", shownBins, series);
    }

    private static List<Double> percents(JsonNode shares) {
        List<Double> out = new ArrayList<>();
        shares.forEach(s -> out.add(s.asDouble() * 100));
        return out;
    }

    private static String caption(JsonNode c) {
        return String.format(Locale.ROOT, "%s: %s; PSI %s, %s; missing %s -> %s.", c.path("name").asText(), c.path("status").asText(),
                Html.number(c.path("psi")), test(c), percent(c.path("train_missing").asDouble()),
                percent(c.path("new_missing").asDouble()));
    }

    private static String columnTable(JsonNode drift) {
        List<List<String>> rows = new ArrayList<>();
        List<JsonNode> all = new ArrayList<>();
        drift.path("columns").forEach(all::add);
        all.add(drift.path("predictions"));
        for (JsonNode c : all) {
            String status = c.path("status").asText();
            rows.add(List.of(Html.escape(c.path("name").asText()), Html.escape(c.path("type").asText()), Html.number(c.path("psi")),
                    Html.escape(test(c)), percent(c.path("train_missing").asDouble()) + " &rarr; " + percent(c.path("new_missing").asDouble()),
                    c.path("unseen_share").isNumber() ? percent(c.path("unseen_share").asDouble()) : "-",
                    "stable".equals(status) ? status : "<b>" + Html.escape(status) + "</b>"));
        }
        return "<div class=\"wide\">" + Html.table(List.of("column", "type", "PSI", "test", "missing (training &rarr; new)",
                "unseen levels", "status"), rows) + "</div>\n";
    }

    private static String test(JsonNode c) {
        if (!c.path("p_value").isNumber()) {
            return c.path("test").asText() + " not possible (too few values)";
        }
        return String.format(Locale.ROOT, "%s %.4f, p %s", "ks".equals(c.path("test").asText()) ? "KS D" : "chi-squared",
                c.path("statistic").asDouble(), pValue(c.path("p_value").asDouble()));
    }

    static String pValue(double p) {
        return p < 0.0001 ? "< 0.0001" : String.format(Locale.ROOT, "%.4f", p);
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    private static String signed(double v) {
        return (v >= 0 ? "+" : "") + Html.number(v);
    }

    private static String page(JsonNode drift, Map<String, String> sections) {
        String name = Html.escape(drift.path("name").asText());
        StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n");
        sb.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        sb.append("<title>Workbench drift: ").append(name).append("</title>\n<style>").append(Style.CSS).append("</style></head>\n");
        sb.append("<body><header><h1>Drift: ").append(name).append("</h1><p>")
                .append(Html.escape(drift.path("input").asText())).append(" (").append(drift.path("rows").asInt())
                .append(" rows) against ").append(drift.path("train_rows").asInt()).append(" training rows of ")
                .append(Html.escape(drift.path("bundle").asText())).append(" &middot; ").append(Html.escape(drift.path("model").asText()))
                .append("</p>\n<nav><ol>");
        sections.keySet().forEach(id -> sb.append("<li><a href=\"#").append(id).append("\">").append(id).append("</a></li>"));
        sb.append("</ol></nav></header>\n<main>\n");
        sections.values().forEach(sb::append);
        return sb.append("</main></body></html>\n").toString();
    }
}
