package org.workbench.data;

import java.util.List;

/**
 * What a model said about a set of rows. Classification: a label per row and, when the model gives
 * them, class probabilities in {@code classes} order. Regression: a value per row. Clustering: a
 * cluster name per row in {@code labels}.
 */
public record Predictions(String[] labels, double[][] probabilities, List<String> classes, double[] values) {

    public static Predictions classification(String[] labels, double[][] probabilities, List<String> classes) {
        return new Predictions(labels, probabilities, List.copyOf(classes), null);
    }

    public static Predictions regression(double[] values) {
        return new Predictions(null, null, List.of(), values);
    }

    /** Clustering: the cluster each row falls into, as text ("0", "1", ... or "noise"). */
    public static Predictions clusters(String[] clusters) {
        return new Predictions(clusters, null, List.of(), null);
    }

    public int size() {
        return labels != null ? labels.length : values.length;
    }

    public boolean hasProbabilities() {
        return probabilities != null;
    }
}
