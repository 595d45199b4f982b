package org.workbench.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.workbench.training.TrainedModel;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

/**
 * Clustering metrics computed directly from the rows and the cluster each fell into. Internal ones
 * need only the features: the silhouette and the within-cluster sum of squares (Euclidean, on the
 * processed features the model saw; rows HDBSCAN called noise belong to no cluster and are left out).
 * External ones compare the clusters with a label column: the adjusted Rand index and normalized
 * mutual information (noise counts as one more group, as scikit-learn does with label -1).
 */
public final class ClusteringMetrics {
    /** Above this many clustered rows the silhouette (n² distances) is computed on a seeded sample. */
    public static final int SILHOUETTE_LIMIT = 2000;

    private ClusteringMetrics() {
    }

    /**
     * Scores {@code clusters} of the rows of {@code features} (the named numeric columns; null for
     * label agreement only). {@code labels} holds the label of each row (null entries are unlabelled
     * rows, left out of ARI and NMI), or is null when there is no label column.
     */
    public static ClusteringReport compute(Table features, List<String> columns, String[] labels, String[] clusters,
                                           long seed) {
        int n = clusters.length;
        if (labels != null && labels.length != n) {
            throw new IllegalArgumentException(labels.length + " labels but " + n + " cluster assignments");
        }
        Map<String, Integer> sizes = sizes(clusters);
        int noise = sizes.getOrDefault(TrainedModel.NOISE, 0);
        int[] clustered = java.util.stream.IntStream.range(0, n).filter(i -> !TrainedModel.NOISE.equals(clusters[i])).toArray();

        Double silhouette = null;
        Double wcss = null;
        int silhouetteRows = 0;
        boolean sampled = false;
        if (features != null) {
            double[][] points = points(features, columns, clustered);
            String[] inCluster = Arrays.stream(clustered).mapToObj(i -> clusters[i]).toArray(String[]::new);
            wcss = clustered.length == 0 ? null : withinClusterSumOfSquares(points, inCluster);
            int[] picked = sample(clustered.length, SILHOUETTE_LIMIT, seed);
            sampled = picked.length < clustered.length;
            silhouetteRows = picked.length;
            silhouette = silhouette(Arrays.stream(picked).mapToObj(i -> points[i]).toArray(double[][]::new),
                    Arrays.stream(picked).mapToObj(i -> inCluster[i]).toArray(String[]::new));
        }

        Double ari = null;
        Double nmi = null;
        int labelled = 0;
        if (labels != null) {
            int[] withLabel = java.util.stream.IntStream.range(0, n).filter(i -> labels[i] != null).toArray();
            labelled = withLabel.length;
            if (labelled >= 2) {
                String[] truth = Arrays.stream(withLabel).mapToObj(i -> labels[i]).toArray(String[]::new);
                String[] found = Arrays.stream(withLabel).mapToObj(i -> clusters[i]).toArray(String[]::new);
                ari = adjustedRandIndex(truth, found);
                nmi = normalizedMutualInformation(truth, found);
            }
        }
        return new ClusteringReport(n, noise > 0 ? sizes.size() - 1 : sizes.size(), sizes, noise, silhouette,
                silhouetteRows, sampled, wcss, labelled, ari, nmi);
    }

    /**
     * Adjusted Rand index (Hubert and Arabie): the share of row pairs both groupings put together or
     * apart, corrected for chance: (index - expected) / (max - expected) over pair counts of the
     * contingency table. 1 for identical groupings (up to renaming); 1 too when the correction is
     * undefined because both put every row in one group, or every row alone.
     */
    public static double adjustedRandIndex(String[] a, String[] b) {
        Contingency t = Contingency.of(a, b);
        double index = 0;
        for (long[] row : t.cells) {
            for (long c : row) {
                index += pairs(c);
            }
        }
        double rowPairs = Arrays.stream(t.rowSums).mapToDouble(ClusteringMetrics::pairs).sum();
        double columnPairs = Arrays.stream(t.columnSums).mapToDouble(ClusteringMetrics::pairs).sum();
        double expected = rowPairs * columnPairs / pairs(t.n);
        double max = (rowPairs + columnPairs) / 2;
        if (t.n < 2 || max == expected) {
            return 1.0;
        }
        return (index - expected) / (max - expected);
    }

    /**
     * Normalized mutual information: I(a; b) / ((H(a) + H(b)) / 2), natural logarithms. 1 when both
     * put every row in one group (nothing to disagree on); 0 when exactly one of them does.
     */
    public static double normalizedMutualInformation(String[] a, String[] b) {
        Contingency t = Contingency.of(a, b);
        double ha = entropy(t.rowSums, t.n);
        double hb = entropy(t.columnSums, t.n);
        if (ha == 0 && hb == 0) {
            return 1.0;
        }
        double mi = 0;
        for (int i = 0; i < t.rowSums.length; i++) {
            for (int j = 0; j < t.columnSums.length; j++) {
                long c = t.cells[i][j];
                if (c > 0) {
                    mi += (double) c / t.n * Math.log((double) t.n * c / ((double) t.rowSums[i] * t.columnSums[j]));
                }
            }
        }
        return Math.max(0.0, mi / ((ha + hb) / 2));
    }

    /**
     * Mean silhouette (Rousseeuw 1987) with Euclidean distance: for each row, a = mean distance to the
     * other rows of its cluster, b = the smallest mean distance to the rows of another cluster,
     * s = (b - a) / max(a, b); a row alone in its cluster scores 0. Null unless there are at least 2
     * clusters and fewer clusters than rows.
     */
    public static Double silhouette(double[][] points, String[] clusters) {
        int n = points.length;
        Map<String, Integer> index = new HashMap<>();
        int[] cluster = new int[n];
        for (int i = 0; i < n; i++) {
            cluster[i] = index.computeIfAbsent(clusters[i], k -> index.size());
        }
        int k = index.size();
        if (k < 2 || k >= n) {
            return null;
        }
        int[] size = new int[k];
        for (int c : cluster) {
            size[c]++;
        }
        double total = 0;
        double[] sums = new double[k];
        for (int i = 0; i < n; i++) {
            Arrays.fill(sums, 0);
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    sums[cluster[j]] += distance(points[i], points[j]);
                }
            }
            int own = cluster[i];
            if (size[own] == 1) {
                continue; // s = 0
            }
            double a = sums[own] / (size[own] - 1);
            double b = Double.POSITIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                if (c != own) {
                    b = Math.min(b, sums[c] / size[c]);
                }
            }
            double max = Math.max(a, b);
            total += max == 0 ? 0 : (b - a) / max;
        }
        return total / n;
    }

    /** Sum over clusters of the squared Euclidean distances of their rows to the cluster mean. */
    public static double withinClusterSumOfSquares(double[][] points, String[] clusters) {
        Map<String, double[]> sums = new HashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < points.length; i++) {
            double[] s = sums.computeIfAbsent(clusters[i], c -> new double[points[0].length]);
            for (int d = 0; d < s.length; d++) {
                s[d] += points[i][d];
            }
            counts.merge(clusters[i], 1, Integer::sum);
        }
        double total = 0;
        for (int i = 0; i < points.length; i++) {
            double[] s = sums.get(clusters[i]);
            int count = counts.get(clusters[i]);
            for (int d = 0; d < s.length; d++) {
                double diff = points[i][d] - s[d] / count;
                total += diff * diff;
            }
        }
        return total;
    }

    /** Rows per cluster: numbered clusters in numeric order, others by name, "noise" last. */
    public static Map<String, Integer> sizes(String[] clusters) {
        Map<String, Integer> counts = new TreeMap<>(CLUSTER_ORDER);
        for (String c : clusters) {
            counts.merge(c, 1, Integer::sum);
        }
        return new LinkedHashMap<>(counts);
    }

    /** Sorted indices of {@code limit} of {@code n} rows drawn with the seed; all rows when n <= limit. */
    static int[] sample(int n, int limit, long seed) {
        if (n <= limit) {
            return java.util.stream.IntStream.range(0, n).toArray();
        }
        List<Integer> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            rows.add(i);
        }
        java.util.Collections.shuffle(rows, new Random(seed));
        return rows.subList(0, limit).stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    private static final Comparator<String> CLUSTER_ORDER = Comparator
            .comparing((String c) -> c.equals(TrainedModel.NOISE))
            .thenComparing(c -> c.matches("-?\\d+") ? Long.parseLong(c) : Long.MAX_VALUE)
            .thenComparing(Comparator.naturalOrder());

    private static double[][] points(Table features, List<String> columns, int[] rows) {
        double[][] byColumn = new double[columns.size()][];
        for (int d = 0; d < columns.size(); d++) {
            if (!(features.column(columns.get(d)) instanceof NumericColumn<?> numeric)) {
                throw new IllegalArgumentException("feature '" + columns.get(d) + "' is not numeric");
            }
            byColumn[d] = numeric.asDoubleArray();
        }
        double[][] out = new double[rows.length][columns.size()];
        for (int i = 0; i < rows.length; i++) {
            for (int d = 0; d < columns.size(); d++) {
                out[i][d] = byColumn[d][rows[i]];
            }
        }
        return out;
    }

    private static double distance(double[] x, double[] y) {
        double sum = 0;
        for (int d = 0; d < x.length; d++) {
            double diff = x[d] - y[d];
            sum += diff * diff;
        }
        return Math.sqrt(sum);
    }

    private static double pairs(long count) {
        return count * (count - 1) / 2.0;
    }

    private static double entropy(long[] counts, long n) {
        double h = 0;
        for (long c : counts) {
            if (c > 0) {
                double p = (double) c / n;
                h -= p * Math.log(p);
            }
        }
        return h;
    }

    /** Counts of rows per (group in a, group in b), with row and column totals. */
    private record Contingency(long[][] cells, long[] rowSums, long[] columnSums, long n) {
        static Contingency of(String[] a, String[] b) {
            if (a.length != b.length) {
                throw new IllegalArgumentException(a.length + " vs " + b.length + " rows");
            }
            if (a.length == 0) {
                throw new IllegalArgumentException("no rows to score");
            }
            Map<String, Integer> rows = new HashMap<>();
            Map<String, Integer> columns = new HashMap<>();
            int[] r = new int[a.length];
            int[] c = new int[a.length];
            for (int i = 0; i < a.length; i++) {
                r[i] = rows.computeIfAbsent(a[i], k -> rows.size());
                c[i] = columns.computeIfAbsent(b[i], k -> columns.size());
            }
            long[][] cells = new long[rows.size()][columns.size()];
            long[] rowSums = new long[rows.size()];
            long[] columnSums = new long[columns.size()];
            for (int i = 0; i < a.length; i++) {
                cells[r[i]][c[i]]++;
                rowSums[r[i]]++;
                columnSums[c[i]]++;
            }
            return new Contingency(cells, rowSums, columnSums, a.length);
        }
    }
}
