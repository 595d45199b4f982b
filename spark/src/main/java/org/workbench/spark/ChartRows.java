package org.workbench.spark;

import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.workbench.data.Task;
import org.workbench.definition.Problem;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/** A bounded sample of the test rows' truth, prediction and probabilities, for report.html's charts. */
record ChartRows(Map<String, String[]> text, Map<String, double[]> numbers) {
    /** Rows of the test split kept for the charts. */
    static final int LIMIT = 10_000;

    /** Test rows for report.html's charts: truth, prediction and probabilities of at most {@link #LIMIT} rows. */
    static ChartRows of(Dataset<Row> scored, Problem problem) {
        List<Row> rows = scored.select(col(SparkRun.LABEL), col(SparkRun.PREDICTION),
                scored.columns().length > 0 && Arrays.asList(scored.columns()).contains(SparkRun.PROBABILITY)
                        ? col(SparkRun.PROBABILITY) : lit(null).as(SparkRun.PROBABILITY)).limit(LIMIT).collectAsList();
        Map<String, String[]> text = new LinkedHashMap<>();
        Map<String, double[]> numbers = new LinkedHashMap<>();
        int n = rows.size();
        if (problem.task() == Task.CLASSIFICATION) {
            String[] truth = new String[n];
            String[] prediction = new String[n];
            double[][] probs = new double[problem.classes().size()][n];
            boolean hasProbs = n > 0 && !rows.get(0).isNullAt(2);
            for (int i = 0; i < n; i++) {
                truth[i] = problem.classes().get((int) rows.get(i).getDouble(0));
                prediction[i] = problem.classes().get((int) rows.get(i).getDouble(1));
                if (hasProbs) {
                    double[] p = ((Vector) rows.get(i).get(2)).toArray();
                    for (int c = 0; c < p.length; c++) {
                        probs[c][i] = p[c];
                    }
                }
            }
            text.put("prediction", prediction);
            text.put("truth", truth);
            if (hasProbs) {
                for (int c = 0; c < probs.length; c++) {
                    numbers.put("prob_" + problem.classes().get(c), probs[c]);
                }
            }
        } else {
            double[] truth = new double[n];
            double[] prediction = new double[n];
            for (int i = 0; i < n; i++) {
                truth[i] = rows.get(i).getDouble(0);
                prediction[i] = rows.get(i).getDouble(1);
            }
            numbers.put("prediction", prediction);
            numbers.put("truth", truth);
        }
        return new ChartRows(text, numbers);
    }
}
