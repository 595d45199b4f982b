package org.workbench.evaluation;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Area under the ROC curve by the rank (Mann-Whitney) formula: the chance that a random positive row
 * scores higher than a random negative one, a tie counting one half. Tied scores share their average
 * rank, which gives exactly the area of the ROC curve drawn with ties as diagonal steps.
 */
final class RocAuc {
    private RocAuc() {
    }

    /** The AUC, or null when there are no positive or no negative rows. */
    static Double of(boolean[] positive, double[] score) {
        int n = score.length;
        long positives = 0;
        for (boolean p : positive) {
            positives += p ? 1 : 0;
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            return null;
        }
        double[] ranks = averageRanks(score);
        double positiveRankSum = 0;
        for (int i = 0; i < n; i++) {
            if (positive[i]) {
                positiveRankSum += ranks[i];
            }
        }
        // U = rank sum of positives minus the smallest sum it could have (1 + 2 + ... + positives)
        double u = positiveRankSum - positives * (positives + 1) / 2.0;
        return u / ((double) positives * negatives);
    }

    /** Ranks 1..n in ascending score order; equal scores get the mean of the ranks they span. */
    static double[] averageRanks(double[] score) {
        int n = score.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> score[i]));
        double[] ranks = new double[n];
        int start = 0;
        while (start < n) {
            int end = start;
            while (end + 1 < n && score[order[end + 1]] == score[order[start]]) {
                end++;
            }
            double rank = (start + end) / 2.0 + 1; // mean of ranks start+1 .. end+1
            for (int k = start; k <= end; k++) {
                ranks[order[k]] = rank;
            }
            start = end + 1;
        }
        return ranks;
    }
}
