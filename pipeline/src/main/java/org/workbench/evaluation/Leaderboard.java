package org.workbench.evaluation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.workbench.stats.CorrectedTTest;
import org.workbench.data.MetricNames;

/**
 * Algorithms cross-validated on the same folds, best first by the primary metric, each compared
 * with the best by Nadeau and Bengio's corrected resampled t-test on the primary metric.
 *
 * @param metric the primary metric that ranks the rows
 * @param alpha  significance level of the t-test
 */
public record Leaderboard(String metric, double alpha, List<Row> rows) {
    /**
     * One algorithm: mean and standard deviation of each metric over the folds, total fitting time,
     * and the t-test against the best row (null for the best itself, or when the metric is missing in a fold).
     */
    public record Row(String model, Map<String, double[]> cv, double fitSeconds, Double meanDifference, Double pValue,
                      boolean significant) {
    }

    /** {@code alpha}: evaluate.alpha, the run's significance level. */
    public static Leaderboard of(String metric, Map<String, CrossValidation.Result> results, double alpha) {
        boolean higher = MetricNames.higherIsBetter(metric);
        List<String> order = new ArrayList<>(results.keySet());
        Comparator<String> byMean = Comparator.comparingDouble(m -> mean(results.get(m).values(metric)));
        order.sort(higher ? byMean.reversed() : byMean);
        CrossValidation.Result best = results.get(order.get(0));
        List<Row> rows = new ArrayList<>();
        for (String model : order) {
            CrossValidation.Result r = results.get(model);
            Double difference = null;
            Double p = null;
            double[] a = r.values(metric);
            double[] b = best.values(metric);
            if (r != best && a.length == r.folds().size() && b.length == best.folds().size() && a.length >= 2) {
                CorrectedTTest.Result t = CorrectedTTest.test(a, b, r.meanTestRows(), r.meanTrainRows());
                difference = t.meanDifference();
                p = t.pValue();
            }
            rows.add(new Row(model, MetricSummary.meanStd(r.scores()), r.fitMillis() / 1000.0, difference, p,
                    p != null && p < alpha));
        }
        return new Leaderboard(metric, alpha, List.copyOf(rows));
    }

    /** The detail line of the evaluation stage that comes before the leaderboard's {@link #lines()}. */
    public static final String DETAILS_HEADER = "leaderboard:";

    /**
     * The leaderboard's lines as the evaluation stage put them in its detail lines (empty when it
     * compared no models): how a run restored from the stage cache shows it without loading the
     * evaluation, whose record leaves out the fit times.
     */
    public static List<String> inDetails(List<String> details) {
        int start = details.indexOf(DETAILS_HEADER);
        if (start < 0) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String line : details.subList(start + 1, details.size())) {
            out.add(line);
            if (line.startsWith(T_TEST)) {
                break;
            }
        }
        return out;
    }

    private static final String T_TEST = "t-test: ";

    /** A fixed-width text table: rank, model, primary metric mean +/- std, fit time, difference and p-value. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "%-4s %-20s %-20s %9s %10s %9s %s", "rank", "model", metric + " (mean +/- std)",
                "fit (s)", "vs best", "p", "significant"));
        int rank = 1;
        for (Row r : rows) {
            double[] ms = r.cv().get(metric);
            String score = ms == null ? "-" : String.format(Locale.ROOT, "%.4f +/- %.4f", ms[0], ms[1]);
            out.add(String.format(Locale.ROOT, "%-4d %-20s %-20s %9.2f %10s %9s %s", rank++, r.model(), score, r.fitSeconds(),
                    r.meanDifference() == null ? "-" : String.format(Locale.ROOT, "%+.4f", r.meanDifference()),
                    r.pValue() == null ? "-" : String.format(Locale.ROOT, "%.4f", r.pValue()),
                    r == rows.get(0) ? "best" : r.pValue() == null ? "-" : r.significant() ? "yes (p < " + alpha + ")" : "no"));
        }
        out.add(T_TEST + "corrected resampled (Nadeau & Bengio) on per-fold " + metric + ", each model against the best");
        return out;
    }

    /** Means of every metric per model, for the run's JSON. */
    public Map<String, Map<String, Double>> means() {
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        for (Row r : rows) {
            Map<String, Double> m = new LinkedHashMap<>();
            r.cv().forEach((k, v) -> m.put(k, v[0]));
            out.put(r.model(), m);
        }
        return out;
    }

    private static double mean(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return values.length == 0 ? Double.NaN : s / values.length;
    }
}
