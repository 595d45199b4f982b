package org.workbench.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.workbench.evaluation.EvaluationRecord;
import org.workbench.fairness.FairnessRecord;
import org.workbench.fairness.FairnessRecord.Audit;
import org.workbench.fairness.FairnessRecord.Gap;
import org.workbench.fairness.FairnessRecord.Group;

/**
 * The fairness part of the report, when the run audited groups ({@code evaluate.fairness}): per
 * grouping a table of the groups' metrics, bars of the rates (or errors) per group, the gaps in words,
 * and the gaps over the cross-validation folds.
 */
final class FairnessSection {
    private FairnessSection() {
    }

    /** The section's body, or empty when the run has no audit. */
    static Optional<String> render(RunRecord run, Svg svg) {
        return run.record(EvaluationRecord.class).map(EvaluationRecord::fairness).map(f -> body(f, svg));
    }

    private static String body(FairnessRecord f, Svg svg) {
        StringBuilder sb = new StringBuilder("<p>Predictions audited: ").append(Html.escape(f.predictions()))
                .append(f.positiveClass() == null ? "" : "; the selection rate is the share predicted '"
                        + Html.escape(f.positiveClass()) + "', every other class counting as negative")
                .append(". Groups come from the raw rows; groups with fewer than ").append(f.minGroupSize())
                .append(" rows are too small to compare and are left out of the gaps. The base rate is the share truly"
                        + " positive. A selection-rate ratio below 0.8"
                        + " fails the four-fifths rule.</p>\n");
        int n = 0;
        for (Audit a : f.test()) {
            String id = "fairness-" + n++;
            sb.append("<h3 id=\"").append(id).append("\">By ").append(Html.escape(a.by())).append(" (test rows)</h3>");
            sb.append(groupTable(a.groups()));
            List<Group> large = a.groups().stream().filter(g -> !g.tooSmall()).toList();
            if (!large.isEmpty()) {
                boolean regression = large.get(0).rmse() != null;
                Map<String, List<Double>> series = new LinkedHashMap<>();
                if (regression) {
                    series.put("rmse", large.stream().map(g -> value(g.rmse())).toList());
                    series.put("mae", large.stream().map(g -> value(g.mae())).toList());
                } else {
                    series.put("selection rate", large.stream().map(g -> value(g.selectionRate())).toList());
                    series.put("true positive rate", large.stream().map(g -> value(g.recall())).toList());
                    series.put("false positive rate", large.stream().map(g -> value(g.falsePositiveRate())).toList());
                }
                String title = (regression ? "Errors" : "Rates") + " by " + a.by() + " (test rows)";
                List<String> names = large.stream().map(Group::name).toList();
                sb.append(Html.figure(id + "-chart", () -> svg.of(Charts.bars(title, a.by(), regression ? "error" : "rate",
                        names, series), title), regression ? "Each group's errors on its own test rows; a taller bar is a"
                        + " worse-served group." : "Selection rate: the share predicted positive (demographic parity compares"
                        + " it); true and false positive rates: equalized odds compares both."));
            }
            List<String> words = new ArrayList<>();
            for (Gap gap : Arrays.asList(a.demographicParity(), a.equalizedOdds(), a.rmse(), a.mae())) {
                if (gap != null) {
                    words.add(gap.words());
                }
            }
            if (a.note() != null) {
                words.add(a.note());
            }
            if (!words.isEmpty()) {
                sb.append("<ul>").append(words.stream().map(w -> "<li>" + Html.escape(w) + "</li>").collect(java.util.stream.Collectors.joining()))
                        .append("</ul>");
            }
        }
        if (f.cv() != null && !f.cv().isEmpty()) {
            sb.append("<h3 id=\"fairness-folds\">Gaps over ").append(f.cvFolds().size()).append(" cross-validation folds</h3>");
            List<List<String>> rows = new ArrayList<>();
            for (FairnessRecord.FoldGaps g : f.cv()) {
                g.gaps().forEach((name, ms) -> rows.add(List.of(Html.escape(g.by()), Html.escape(name.replace('_', ' ')),
                        Html.number(ms[0]) + " &plusmn; " + Html.number(ms[1]))));
            }
            sb.append(Html.table(List.of("by", "gap", "mean &plusmn; std"), rows));
        }
        return sb.toString();
    }

    private static String groupTable(List<Group> groups) {
        boolean regression = groups.stream().anyMatch(g -> g.rmse() != null);
        List<String> header = regression ? List.of("group", "rows", "rmse", "mae")
                : List.of("group", "rows", "base rate", "selection rate", "accuracy", "precision", "recall (TPR)", "FPR");
        List<List<String>> rows = new ArrayList<>();
        for (Group g : groups) {
            List<String> row = new ArrayList<>(List.of(Html.escape(g.name()), String.valueOf(g.count())));
            if (g.tooSmall()) {
                row.add("too small to compare");
                while (row.size() < header.size()) {
                    row.add("");
                }
            } else if (regression) {
                row.addAll(List.of(Html.number(g.rmse()), Html.number(g.mae())));
            } else {
                row.addAll(List.of(Html.number(g.baseRate()), Html.number(g.selectionRate()), Html.number(g.accuracy()), Html.number(g.precision()),
                        Html.number(g.recall()), Html.number(g.falsePositiveRate())));
            }
            rows.add(row);
        }
        return Html.table(header, rows);
    }

    private static double value(Double v) {
        return v == null ? 0 : v;
    }
}
