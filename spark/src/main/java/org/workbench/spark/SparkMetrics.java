package org.workbench.spark;

import org.apache.spark.ml.evaluation.BinaryClassificationEvaluator;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.workbench.evaluation.ClassificationMetrics;
import org.workbench.evaluation.ClassificationReport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/**
 * The local engine's metrics, by the same names and definitions (evaluation.ClassificationMetrics,
 * RegressionMetrics, ClusteringMetrics), computed from what Spark aggregates: a confusion table of
 * counts (one row per truth and prediction pair), sums of errors, a contingency table of clusters. The
 * driver holds a k x k table, never the rows. ROC-AUC is Spark's BinaryClassificationEvaluator (the
 * curve down-sampled to at most 1,000 score bins), one-vs-rest and averaged over the classes present for more classes.
 */
final class SparkMetrics {
    /** Probabilities are clipped to [EPS, 1 - EPS] for log loss, as the local engine does. */
    private static final double EPS = 1e-15;
    static final int ROC_BINS = 1000;

    private SparkMetrics() {
    }

    /** Counts by truth (rows) and prediction (columns), class indexes 0..k-1. */
    static long[][] confusion(Dataset<Row> scored, int k) {
        long[][] cm = new long[k][k];
        for (Row r : scored.groupBy(col(SparkRun.LABEL), col(SparkRun.PREDICTION)).count().collectAsList()) {
            cm[(int) r.getDouble(0)][(int) r.getDouble(1)] += r.getLong(2);
        }
        return cm;
    }

    /**
     * The local engine's ClassificationReport from a confusion table: {@code positive} is the positive
     * class's index for two classes (its precision, recall and F1 lead the headline); the probability
     * metrics only when given. Its {@code headline()} is the metric map of the run.
     */
    static ClassificationReport report(long[][] cm, List<String> classes, int positive, Double rocAuc, Double logLoss, Double brier) {
        String positiveClass = cm.length == 2 && positive >= 0 ? classes.get(positive) : null;
        return ClassificationMetrics.fromConfusion(cm, classes, positiveClass, rocAuc, null, logLoss, brier);
    }

    /** Mean log loss and Brier score (positive class for two classes, all classes otherwise), in one pass. */
    static double[] logLossAndBrier(Dataset<Row> scored, int k, int positive) {
        Column probs = org.apache.spark.ml.functions.vector_to_array(col(SparkRun.PROBABILITY), "float64");
        Column truth = col(SparkRun.LABEL).cast("int");
        Column pTrue = functions.element_at(probs, truth.plus(1));
        Column clipped = functions.least(functions.greatest(pTrue, lit(EPS)), lit(1 - EPS));
        Column brier;
        if (k == 2) {
            Column pPos = functions.element_at(probs, lit(positive + 1));
            Column y = functions.when(truth.equalTo(positive), 1.0).otherwise(0.0);
            brier = functions.pow(pPos.minus(y), 2);
        } else {
            Column sum = lit(0.0);
            for (int c = 0; c < k; c++) {
                Column y = functions.when(truth.equalTo(c), 1.0).otherwise(0.0);
                sum = sum.plus(functions.pow(functions.element_at(probs, lit(c + 1)).minus(y), 2));
            }
            brier = sum;
        }
        Row r = scored.agg(functions.avg(functions.log(clipped).multiply(-1)), functions.avg(brier)).first();
        return new double[] {r.getDouble(0), r.getDouble(1)};
    }

    /** ROC-AUC of one class against the rest, from its probability. */
    static double rocAuc(Dataset<Row> scored, int cls) {
        Column probs = org.apache.spark.ml.functions.vector_to_array(col(SparkRun.PROBABILITY), "float64");
        Dataset<Row> d = scored.select(functions.element_at(probs, lit(cls + 1)).as("__score"),
                functions.when(col(SparkRun.LABEL).equalTo(cls), 1.0).otherwise(0.0).as("__is"));
        return new BinaryClassificationEvaluator().setRawPredictionCol("__score").setLabelCol("__is")
                .setMetricName("areaUnderROC").setNumBins(ROC_BINS).evaluate(d);
    }

    /** ROC-AUC as the local engine reports it: the positive class's for two classes, else the mean one-vs-rest. */
    static Double rocAuc(Dataset<Row> scored, long[][] cm, int positive) {
        int k = cm.length;
        int present = 0;
        for (int c = 0; c < k; c++) {
            long support = 0;
            for (long v : cm[c]) {
                support += v;
            }
            present += support > 0 ? 1 : 0;
        }
        if (present < 2) {
            return null;
        }
        if (k == 2) {
            return rocAuc(scored, positive);
        }
        double sum = 0;
        int count = 0;
        for (int c = 0; c < k; c++) {
            long support = 0;
            for (long v : cm[c]) {
                support += v;
            }
            if (support > 0) {
                sum += rocAuc(scored, c);
                count++;
            }
        }
        return sum / count;
    }

    /** mse, rmse, mae, r2, mape from sums over the rows: the local RegressionReport's headline. */
    static Map<String, Double> regression(Dataset<Row> scored, String prediction) {
        Column y = col(SparkRun.LABEL);
        Column e = y.minus(col(prediction));
        Row r = scored.agg(functions.count(lit(1)), functions.sum(e.multiply(e)), functions.sum(functions.abs(e)),
                functions.avg(y), functions.sum(functions.when(y.notEqual(0), functions.abs(e).divide(functions.abs(y))).otherwise(0.0)),
                functions.sum(functions.when(y.equalTo(0), 1).otherwise(0)), functions.variance(y), functions.min(y), functions.max(y)).first();
        long n = r.getLong(0);
        double sse = r.getDouble(1);
        Map<String, Double> out = new LinkedHashMap<>();
        double mse = sse / n;
        out.put("mse", mse);
        out.put("rmse", Math.sqrt(mse));
        out.put("mae", r.getDouble(2) / n);
        boolean constant = r.getDouble(7) == r.getDouble(8);
        if (!constant && n > 1) {
            double total = r.getDouble(6) * (n - 1);
            out.put("r2", 1 - sse / total);
        }
        if (r.getLong(5) == 0) {
            out.put("mape", r.getDouble(4) / n);
        }
        return out;
    }

    /** Adjusted Rand index and NMI (arithmetic mean of entropies), from a contingency table of counts. */
    static double[] agreement(List<Row> contingency) {
        Map<String, Map<String, Long>> cells = new LinkedHashMap<>();
        for (Row r : contingency) {
            cells.computeIfAbsent(String.valueOf(r.get(0)), x -> new LinkedHashMap<>()).merge(String.valueOf(r.get(1)), r.getLong(2), Long::sum);
        }
        Map<String, Long> rows = new LinkedHashMap<>();
        Map<String, Long> cols = new LinkedHashMap<>();
        long n = 0;
        double sumCells = 0;
        for (var e : cells.entrySet()) {
            for (var c : e.getValue().entrySet()) {
                rows.merge(e.getKey(), c.getValue(), Long::sum);
                cols.merge(c.getKey(), c.getValue(), Long::sum);
                n += c.getValue();
                sumCells += pairs(c.getValue());
            }
        }
        double sumRows = rows.values().stream().mapToDouble(SparkMetrics::pairs).sum();
        double sumCols = cols.values().stream().mapToDouble(SparkMetrics::pairs).sum();
        double expected = sumRows * sumCols / pairs(n);
        double max = (sumRows + sumCols) / 2;
        double ari = n < 2 || max == expected ? 1.0 : (sumCells - expected) / (max - expected);
        double ha = entropy(rows.values(), n);
        double hb = entropy(cols.values(), n);
        double nmi;
        if (ha == 0 && hb == 0) {
            nmi = 1.0;
        } else {
            double mi = 0;
            for (var e : cells.entrySet()) {
                for (var c : e.getValue().entrySet()) {
                    long v = c.getValue();
                    if (v > 0) {
                        mi += (double) v / n * Math.log((double) n * v / ((double) rows.get(e.getKey()) * cols.get(c.getKey())));
                    }
                }
            }
            nmi = Math.max(0.0, mi / ((ha + hb) / 2));
        }
        return new double[] {ari, nmi};
    }

    private static double pairs(long c) {
        return c * (c - 1) / 2.0;
    }

    private static double entropy(java.util.Collection<Long> counts, long n) {
        double h = 0;
        for (long c : counts) {
            if (c > 0) {
                double p = (double) c / n;
                h -= p * Math.log(p);
            }
        }
        return h;
    }
}
