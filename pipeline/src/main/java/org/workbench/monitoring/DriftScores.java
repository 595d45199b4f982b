package org.workbench.monitoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.workbench.deployment.TrainingProfile.Distribution;

/**
 * Scores new values against a training {@link Distribution}: PSI on the training bins, a two-sample
 * test from commons-math (Kolmogorov-Smirnov for numbers, chi-squared on level counts for
 * categories), the missing share before and after, and the share of unseen levels.
 */
public final class DriftScores {
    static final String UNSEEN = "(unseen)";
    static final String OTHER = "(other levels)";
    /** Commons-math's threshold: below this product of the sample sizes its KS p-value is exact, above it asymptotic. */
    static final long LARGE_SAMPLE_PRODUCT = 10_000;
    /** Stateless for the calls made here (no random generator is used), so one instance serves every thread. */
    private static final KolmogorovSmirnovTest KS = new KolmogorovSmirnovTest();

    private DriftScores() {
    }

    /** Numbers: missing is NaN. */
    public static ColumnDrift numbers(String name, Distribution train, double[] values) {
        double[] present = Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
        long[] trainCounts = train.binCounts().stream().mapToLong(Long::longValue).toArray();
        long[] newCounts = new long[trainCounts.length];
        if (trainCounts.length > 0) {
            for (double v : present) {
                newCounts[train.bin(v)]++;
            }
        }
        Double statistic = null;
        Double p = null;
        double[] reference = train.sample().stream().mapToDouble(Double::doubleValue).toArray();
        if (reference.length >= 2 && present.length >= 2) {
            statistic = KS.kolmogorovSmirnovStatistic(reference, present);
            p = ksPValue(statistic, train.count(), present.length);
        }
        return result(name, "numeric", values.length, trainCounts, newCounts,
                trainCounts.length == 0 ? List.of() : binLabels(train.edges()), "ks", statistic, p,
                train, values.length, present.length, null);
    }

    /**
     * The two-sample KS p-value for statistic {@code d}, with {@code trainRows} the real number of training
     * values (a profile of more than {@link org.workbench.deployment.TrainingProfile#SAMPLE} rows keeps only
     * quantiles standing in for them). Computed as commons-math's {@code kolmogorovSmirnovTest(x, y)} does
     * for samples without ties (exact below {@link #LARGE_SAMPLE_PRODUCT}, asymptotic above), but without its
     * handling of ties, which jitters the values at random and in 3.6.1 can fail on heavily tied data; with
     * ties (counts, codes) this p-value is conservative. The statistic itself counts ties correctly.
     */
    static double ksPValue(double d, long trainRows, int newRows) {
        int n = (int) Math.min(trainRows, Integer.MAX_VALUE);
        return (long) n * newRows < LARGE_SAMPLE_PRODUCT ? KS.exactP(d, n, newRows, true) : KS.approximateP(d, n, newRows);
    }

    /** Categories: missing is "" or null. */
    public static ColumnDrift levels(String name, Distribution train, String[] values) {
        Map<String, Long> counts = new LinkedHashMap<>();
        train.levels().keySet().forEach(level -> counts.put(level, 0L));
        long present = 0;
        long unnamed = 0;
        for (String v : values) {
            if (v == null || v.isEmpty()) {
                continue;
            }
            present++;
            if (counts.containsKey(v)) {
                counts.merge(v, 1L, Long::sum);
            } else {
                unnamed++;
            }
        }
        List<String> labels = new ArrayList<>(counts.keySet());
        List<Long> trainCounts = new ArrayList<>(train.levels().values());
        List<Long> newCounts = new ArrayList<>(counts.values());
        if (!train.allLevels() || unnamed > 0) {
            // a profile that counted its rare levels together cannot tell them from unseen ones: one bin for both
            labels.add(train.allLevels() ? UNSEEN : OTHER);
            trainCounts.add(train.otherLevels());
            newCounts.add(unnamed);
        }
        long[] t = trainCounts.stream().mapToLong(Long::longValue).toArray();
        long[] n = newCounts.stream().mapToLong(Long::longValue).toArray();
        Double statistic = null;
        Double p = null;
        long[][] tested = withoutEmptyBins(t, n);
        if (tested[0].length >= 2 && Arrays.stream(tested[0]).sum() > 0 && Arrays.stream(tested[1]).sum() > 0) {
            ChiSquareTest chi = new ChiSquareTest();
            statistic = chi.chiSquareDataSetsComparison(tested[0], tested[1]);
            p = chi.chiSquareTestDataSetsComparison(tested[0], tested[1]);
        }
        Double unseen = !train.allLevels() ? null : present == 0 ? 0.0 : unnamed / (double) present;
        return result(name, "categorical", values.length, t, n, labels, "chi2", statistic, p, train, values.length, present,
                unseen);
    }

    /**
     * The population stability index: the sum over bins of (new - train) ln(new / train), shares of
     * the non-missing values, an empty bin counted as {@link DriftRules#EMPTY_SHARE}. Null when either
     * side has no values.
     */
    public static Double psi(long[] train, long[] fresh) {
        long trainTotal = Arrays.stream(train).sum();
        long newTotal = Arrays.stream(fresh).sum();
        if (trainTotal == 0 || newTotal == 0) {
            return null;
        }
        double psi = 0;
        for (int i = 0; i < train.length; i++) {
            double t = Math.max(train[i] / (double) trainTotal, DriftRules.EMPTY_SHARE);
            double n = Math.max(fresh[i] / (double) newTotal, DriftRules.EMPTY_SHARE);
            psi += (n - t) * Math.log(n / t);
        }
        return psi;
    }

    private static ColumnDrift result(String name, String type, int rows, long[] trainCounts, long[] newCounts, List<String> labels,
                                      String test, Double statistic, Double p, Distribution train, long newRows, long present,
                                      Double unseen) {
        Double psi = psi(trainCounts, newCounts);
        // no new row: nothing is missing yet, so the share stays the training one
        double newMissing = newRows == 0 ? train.missingRate() : (newRows - present) / (double) newRows;
        Double missingP = missingTest(train, newRows, present);
        String status = DriftRules.status(psi, p, newMissing - train.missingRate(), missingP);
        return new ColumnDrift(name, type, rows, psi, test, statistic, p, train.missingRate(), newMissing, missingP, unseen,
                status, List.copyOf(labels), shares(trainCounts), shares(newCounts));
    }

    /** Chi-squared on (missing, present) counts, training vs new; null when it cannot be computed. */
    private static Double missingTest(Distribution train, long newRows, long present) {
        long newMissing = newRows - present;
        if (newRows == 0 || train.count() + train.missing() == 0 || (train.missing() == 0 && newMissing == 0)) {
            return null;
        }
        long[][] tested = withoutEmptyBins(new long[] {train.missing(), train.count()}, new long[] {newMissing, present});
        if (tested[0].length < 2) {
            return null;
        }
        return new ChiSquareTest().chiSquareTestDataSetsComparison(tested[0], tested[1]);
    }

    private static List<Double> shares(long[] counts) {
        long total = Arrays.stream(counts).sum();
        List<Double> out = new ArrayList<>();
        for (long c : counts) {
            out.add(total == 0 ? 0.0 : c / (double) total);
        }
        return out;
    }

    /** commons-math refuses a bin that is empty on both sides; such a bin adds nothing to the statistic. */
    private static long[][] withoutEmptyBins(long[] a, long[] b) {
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < a.length; i++) {
            if (a[i] > 0 || b[i] > 0) {
                kept.add(i);
            }
        }
        return new long[][] {kept.stream().mapToLong(i -> a[i]).toArray(), kept.stream().mapToLong(i -> b[i]).toArray()};
    }

    /** "<= 3.5", "(3.5, 7]", ..., "> 20" for the bins between the training edges. */
    static List<String> binLabels(List<Double> edges) {
        List<String> out = new ArrayList<>();
        if (edges.isEmpty()) {
            out.add("all values");
            return out;
        }
        out.add("<= " + number(edges.get(0)));
        for (int i = 1; i < edges.size(); i++) {
            out.add("(" + number(edges.get(i - 1)) + ", " + number(edges.get(i)) + "]");
        }
        out.add("> " + number(edges.get(edges.size() - 1)));
        return out;
    }

    /** Four significant digits, trailing zeros after the decimal mark dropped: 12.50 -> "12.5", 1000 -> "1000". */
    static String number(double v) {
        String s = String.format(Locale.ROOT, "%.4g", v);
        int e = s.indexOf('e');
        String mantissa = e < 0 ? s : s.substring(0, e);
        if (mantissa.contains(".")) {
            mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return mantissa + (e < 0 ? "" : s.substring(e));
    }
}
