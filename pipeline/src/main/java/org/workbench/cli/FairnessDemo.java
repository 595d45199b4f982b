package org.workbench.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.workbench.config.PipelineConfig;
import org.workbench.core.InputException;
import org.workbench.evaluation.EvaluationRecord;
import org.workbench.fairness.FairnessAudit;
import org.workbench.fairness.FairnessConfig;
import org.workbench.fairness.FairnessRecord;
import org.workbench.preprocessing.PreprocessConfig;
import org.workbench.report.HtmlReport;
import org.workbench.run.ConfigLoader;
import org.workbench.run.Runner;

/**
 * {@code workbench demo fairness}: the config (adult income, audited by sex) is run three times, with
 * the group column as a feature, without it, and without it and its proxies, and the selection rates
 * and parity ratio of each run are set side by side. The variants are fixed here, the model in
 * {@code configs/demos/fairness.yaml}.
 */
final class FairnessDemo {
    /** Columns that stand in for sex in adult: relationship is Husband or Wife, marital status goes with it. */
    static final List<String> PROXIES = List.of("relationship", "marital-status");

    private FairnessDemo() {
    }

    /** One run of the demo: what it leaves out, and the audit of its test rows by the first group column. */
    record Variant(String label, String runName, List<String> dropped) {
    }

    /** The three variants of a config audited by one group column. */
    static List<Variant> variants(PipelineConfig base) {
        List<String> groups = base.section(FairnessConfig.class).groups();
        if (groups.isEmpty()) {
            throw new InputException("demo fairness: " + base.file() + " sets no evaluate.fairness.groups; the demo audits by them");
        }
        String group = groups.get(0);
        List<String> drop = base.section(PreprocessConfig.class).drop();
        if (drop.contains(group)) {
            throw new InputException("demo fairness: " + base.file() + " drops '" + group + "' already (preprocess.drop);"
                    + " the first run needs it as a feature: take it out of the list");
        }
        List<String> without = new ArrayList<>(drop);
        without.add(group);
        List<String> withoutProxies = new ArrayList<>(without);
        PROXIES.stream().filter(p -> !withoutProxies.contains(p)).forEach(withoutProxies::add);
        return List.of(new Variant(group + " is a feature", base.name(), drop),
                new Variant("without " + group, base.name() + "-without-" + group, without),
                new Variant("without " + group + ", " + String.join(", ", PROXIES), base.name() + "-without-proxies", withoutProxies));
    }

    /** Runs every variant with {@code run} and returns the lines that compare them, then the first run's folder. */
    static Result run(Path configFile, Function<PipelineConfig, Runner.Outcome> run) {
        PipelineConfig base = ConfigLoader.load(configFile, List.of());
        List<String> lines = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        Path first = null;
        String group = base.section(FairnessConfig.class).groups().get(0);
        List<Variant> variants = variants(base);
        int width = variants.stream().mapToInt(v -> v.label().length()).max().orElse(0) + 1;
        for (Variant v : variants) {
            PipelineConfig config = ConfigLoader.load(configFile, List.of("name=" + v.runName(),
                    "preprocess.drop=[" + String.join(", ", v.dropped().stream().map(d -> "\"" + d + "\"").toList()) + "]"));
            Runner.Outcome outcome = run.apply(config);
            first = first == null ? outcome.dir() : first;
            FairnessRecord audit = outcome.results().stream().map(r -> r.data(EvaluationRecord.class))
                    .flatMap(java.util.Optional::stream).map(EvaluationRecord::fairness).filter(java.util.Objects::nonNull)
                    .findFirst().orElseThrow(() -> new IllegalStateException("the run recorded no fairness audit"));
            FairnessRecord.Audit byGroup = audit.test().get(0);
            String rates = rates(byGroup, FairnessRecord.Group::selectionRate);
            Double ratio = byGroup.demographicParity() == null ? null : byGroup.demographicParity().ratio();
            ratios.add(ratio);
            if (first == outcome.dir()) {
                lines.add(String.format(Locale.ROOT, "%-" + width + "s share of '%s':         %s", "the truth itself:",
                        audit.positiveClass(), rates(byGroup, FairnessRecord.Group::baseRate)));
            }
            lines.add(String.format(Locale.ROOT, "%-" + width + "s selection rate of '%s': %s; parity ratio %s%s", v.label() + ":",
                    audit.positiveClass(), rates, ratio == null ? "undefined" : String.format(Locale.ROOT, "%.4f", ratio),
                    ratio == null ? "" : ratio < FairnessAudit.FOUR_FIFTHS ? " (fails the four-fifths rule)" : " (passes the four-fifths rule)"));
            lines.add("    report: " + outcome.dir().resolve(HtmlReport.FILE));
        }
        lines.add(conclusion(group, ratios));
        return new Result(lines, first);
    }

    private static String rates(FairnessRecord.Audit audit, Function<FairnessRecord.Group, Double> rate) {
        StringBuilder sb = new StringBuilder();
        audit.groups().forEach(g -> sb.append(sb.length() == 0 ? "" : ", ").append(g.name()).append(' ')
                .append(rate.apply(g) == null ? "too small" : String.format(Locale.ROOT, "%.4f", rate.apply(g))));
        return sb.toString();
    }

    /** The demo's findings and the folder of its first run. */
    record Result(List<String> lines, Path firstRun) {
    }

    private static String conclusion(String group, List<Double> ratios) {
        if (ratios.stream().anyMatch(java.util.Objects::isNull)) {
            return "a parity ratio is undefined (a group is too small or has no selection): see the reports";
        }
        double last = ratios.get(ratios.size() - 1);
        String moved = String.format(Locale.ROOT, "the parity ratio went from %.4f (%s a feature) to %.4f without it and %.4f"
                + " without its proxies too", ratios.get(0), group, ratios.get(1), last);
        return moved + (last < FairnessAudit.FOUR_FIFTHS
                ? ": still below 0.8. Leaving the column out does not remove the gap; the other columns carry it."
                : ": at least 0.8 once the proxies are gone too.");
    }
}
