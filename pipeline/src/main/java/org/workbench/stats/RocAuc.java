package org.workbench.stats;

import java.util.Arrays;

/**
 * Area under the ROC curve by the Mann-Whitney formula: the chance that a random positive row
 * scores higher than a random negative one, a tie counting one half. This equals the area of the
 * ROC curve drawn with ties as diagonal steps (and the average-rank formula).
 */
public final class RocAuc {
    private RocAuc() {
    }

    /** The AUC, or null when there are no positive or no negative rows. */
    public static Double of(boolean[] positive, double[] score) {
        int positives = 0;
        for (boolean p : positive) {
            positives += p ? 1 : 0;
        }
        int negatives = score.length - positives;
        if (positives == 0 || negatives == 0) {
            return null;
        }
        double[] pos = new double[positives];
        double[] neg = new double[negatives];
        for (int i = 0, a = 0, b = 0; i < score.length; i++) {
            if (positive[i]) {
                pos[a++] = score[i];
            } else {
                neg[b++] = score[i];
            }
        }
        Arrays.sort(pos);
        Arrays.sort(neg);
        // walk both sorted lists: for each positive, count the negatives below it and those equal to it
        double wins = 0;
        int below = 0;
        int notAbove = 0;
        for (double p : pos) {
            while (below < negatives && Double.compare(neg[below], p) < 0) {
                below++;
            }
            notAbove = Math.max(notAbove, below);
            while (notAbove < negatives && Double.compare(neg[notAbove], p) <= 0) {
                notAbove++;
            }
            wins += below + 0.5 * (notAbove - below);
        }
        return wins / ((double) positives * negatives);
    }
}
