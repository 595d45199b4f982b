package org.workbench.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tribuo.util.infotheory.InformationTheory;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

class ClusteringMetricsTest {
    private static final double EPS = 1e-12;

    private static String[] s(String... v) {
        return v;
    }

    @Test
    void adjustedRandIndexMatchesHandCountedPairs() {
        assertEquals(1.0, ClusteringMetrics.adjustedRandIndex(s("0", "0", "1", "1"), s("0", "0", "1", "1")), EPS);
        assertEquals(1.0, ClusteringMetrics.adjustedRandIndex(s("0", "0", "1", "1"), s("b", "b", "a", "a")), EPS);
        // pairs together in both: 1; expected 1 * 2 / 6; max (1 + 2) / 2
        assertEquals(4.0 / 7, ClusteringMetrics.adjustedRandIndex(s("0", "0", "1", "2"), s("0", "0", "1", "1")), EPS);
        // every row alone against one group: index 0 = expected 0, max 3
        assertEquals(0.0, ClusteringMetrics.adjustedRandIndex(s("0", "0", "0", "0"), s("0", "1", "2", "3")), EPS);
        // crossed groupings: index 0, expected 2 * 2 / 6, max 2 -> (0 - 2/3) / (2 - 2/3)
        assertEquals(-0.5, ClusteringMetrics.adjustedRandIndex(s("0", "0", "1", "1"), s("0", "1", "0", "1")), EPS);
        // cells 2, 1, 3 -> index 1 + 0 + 3; row pairs 3 + 3; column pairs 1 + 6; 15 pairs in all
        double expected = 6.0 * 7 / 15;
        assertEquals((4 - expected) / (6.5 - expected), ClusteringMetrics.adjustedRandIndex(
                s("x", "x", "x", "y", "y", "y"), s("1", "1", "2", "2", "2", "2")), EPS);
        assertEquals(12.0 / 37, ClusteringMetrics.adjustedRandIndex(
                s("x", "x", "x", "y", "y", "y"), s("1", "1", "2", "2", "2", "2")), EPS);
    }

    @Test
    void everythingInOneClusterScoresZeroAgreement() {
        String[] species = s("a", "a", "b", "b", "c", "c");
        String[] one = s("0", "0", "0", "0", "0", "0");
        assertEquals(0.0, ClusteringMetrics.adjustedRandIndex(species, one), EPS);
        assertEquals(0.0, ClusteringMetrics.normalizedMutualInformation(species, one), EPS);
        assertEquals(1.0, ClusteringMetrics.adjustedRandIndex(one, one), EPS);
        assertEquals(1.0, ClusteringMetrics.normalizedMutualInformation(one, one), EPS);
    }

    @Test
    void normalizedMutualInformationMatchesHandComputedEntropies() {
        // H(a) = ln 2, H(b) = 1.5 ln 2, I = ln 2 (b determines a): 2 ln2 / 2.5 ln2
        assertEquals(0.8, ClusteringMetrics.normalizedMutualInformation(s("0", "0", "1", "1"), s("0", "0", "1", "2")), EPS);
        assertEquals(1.0, ClusteringMetrics.normalizedMutualInformation(s("0", "0", "1", "1"), s("7", "7", "3", "3")), EPS);
        assertEquals(0.0, ClusteringMetrics.normalizedMutualInformation(s("0", "0", "1", "1"), s("0", "1", "0", "1")), EPS);
        double ha = Math.log(2);
        double hb = -(Math.log(1.0 / 3) / 3 + 2 * Math.log(2.0 / 3) / 3);
        double mi = Math.log(2) / 3 + Math.log(0.5) / 6 + Math.log(1.5) / 2;
        assertEquals(mi / ((ha + hb) / 2), ClusteringMetrics.normalizedMutualInformation(
                s("x", "x", "x", "y", "y", "y"), s("1", "1", "2", "2", "2", "2")), EPS);
        assertEquals(0.4787040, ClusteringMetrics.normalizedMutualInformation(
                s("x", "x", "x", "y", "y", "y"), s("1", "1", "2", "2", "2", "2")), 1e-6);
    }

    @Test
    void normalizedMutualInformationAgreesWithTribuosInformationTheory() {
        Random random = new Random(7);
        String[] a = new String[300];
        String[] b = new String[300];
        for (int i = 0; i < a.length; i++) {
            a[i] = "c" + random.nextInt(4);
            b[i] = random.nextDouble() < 0.7 ? a[i] : "k" + random.nextInt(3);
        }
        List<String> first = Arrays.asList(a);
        List<String> second = Arrays.asList(b);
        double reference = 2 * InformationTheory.mi(first, second)
                / (InformationTheory.entropy(first) + InformationTheory.entropy(second));
        assertEquals(reference, ClusteringMetrics.normalizedMutualInformation(a, b), 1e-9);
    }

    @Test
    void silhouetteOfHandPlacedPoints() {
        // 0 and 1 against 10 and 11: a = 1 for every point, b = 10.5 (outer) or 9.5 (inner)
        double[][] line = {{0}, {1}, {10}, {11}};
        double expected = (9.5 / 10.5 + 8.5 / 9.5) / 2;
        assertEquals(expected, ClusteringMetrics.silhouette(line, s("A", "A", "B", "B")), EPS);
        // a point alone in its cluster scores 0: (0.8 + 0.75 + 0) / 3
        assertEquals(31.0 / 60, ClusteringMetrics.silhouette(new double[][] {{0}, {1}, {5}}, s("A", "A", "B")), EPS);
        // a square's sides: a = 2, b = (4 + sqrt 20) / 2 for every corner
        double[][] square = {{0, 0}, {0, 2}, {4, 0}, {4, 2}};
        double b = (4 + Math.sqrt(20)) / 2;
        assertEquals((b - 2) / b, ClusteringMetrics.silhouette(square, s("A", "A", "B", "B")), EPS);
        assertNull(ClusteringMetrics.silhouette(line, s("A", "A", "A", "A")), "one cluster");
        assertNull(ClusteringMetrics.silhouette(line, s("A", "B", "C", "D")), "every point alone");
    }

    @Test
    void withinClusterSumOfSquares() {
        assertEquals(1.0, ClusteringMetrics.withinClusterSumOfSquares(new double[][] {{0}, {1}, {10}, {11}},
                s("A", "A", "B", "B")), EPS);
        assertEquals(4.0, ClusteringMetrics.withinClusterSumOfSquares(new double[][] {{0, 0}, {0, 2}, {4, 0}, {4, 2}},
                s("A", "A", "B", "B")), EPS);
        // one cluster: squared distances to the mean 5.5
        assertEquals(2 * (5.5 * 5.5 + 4.5 * 4.5), ClusteringMetrics.withinClusterSumOfSquares(
                new double[][] {{0}, {1}, {10}, {11}}, s("A", "A", "A", "A")), EPS);
    }

    @Test
    void reportLeavesNoiseOutOfTheInternalMetricsButNotTheAgreement() {
        Table features = Table.create("f", DoubleColumn.create("x", 0, 1, 10, 11, 50));
        String[] clusters = s("1", "1", "2", "2", "noise");
        String[] labels = s("a", "a", "b", "b", null);
        ClusteringReport r = ClusteringMetrics.compute(features, List.of("x"), labels, clusters, 1L);
        assertEquals(5, r.rows());
        assertEquals(2, r.clusters());
        assertEquals(1, r.noise());
        assertEquals(Map.of("1", 2, "2", 2, "noise", 1), r.sizes());
        assertEquals(List.of("1", "2", "noise"), List.copyOf(r.sizes().keySet()));
        assertEquals((9.5 / 10.5 + 8.5 / 9.5) / 2, r.silhouette(), EPS);
        assertEquals(4, r.silhouetteRows());
        assertFalse(r.silhouetteSampled());
        assertEquals(1.0, r.wcss(), EPS);
        assertEquals(4, r.labelledRows());
        assertEquals(1.0, r.ari(), EPS);
        assertEquals(1.0, r.nmi(), EPS);
        assertEquals(List.of("silhouette", "wcss", "ari", "nmi"), List.copyOf(r.headline().keySet()));

        ClusteringReport noLabel = ClusteringMetrics.compute(features, List.of("x"), null, clusters, 1L);
        assertNull(noLabel.ari());
        assertEquals(0, noLabel.labelledRows());
        assertEquals(List.of("silhouette", "wcss"), List.copyOf(noLabel.headline().keySet()));
    }

    @Test
    void clustersAreOrderedByNumberWithNoiseLast() {
        assertEquals(List.of("0", "2", "10", "noise"),
                List.copyOf(ClusteringMetrics.sizes(s("10", "2", "noise", "0", "2")).keySet()));
    }

    @Test
    void largeDataIsSampledForTheSilhouetteOnly() {
        int n = 2500;
        double[] x = new double[n];
        String[] clusters = new String[n];
        for (int i = 0; i < n; i++) {
            x[i] = i % 2 == 0 ? i * 1e-3 : 100 + i * 1e-3;
            clusters[i] = i % 2 == 0 ? "0" : "1";
        }
        Table features = Table.create("f", DoubleColumn.create("x", x));
        ClusteringReport r = ClusteringMetrics.compute(features, List.of("x"), null, clusters, 3L);
        assertTrue(r.silhouetteSampled());
        assertEquals(ClusteringMetrics.SILHOUETTE_LIMIT, r.silhouetteRows());
        assertEquals(n, r.rows());
        int[] picked = ClusteringMetrics.sample(n, ClusteringMetrics.SILHOUETTE_LIMIT, 3L);
        double[][] sample = Arrays.stream(picked).mapToObj(i -> new double[] {x[i]}).toArray(double[][]::new);
        String[] sampleClusters = Arrays.stream(picked).mapToObj(i -> clusters[i]).toArray(String[]::new);
        assertEquals(ClusteringMetrics.silhouette(sample, sampleClusters), r.silhouette(), EPS);
        assertArrayEquals(picked, ClusteringMetrics.sample(n, ClusteringMetrics.SILHOUETTE_LIMIT, 3L));
    }

    private static void assertArrayEquals(int[] a, int[] b) {
        org.junit.jupiter.api.Assertions.assertArrayEquals(a, b);
    }
}
