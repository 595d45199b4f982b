package org.workbench.evaluation;

import org.workbench.data.Predictions;

/** Relabels binary predictions with a decision threshold on the positive class's probability. */
final class Thresholds {
    private Thresholds() {
    }

    /** Positive when p(positive) >= threshold, else the other class; probabilities are kept. */
    static Predictions apply(Predictions p, String positive, double threshold) {
        int pos = p.classes().indexOf(positive);
        String negative = p.classes().get(1 - pos);
        String[] labels = new String[p.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = p.probabilities()[i][pos] >= threshold ? positive : negative;
        }
        return Predictions.classification(labels, p.probabilities(), p.classes());
    }

    static boolean[] isPositive(String[] truth, String positive) {
        boolean[] out = new boolean[truth.length];
        for (int i = 0; i < truth.length; i++) {
            out[i] = positive.equals(truth[i]);
        }
        return out;
    }

    static double[] column(Predictions p, String positive) {
        int pos = p.classes().indexOf(positive);
        double[] out = new double[p.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = p.probabilities()[i][pos];
        }
        return out;
    }
}
