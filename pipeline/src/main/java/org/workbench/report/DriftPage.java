package org.workbench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.workbench.core.Json;
import org.workbench.monitoring.ColumnDrift;
import org.workbench.monitoring.DriftResult;
import org.workbench.monitoring.DriftRules;
import org.workbench.monitoring.Performance;
import org.workbench.monitoring.Verdict;

/**
 * {@code drift.html}: the page for one {@code workbench drift} check, rendered from its
 * {@link DriftResult} (as written to drift.json, or read back from it) like report.html from run.json: the verdict, the performance now and at
 * training, a table of every column's scores, and for each column that changed (and the
 * predictions) the training and new shares per bin side by side. Inline SVG and styles, no script.
 */
public final class DriftPage {
    public static final String FILE = "drift.html";
    private static final int MAX_BARS = 24;

    private DriftPage() {
    }

    /** Writes {@code drift.html} into {@code dir} from the check's result; returns the file. */
    public static Path write(Path dir, DriftResult drift) {
        Path file = dir.resolve(FILE);
        Json.writeAtomically(file, render(drift).getBytes(StandardCharsets.UTF_8));
        return file;
    }

    /** Writes {@code drift.html} into {@code dir} from the text of a drift.json, read back as a {@link DriftResult}. */
    public static Path write(Path dir, String driftJson) {
        return write(dir, read(driftJson));
    }

    /** The text of a drift.json as the result it was written from. */
    public static DriftResult read(String driftJson) {
        try {
            return Json.MAPPER.readValue(driftJson, DriftResult.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read back drift.json: " + e.getMessage(), e);
        }
    }

    static String render(DriftResult drift) {
        Svg svg = new Svg();
        Verdict verdict = drift.verdict();
        StringBuilder top = new StringBuilder();
        top.append("<p class=\"").append(verdict.drift() ? "diagnosis" : "verdict").append("\">")
                .append(Html.escape(verdict.summary())).append("</p>\n");
        Performance performance = drift.performance();
        if (performance != null) {
            top.append("<p class=\"summary\">").append(Html.escape(performance.summary())).append("</p>\n");
            List<List<String>> rows = new ArrayList<>();
            // metrics in drift.json's order (its map keys are sorted), whether read back or handed over
            for (String metric : new TreeMap<>(performance.now()).keySet()) {
                Double change = performance.change().get(metric);
                rows.add(List.of(Html.escape(metric), Html.number(performance.atTraining().get(metric)),
                        Html.number(performance.now().get(metric)), signed(change == null ? 0 : change)));
            }
            top.append(Html.table(List.of("metric", "at training (test split)", "now", "change"), rows));
        }
        top.append("<p>Rule: ").append(Html.escape(drift.rule())).append(".</p>\n");
        Map<String, String> sections = new LinkedHashMap<>();
        sections.put("verdict", Html.section("verdict", "Verdict", top.toString()));
        sections.put("columns", Html.section("columns", "Columns", columnTable(drift)));

        StringBuilder charts = new StringBuilder();
        List<ColumnDrift> shown = new ArrayList<>(drift.columns().stream().filter(c -> !DriftRules.STABLE.equals(c.status())).toList());
        shown.add(drift.predictions());
        for (int i = 0; i < shown.size(); i++) {
            ColumnDrift c = shown.get(i);
            charts.append(Html.figure("chart-" + i, () -> svg.of(chart(c), "training and new shares of " + c.name()), caption(c)));
        }
        if (shown.size() == 1) {
            charts.insert(0, "<p>No input column changed; the predictions are shown for reference.</p>\n");
        }
        sections.put("distributions", Html.section("distributions", "Training vs new distributions", charts.toString()));
        if (!drift.notes().isEmpty()) {
            sections.put("notes", Html.section("notes", "Notes", Html.lines(drift.notes())));
        }
        return page(drift, sections);
    }

    private static org.knowm.xchart.CategoryChart chart(ColumnDrift c) {
        List<String> bins = c.bins();
        List<Double> train = percents(c.trainShares());
        List<Double> fresh = percents(c.newShares());
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
        String unit = "numeric".equals(c.type()) ? "training decile bin" : "level";
        String title = c.name() + (shownBins.size() < bins.size() ? " (the " + MAX_BARS + " largest of "
                + bins.size() + " levels)" : "");
        return Charts.bars(title, unit, "% of non-missing values", shownBins, series);
    }

    private static List<Double> percents(List<Double> shares) {
        return shares.stream().map(s -> s * 100).toList();
    }

    private static String caption(ColumnDrift c) {
        return String.format(Locale.ROOT, "%s: %s; PSI %s, %s; missing %s -> %s.", c.name(), c.status(),
                Html.number(c.psi()), test(c), percent(c.trainMissing()), percent(c.newMissing()));
    }

    private static String columnTable(DriftResult drift) {
        List<List<String>> rows = new ArrayList<>();
        List<ColumnDrift> all = new ArrayList<>(drift.columns());
        all.add(drift.predictions());
        for (ColumnDrift c : all) {
            String status = c.status();
            rows.add(List.of(Html.escape(c.name()), Html.escape(c.type()), Html.number(c.psi()),
                    Html.escape(test(c)), percent(c.trainMissing()) + " &rarr; " + percent(c.newMissing()),
                    isNumber(c.unseenShare()) ? percent(c.unseenShare()) : "-",
                    DriftRules.STABLE.equals(status) ? status : "<b>" + Html.escape(status) + "</b>"));
        }
        return "<div class=\"wide\">" + Html.table(List.of("column", "type", "PSI", "test", "missing (training &rarr; new)",
                "unseen levels", "status"), rows) + "</div>\n";
    }

    private static String test(ColumnDrift c) {
        if (!isNumber(c.pValue())) {
            return c.test() + " not possible (too few values)";
        }
        return String.format(Locale.ROOT, "%s %.4f, p %s", "ks".equals(c.test()) ? "KS D" : "chi-squared",
                c.statistic(), pValue(c.pValue()));
    }

    /** A score drift.json holds as a number: Jackson writes NaN and infinities as text, shown as absent. */
    private static boolean isNumber(Double v) {
        return v != null && Double.isFinite(v);
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

    private static String page(DriftResult drift, Map<String, String> sections) {
        String name = Html.escape(drift.name());
        StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n");
        sb.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        sb.append("<title>Workbench drift: ").append(name).append("</title>\n<style>").append(Style.CSS).append("</style></head>\n");
        sb.append("<body><header><h1>Drift: ").append(name).append("</h1><p>")
                .append(Html.escape(drift.input())).append(" (").append(drift.rows())
                .append(" rows) against ").append(drift.trainRows()).append(" training rows of ")
                .append(Html.escape(drift.bundle())).append(" &middot; ").append(Html.escape(drift.model()))
                .append("</p>\n<nav><ol>");
        sections.keySet().forEach(id -> sb.append("<li><a href=\"#").append(id).append("\">").append(id).append("</a></li>"));
        sb.append("</ol></nav></header>\n<main>\n");
        sections.values().forEach(sb::append);
        return sb.append("</main></body></html>\n").toString();
    }
}
