package org.workbench.evaluation;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Clustering scores for one set of rows. Undefined values are null, never NaN.
 *
 * @param rows              rows scored
 * @param clusters          clusters found among them (noise is not a cluster)
 * @param sizes             rows per cluster, in cluster order, "noise" last
 * @param noise             rows left out of every cluster (HDBSCAN), else 0
 * @param silhouette        mean silhouette (-1 to 1: how much nearer each row is to its own cluster than to the
 *                          next one) over clustered rows; null with fewer than 2 clusters or no features
 * @param silhouetteRows    rows the silhouette was computed on
 * @param silhouetteSampled true when those rows are a seeded sample of the clustered rows (large data)
 * @param wcss              within-cluster sum of squares: squared distance of each clustered row to its cluster's
 *                          mean, summed; null without features
 * @param labelledRows      rows with a value in the label column (0 without one)
 * @param ari               adjusted Rand index against the label column (1 = same grouping, about 0 = chance)
 * @param nmi               normalized mutual information against the label column (0 to 1, arithmetic-mean
 *                          normalisation as scikit-learn's default)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ClusteringReport(int rows, int clusters, Map<String, Integer> sizes, int noise, Double silhouette,
                               int silhouetteRows, boolean silhouetteSampled, Double wcss, int labelledRows, Double ari,
                               Double nmi) implements ScoreReport {

    /** silhouette, wcss, ari and nmi as a flat map; undefined ones are left out. */
    public Map<String, Double> headline() {
        Map<String, Double> out = new LinkedHashMap<>();
        ClassificationReport.putIfDefined(out, "silhouette", silhouette);
        ClassificationReport.putIfDefined(out, "wcss", wcss);
        ClassificationReport.putIfDefined(out, "ari", ari);
        ClassificationReport.putIfDefined(out, "nmi", nmi);
        return out;
    }
}
