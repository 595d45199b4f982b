package org.workbench.spark;

import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.workbench.data.Task;
import org.workbench.definition.Problem;
import org.workbench.evaluation.ClassificationReport;
import org.workbench.evaluation.ClusteringMetrics;
import org.workbench.evaluation.RegressionReport;
import org.workbench.evaluation.ScoreReport;
import org.workbench.table.DataConfig;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/**
 * The evaluation's scores of scored rows, built from {@link SparkMetrics}' aggregates: the local
 * engine's reports, the baselines and the clustering scores.
 */
final class SparkScores {
    private SparkScores() {
    }

    static Map<String, Double> headline(ScoreReport report) {
        return report instanceof ClassificationReport c ? c.headline() : ((RegressionReport) report).headline();
    }

    /** The local engine's report of scored rows, from Spark aggregates (and residual quantiles for regression). */
    static ScoreReport report(Dataset<Row> scored, Problem problem, SparkModels.Model m) {
        if (problem.task() == Task.REGRESSION) {
            Map<String, Double> h = SparkMetrics.regression(scored, SparkRun.PREDICTION);
            Dataset<Row> residuals = scored.select(col(SparkRun.LABEL).minus(col(SparkRun.PREDICTION)).as("__residual"));
            double[] q = residuals.stat().approxQuantile("__residual", new double[] {0.0, 0.25, 0.5, 0.75, 1.0}, 0.001);
            long rows = scored.count();
            return new RegressionReport((int) rows, h.get("mse"), h.get("rmse"), h.get("mae"), h.get("r2"),
                    h.get("mape"), q.length == 5 ? new RegressionReport.Residuals(q[0], q[1], q[2], q[3], q[4]) : null);
        }
        int k = problem.classes().size();
        int positive = problem.positiveClass() == null ? -1 : problem.classes().indexOf(problem.positiveClass());
        long[][] cm = SparkMetrics.confusion(scored, k);
        Double auc = null;
        Double logLoss = null;
        Double brier = null;
        if (m.probabilities()) {
            auc = SparkMetrics.rocAuc(scored, cm, positive);
            double[] lb = SparkMetrics.logLossAndBrier(scored, k, positive);
            logLoss = lb[0];
            brier = lb[1];
        }
        return SparkMetrics.report(cm, problem.classes(), positive, auc, logLoss, brier);
    }

    /** The most frequent training class (no probabilities), or the training mean: the local baseline models. */
    static Map<String, Double> baseline(Problem problem, Dataset<Row> train, Dataset<Row> test) {
        if (problem.task() == Task.REGRESSION) {
            double mean = train.agg(functions.avg(col(SparkRun.LABEL))).first().getDouble(0);
            return SparkMetrics.regression(test.withColumn("__baseline", lit(mean)), "__baseline");
        }
        int k = problem.classes().size();
        long[] trainCounts = new long[k];
        for (Row r : train.groupBy(col(SparkRun.LABEL)).count().collectAsList()) {
            trainCounts[(int) r.getDouble(0)] = r.getLong(1);
        }
        int majority = 0;
        for (int c = 1; c < k; c++) {
            if (trainCounts[c] > trainCounts[majority]) {
                majority = c;
            }
        }
        long[][] cm = new long[k][k];
        for (Row r : test.groupBy(col(SparkRun.LABEL)).count().collectAsList()) {
            cm[(int) r.getDouble(0)][majority] = r.getLong(1);
        }
        int positive = problem.positiveClass() == null ? -1 : problem.classes().indexOf(problem.positiveClass());
        return SparkMetrics.report(cm, problem.classes(), positive, null, null, null).headline();
    }

    /** Clustering scores in the local engine's order. */
    static Map<String, Double> clusteringOrder(Map<String, Double> m) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String k : List.of("silhouette", "wcss", "ari", "nmi")) {
            if (m.containsKey(k)) {
                out.put(k, m.get(k));
            }
        }
        return out;
    }

    /** Silhouette (on a seeded sample), wcss and, with a label column, agreement (ari, nmi) of clustered rows. */
    static Map<String, Double> clusterScores(Dataset<Row> scored, Vector[] centres, Problem problem, Map<String, String> types, long seed) {
        Map<String, Double> out = new LinkedHashMap<>();
        // silhouette on a bounded sample, by the local engine's definition
        List<Row> sample = scored.select(col(SparkRun.FEATURES), col(SparkRun.PREDICTION))
                .orderBy(functions.xxhash64(col(SparkRun.FEATURES).cast("string"), lit(seed)))
                .limit(ClusteringMetrics.SILHOUETTE_LIMIT).collectAsList();
        double[][] points = new double[sample.size()][];
        String[] clusters = new String[sample.size()];
        for (int i = 0; i < points.length; i++) {
            points[i] = ((Vector) sample.get(i).get(0)).toArray();
            clusters[i] = String.valueOf(sample.get(i).getInt(1));
        }
        Double silhouette = ClusteringMetrics.silhouette(points, clusters);
        if (silhouette != null) {
            out.put("silhouette", silhouette);
        }
        out.put("wcss", wcss(scored, centres));
        if (problem.target() != null) {
            boolean numeric = types.get(problem.target()).equals(DataConfig.NUMERIC);
            List<Row> table = scored.filter(col(SparkData.quoted(problem.target())).isNotNull())
                    .groupBy(SparkData.labelText(col(SparkData.quoted(problem.target())), numeric), col(SparkRun.PREDICTION)).count().collectAsList();
            double[] agreement = SparkMetrics.agreement(table);
            out.put("ari", agreement[0]);
            out.put("nmi", agreement[1]);
        }
        return out;
    }

    /** Sum of squared distances to the assigned centre, summed by Spark. */
    static double wcss(Dataset<Row> scored, Vector[] centres) {
        org.apache.spark.sql.api.java.UDF2<Vector, Integer, Double> d =
                (v, c) -> org.apache.spark.ml.linalg.Vectors.sqdist(v, centres[c]);
        Column dist = functions.udf(d, org.apache.spark.sql.types.DataTypes.DoubleType)
                .apply(col(SparkRun.FEATURES), col(SparkRun.PREDICTION).cast("int"));
        Row r = scored.agg(functions.sum(dist)).first();
        return r.isNullAt(0) ? 0.0 : r.getDouble(0);
    }
}
