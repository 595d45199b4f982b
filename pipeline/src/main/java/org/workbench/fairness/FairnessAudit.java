package org.workbench.fairness;

import org.workbench.stats.MeanStd;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.workbench.data.Predictions;
import org.workbench.data.Target;
import org.workbench.data.Task;
import org.workbench.fairness.FairnessRecord.Audit;
import org.workbench.fairness.FairnessRecord.Gap;
import org.workbench.fairness.FairnessRecord.Group;
import tech.tablesaw.api.Table;

/**
 * Metrics per group, and the gaps between groups, as Fairlearn's {@code MetricFrame} and its
 * {@code demographic_parity_difference} / {@code _ratio} and {@code equalized_odds_difference}
 * define them: the selection rate is the share of rows predicted as the positive class; the
 * demographic-parity difference is the highest selection rate minus the lowest, its ratio the lowest
 * over the highest; the equalized-odds difference is the larger of the true-positive-rate and the
 * false-positive-rate differences. With more than two classes the positive class is audited against
 * all others (one-vs-rest, Fairlearn's {@code pos_label}). Groups with fewer than
 * {@code min_group_size} rows are listed as too small and left out of every gap.
 *
 * @param positive the positive class (classification), null for regression
 */
public record FairnessAudit(FairnessConfig config, Task task, String positive) {

    /** The four-fifths rule: a selection-rate ratio below this is the usual sign of adverse impact. */
    public static final double FOUR_FIFTHS = 0.8;

    /** Audits {@code predicted} against {@code truth} for the rows of {@code raw} (row-aligned), by every grouping. */
    public List<Audit> audit(Table raw, Target truth, Predictions predicted) {
        if (raw.rowCount() != truth.size() || truth.size() != predicted.size()) {
            throw new IllegalArgumentException("raw rows, truth and predictions differ in length: " + raw.rowCount()
                    + ", " + truth.size() + ", " + predicted.size());
        }
        List<Audit> out = new ArrayList<>();
        GroupColumns.of(raw, config.groups()).forEach((by, groups) -> out.add(audit(by, groups, truth, predicted)));
        return out;
    }

    Audit audit(String by, String[] groupOf, Target truth, Predictions predicted) {
        Map<String, List<Integer>> rows = new TreeMap<>(Comparator.comparing((String g) -> g.contains(GroupColumns.MISSING))
                .thenComparing(Comparator.naturalOrder()));
        for (int i = 0; i < groupOf.length; i++) {
            rows.computeIfAbsent(groupOf[i], g -> new ArrayList<>()).add(i);
        }
        List<Group> groups = new ArrayList<>();
        rows.forEach((name, members) -> groups.add(group(name, members, truth, predicted)));
        List<Group> large = groups.stream().filter(g -> !g.tooSmall()).toList();
        if (task == Task.REGRESSION) {
            Gap rmse = gap("rmse", large, Group::rmse);
            Gap mae = gap("mae", large, Group::mae);
            return new Audit(by, groups, null, null, rmse, mae, note(large, rmse == null));
        }
        Gap parity = gap("selection_rate", large, Group::selectionRate);
        Gap odds = equalizedOdds(large);
        return new Audit(by, groups, parity, odds, null, null, note(large, parity == null || odds == null));
    }

    private String note(List<Group> large, boolean missingGap) {
        if (large.size() < 2) {
            return "fewer than 2 groups have at least " + config.minGroupSize() + " rows (evaluate.fairness.min_group_size):"
                    + " no gap to measure";
        }
        return missingGap ? "a gap is missing where fewer than 2 groups have the rate defined (no "
                + (task == Task.REGRESSION ? "rows" : "positive or no negative rows") + ")" : null;
    }

    private Group group(String name, List<Integer> members, Target truth, Predictions predicted) {
        int n = members.size();
        if (n < config.minGroupSize()) {
            return new Group(name, n, true, null, null, null, null, null, null, null, null);
        }
        if (task == Task.REGRESSION) {
            double squares = 0;
            double absolute = 0;
            for (int i : members) {
                double e = truth.values()[i] - predicted.values()[i];
                squares += e * e;
                absolute += Math.abs(e);
            }
            return new Group(name, n, false, null, null, null, null, null, null, Math.sqrt(squares / n), absolute / n);
        }
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int tn = 0;
        int correct = 0;
        for (int i : members) {
            boolean actual = positive.equals(truth.labels()[i]);
            boolean said = positive.equals(predicted.labels()[i]);
            if (actual && said) {
                tp++;
            } else if (said) {
                fp++;
            } else if (actual) {
                fn++;
            } else {
                tn++;
            }
            correct += predicted.labels()[i].equals(truth.labels()[i]) ? 1 : 0;
        }
        return new Group(name, n, false, ratio(tp + fn, n), ratio(tp + fp, n), ratio(correct, n), ratio(tp, tp + fp), ratio(tp, tp + fn),
                ratio(fp, fp + tn), null, null);
    }

    private static Double ratio(int part, int whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    /** The lowest and highest value of one metric among the groups: which groups, and their values. */
    private record Extremes(String metric, String low, double lo, String high, double hi) {
        double difference() {
            return hi - lo;
        }

        Double ratio() {
            return hi == 0 ? null : lo / hi;
        }

        String pair() {
            return String.format(Locale.ROOT, "%s %.4f vs %s %.4f", quote(low), lo, quote(high), hi);
        }
    }

    /** The extremes of {@code metric} among the groups that have it; null with fewer than two. */
    private static Extremes extremes(String metric, List<Group> groups, Function<Group, Double> value) {
        List<Group> defined = groups.stream().filter(g -> value.apply(g) != null).toList();
        if (defined.size() < 2) {
            return null;
        }
        Group low = defined.get(0);
        Group high = defined.get(0);
        for (Group g : defined) {
            if (value.apply(g) < value.apply(low)) {
                low = g;
            }
            if (value.apply(g) > value.apply(high)) {
                high = g;
            }
        }
        return new Extremes(metric, low.name(), value.apply(low), high.name(), value.apply(high));
    }

    private Gap gap(String metric, List<Group> groups, Function<Group, Double> value) {
        Extremes e = extremes(metric, groups, value);
        if (e == null) {
            return null;
        }
        String ratio = e.ratio() == null ? "undefined" : String.format(Locale.ROOT, "%.4f", e.ratio());
        String words = String.format(Locale.ROOT, "%s: %s; difference %.4f, ratio %s",
                metric.equals("selection_rate") ? "selection rate of '" + positive + "'" : metric, e.pair(), e.difference(), ratio);
        if (metric.equals("selection_rate") && e.ratio() != null) {
            words += e.ratio() < FOUR_FIFTHS ? " (below 0.8: fails the four-fifths rule)" : " (0.8 or more: passes the four-fifths rule)";
        }
        return new Gap(metric, e.difference(), e.ratio(), e.low(), e.high(), words);
    }

    /** The larger of the true- and false-positive-rate gaps, over the groups that have both rates. */
    private static Gap equalizedOdds(List<Group> groups) {
        List<Group> both = groups.stream().filter(g -> g.recall() != null && g.falsePositiveRate() != null).toList();
        Extremes tpr = extremes("true_positive_rate", both, Group::recall);
        Extremes fpr = extremes("false_positive_rate", both, Group::falsePositiveRate);
        if (tpr == null || fpr == null) {
            return null;
        }
        Extremes worse = fpr.difference() > tpr.difference() ? fpr : tpr;
        Extremes other = worse == tpr ? fpr : tpr;
        Double ratio = tpr.ratio() == null || fpr.ratio() == null ? null : Math.min(tpr.ratio(), fpr.ratio());
        String words = String.format(Locale.ROOT, "equalized odds difference %.4f, the larger of the %s gap (%s) and the"
                + " %s gap (%s)", worse.difference(), label(worse.metric()), worse.pair(), label(other.metric()), other.pair());
        return new Gap(worse.metric(), worse.difference(), ratio, worse.low(), worse.high(), words);
    }

    private static String label(String metric) {
        return metric.replace('_', ' ');
    }

    private static String quote(String group) {
        return "'" + group + "'";
    }

    /** Each gap over the folds: {@code [mean, std]} by name, per grouping, in the order of the first fold. */
    public static List<FairnessRecord.FoldGaps> overFolds(List<FairnessRecord.FoldAudit> folds) {
        Map<String, Map<String, List<Double>>> values = new LinkedHashMap<>();
        for (FairnessRecord.FoldAudit fold : folds) {
            for (Audit a : fold.audits()) {
                Map<String, List<Double>> by = values.computeIfAbsent(a.by(), k -> new LinkedHashMap<>());
                add(by, "demographic_parity_difference", a.demographicParity() == null ? null : a.demographicParity().difference());
                add(by, "demographic_parity_ratio", a.demographicParity() == null ? null : a.demographicParity().ratio());
                add(by, "equalized_odds_difference", a.equalizedOdds() == null ? null : a.equalizedOdds().difference());
                add(by, "equalized_odds_ratio", a.equalizedOdds() == null ? null : a.equalizedOdds().ratio());
                add(by, "rmse_difference", a.rmse() == null ? null : a.rmse().difference());
                add(by, "mae_difference", a.mae() == null ? null : a.mae().difference());
            }
        }
        List<FairnessRecord.FoldGaps> out = new ArrayList<>();
        values.forEach((by, gaps) -> {
            Map<String, double[]> summary = new LinkedHashMap<>();
            gaps.forEach((name, list) -> summary.put(name, MeanStd.of(list)));
            out.add(new FairnessRecord.FoldGaps(by, summary));
        });
        return out;
    }

    private static void add(Map<String, List<Double>> by, String name, Double value) {
        if (value != null) {
            by.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
    }
}
