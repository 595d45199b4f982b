package org.workbench.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.workbench.core.InputException;
import org.workbench.data.Predictions;
import org.workbench.stats.RocAuc;

/**
 * Classification metrics computed directly from true and predicted labels (and probabilities when
 * the model gives them), so every number can be checked by hand from the confusion matrix.
 *
 * <p>Division by zero follows scikit-learn: the precision of a class that is never predicted is 0,
 * the recall of a class absent from the truth is 0, F1 is 0 when precision and recall are both 0,
 * and MCC is 0 when its denominator is 0. Cohen's kappa is null when chance agreement is already
 * perfect (truth and predictions are all one and the same class).
 */
public final class ClassificationMetrics {
    /** Probabilities are clipped to [EPS, 1 - EPS] before taking logs, so log loss stays finite. */
    static final double EPS = 1e-15;

    private ClassificationMetrics() {
    }

    /**
     * Scores predictions against the truth.
     *
     * @param truth         true label of each row
     * @param predicted     predicted labels, and class probabilities (any column order, matched by name)
     * @param classes       the classes known at training time; labels seen only in the truth or the
     *                      predictions are added, and the report's class order is the sorted union
     * @param positiveClass the positive class for two-class problems; null means the second class in
     *                      sorted order (e.g. "1" of "0"/"1", "yes" of "no"/"yes"). Ignored with more
     *                      than two classes.
     * @throws InputException when {@code positiveClass} is not one of the classes
     */
    public static ClassificationReport compute(String[] truth, Predictions predicted, List<String> classes,
                                               String positiveClass) {
        String[] labels = predicted.labels();
        if (labels == null) {
            throw new IllegalArgumentException("classification metrics need predicted labels");
        }
        if (truth.length != labels.length) {
            throw new IllegalArgumentException(truth.length + " true labels but " + labels.length + " predictions");
        }
        if (truth.length == 0) {
            throw new IllegalArgumentException("no rows to score");
        }
        if (predicted.hasProbabilities() && predicted.probabilities().length != truth.length) {
            throw new IllegalArgumentException(truth.length + " true labels but " + predicted.probabilities().length
                    + " rows of probabilities");
        }
        TreeSet<String> union = new TreeSet<>(classes);
        union.addAll(predicted.classes());
        union.addAll(Arrays.asList(truth));
        union.addAll(Arrays.asList(labels));
        List<String> order = List.copyOf(union);
        if (positiveClass != null && !union.contains(positiveClass)) {
            throw new InputException("problem.positive_class: '" + positiveClass + "' is not a class of the target; classes: "
                    + String.join(", ", order));
        }
        String positive = order.size() != 2 ? null : positiveClass != null ? positiveClass : order.get(1);

        int[][] cm = confusionMatrix(truth, labels, order);
        Double rocAuc = null;
        Double averagePrecision = null;
        Double logLoss = null;
        Double brier = null;
        if (predicted.hasProbabilities()) {
            double[][] probs = alignProbabilities(predicted, order);
            int[] truthIndex = indexes(truth, order);
            int positiveIndex = positive == null ? -1 : order.indexOf(positive);
            int[] support = supportOf(cm);
            rocAuc = oneVsRest(truthIndex, probs, support, positiveIndex, RocAuc::of);
            averagePrecision = oneVsRest(truthIndex, probs, support, positiveIndex, Curves::averagePrecision);
            logLoss = logLoss(truthIndex, probs);
            brier = Calibration.brier(truthIndex, probs, positiveIndex);
        }

        return fromConfusion(toLong(cm), order, positive, rocAuc, averagePrecision, logLoss, brier);
    }

    /**
     * The report of a confusion matrix: rows are true classes and columns predicted ones, both in
     * {@code order}; {@code positive} is the positive class of a two-class problem (null otherwise). The
     * probability metrics are measured elsewhere and passed in (null when there are none). Every engine
     * scores through here, the local one from its labels, Spark from counts it aggregated.
     */
    public static ClassificationReport fromConfusion(long[][] cm, List<String> order, String positive, Double rocAuc,
                                                     Double averagePrecision, Double logLoss, Double brier) {
        Counts counts = new Counts(cm);
        int k = order.size();
        long n = counts.total;

        List<ClassificationReport.ClassScores> perClass = new ArrayList<>();
        double[] precision = new double[k];
        double[] recall = new double[k];
        double[] f1 = new double[k];
        for (int c = 0; c < k; c++) {
            long tp = cm[c][c];
            precision[c] = ratio(tp, counts.predicted[c]);
            recall[c] = ratio(tp, counts.support[c]);
            // 2TP / (2TP + FP + FN) equals 2PR / (P + R) and is 0 rather than undefined when both are 0
            f1[c] = ratio(2 * tp, counts.support[c] + counts.predicted[c]);
            perClass.add(new ClassificationReport.ClassScores(order.get(c), precision[c], recall[c], f1[c],
                    (int) Math.min(Integer.MAX_VALUE, counts.support[c])));
        }

        // Macro: classes that occur in the truth or the predictions, as scikit-learn does when no
        // label list is given; a training class absent from both would only drag the mean to 0.
        double macroP = 0;
        double macroR = 0;
        double macroF = 0;
        int seen = 0;
        double weightedP = 0;
        double weightedR = 0;
        double weightedF = 0;
        double recallSum = 0;
        int inTruth = 0;
        for (int c = 0; c < k; c++) {
            if (counts.support[c] + counts.predicted[c] > 0) {
                macroP += precision[c];
                macroR += recall[c];
                macroF += f1[c];
                seen++;
            }
            weightedP += precision[c] * counts.support[c] / n;
            weightedR += recall[c] * counts.support[c] / n;
            weightedF += f1[c] * counts.support[c] / n;
            if (counts.support[c] > 0) {
                recallSum += recall[c];
                inTruth++;
            }
        }
        var macro = new ClassificationReport.Average(macroP / seen, macroR / seen, macroF / seen);
        var weighted = new ClassificationReport.Average(weightedP, weightedR, weightedF);

        ClassificationReport.PositiveClass positiveScores = null;
        if (positive != null) {
            int p = order.indexOf(positive);
            positiveScores = new ClassificationReport.PositiveClass(positive, precision[p], recall[p], f1[p]);
        }

        return new ClassificationReport((int) Math.min(Integer.MAX_VALUE, n), order, (double) counts.trace / n, recallSum / inTruth, List.copyOf(perClass),
                macro, weighted, positiveScores, rocAuc, averagePrecision, logLoss, brier, mcc(counts), kappa(counts), toInt(cm));
    }

    /**
     * The least frequent label (ties go to the later label in sorted order, so a balanced two-class
     * target gives the same class as the default of {@link #compute}).
     */
    public static String minorityClass(String[] labels) {
        TreeMap<String, Integer> counts = new TreeMap<>();
        for (String l : labels) {
            counts.merge(l, 1, Integer::sum);
        }
        String best = null;
        int bestCount = Integer.MAX_VALUE;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() <= bestCount) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        return best;
    }

    /** Row totals (support), column totals (predicted), diagonal and grand total of a confusion matrix. */
    private static final class Counts {
        final long[] support;
        final long[] predicted;
        long trace;
        long total;

        Counts(long[][] cm) {
            support = new long[cm.length];
            predicted = new long[cm.length];
            for (int t = 0; t < cm.length; t++) {
                trace += cm[t][t];
                for (int p = 0; p < cm.length; p++) {
                    support[t] += cm[t][p];
                    predicted[p] += cm[t][p];
                    total += cm[t][p];
                }
            }
        }
    }

    private static long[][] toLong(int[][] cm) {
        long[][] out = new long[cm.length][];
        for (int i = 0; i < cm.length; i++) {
            out[i] = Arrays.stream(cm[i]).asLongStream().toArray();
        }
        return out;
    }

    /** The report's matrix; a cell beyond the int range (over two billion rows) is shown capped. */
    private static int[][] toInt(long[][] cm) {
        int[][] out = new int[cm.length][cm.length];
        for (int i = 0; i < cm.length; i++) {
            for (int j = 0; j < cm.length; j++) {
                out[i][j] = (int) Math.min(Integer.MAX_VALUE, cm[i][j]);
            }
        }
        return out;
    }

    private static int[] supportOf(int[][] cm) {
        int[] support = new int[cm.length];
        for (int t = 0; t < cm.length; t++) {
            for (int p = 0; p < cm.length; p++) {
                support[t] += cm[t][p];
            }
        }
        return support;
    }

    static int[][] confusionMatrix(String[] truth, String[] predicted, List<String> order) {
        int[] t = indexes(truth, order);
        int[] p = indexes(predicted, order);
        int[][] cm = new int[order.size()][order.size()];
        for (int i = 0; i < t.length; i++) {
            cm[t[i]][p[i]]++;
        }
        return cm;
    }

    private static int[] indexes(String[] labels, List<String> order) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            index.put(order.get(i), i);
        }
        return Arrays.stream(labels).mapToInt(index::get).toArray();
    }

    private static double ratio(double numerator, double denominator) {
        return denominator == 0 ? 0.0 : numerator / denominator;
    }

    /** Probability columns rearranged into {@code order}; a class the model never saw gets 0. */
    private static double[][] alignProbabilities(Predictions predicted, List<String> order) {
        double[][] given = predicted.probabilities();
        List<String> givenOrder = predicted.classes();
        double[][] out = new double[given.length][order.size()];
        int[] target = givenOrder.stream().mapToInt(order::indexOf).toArray();
        for (int row = 0; row < given.length; row++) {
            if (given[row].length != givenOrder.size()) {
                throw new IllegalArgumentException("row " + row + " has " + given[row].length
                        + " probabilities for " + givenOrder.size() + " classes");
            }
            for (int g = 0; g < givenOrder.size(); g++) {
                if (!Double.isFinite(given[row][g])) {
                    throw new IllegalArgumentException("row " + row + " has probability " + given[row][g]);
                }
                out[row][target[g]] = given[row][g];
            }
        }
        return out;
    }

    /**
     * Binary: the score of the positive-class probability. Otherwise the one-vs-rest score of each
     * class present in the truth, averaged without weights (a class absent from the truth has none).
     * Null when the truth holds a single class.
     */
    private static Double oneVsRest(int[] truth, double[][] probs, int[] support, int positive,
                                    java.util.function.BiFunction<boolean[], double[], Double> score) {
        if (Arrays.stream(support).filter(s -> s > 0).count() < 2) {
            return null;
        }
        if (positive >= 0) {
            return score.apply(isClass(truth, positive), column(probs, positive));
        }
        double sum = 0;
        int count = 0;
        for (int c = 0; c < support.length; c++) {
            if (support[c] > 0) {
                sum += score.apply(isClass(truth, c), column(probs, c));
                count++;
            }
        }
        return sum / count;
    }

    private static boolean[] isClass(int[] truth, int c) {
        boolean[] out = new boolean[truth.length];
        for (int i = 0; i < truth.length; i++) {
            out[i] = truth[i] == c;
        }
        return out;
    }

    private static double[] column(double[][] probs, int c) {
        return Arrays.stream(probs).mapToDouble(row -> row[c]).toArray();
    }

    /** Mean of -ln p(true class), with p clipped to [1e-15, 1 - 1e-15]; rows are not renormalised. */
    private static double logLoss(int[] truth, double[][] probs) {
        double sum = 0;
        for (int i = 0; i < truth.length; i++) {
            double p = Math.min(Math.max(probs[i][truth[i]], EPS), 1 - EPS);
            sum -= Math.log(p);
        }
        return sum / truth.length;
    }

    /**
     * Matthews correlation in Gorodkin's multiclass form, with c = correct rows, s = all rows, t_k and
     * p_k the true and predicted counts of class k: (c s - sum t_k p_k) / sqrt((s^2 - sum p_k^2)(s^2 - sum t_k^2)).
     * For two classes it equals the usual (TP TN - FP FN) / sqrt(...).
     */
    private static double mcc(Counts counts) {
        double s = counts.total;
        double tp = 0;
        double pp = 0;
        double tt = 0;
        for (int c = 0; c < counts.support.length; c++) {
            tp += (double) counts.support[c] * counts.predicted[c];
            pp += (double) counts.predicted[c] * counts.predicted[c];
            tt += (double) counts.support[c] * counts.support[c];
        }
        double denominator = Math.sqrt((s * s - pp) * (s * s - tt));
        return denominator == 0 ? 0.0 : (counts.trace * s - tp) / denominator;
    }

    /** Cohen's kappa: (observed - chance agreement) / (1 - chance agreement); null when chance agreement is 1. */
    private static Double kappa(Counts counts) {
        double s = counts.total;
        double observed = counts.trace / s;
        double chance = 0;
        for (int c = 0; c < counts.support.length; c++) {
            chance += (counts.support[c] / s) * (counts.predicted[c] / s);
        }
        return chance >= 1 ? null : (observed - chance) / (1 - chance);
    }
}
