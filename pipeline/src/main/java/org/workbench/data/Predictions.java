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

    /**
     * The predictions of a split's two parts put back in row order: row {@code split.train()[i]} gets
     * {@code train}'s i-th prediction, row {@code split.test()[i]} gets {@code test}'s. Both parts must
     * come from the same model (same kind, same classes).
     */
    public static Predictions merge(Split split, Predictions train, Predictions test) {
        if (train.size() != split.train().length || test.size() != split.test().length
                || (train.labels() == null) != (test.labels() == null) || train.hasProbabilities() != test.hasProbabilities()
                || !train.classes().equals(test.classes())) {
            throw new IllegalArgumentException("the two parts do not match the split or each other");
        }
        int n = split.train().length + split.test().length;
        String[] labels = train.labels() == null ? null : new String[n];
        double[][] probabilities = train.hasProbabilities() ? new double[n][] : null;
        double[] values = train.values() == null ? null : new double[n];
        Predictions merged = new Predictions(labels, probabilities, train.classes(), values);
        train.copyTo(merged, split.train());
        test.copyTo(merged, split.test());
        return merged;
    }

    /** Writes prediction i into row rows[i] of {@code target}'s arrays. */
    private void copyTo(Predictions target, int[] rows) {
        for (int i = 0; i < rows.length; i++) {
            if (labels != null) {
                target.labels[rows[i]] = labels[i];
            }
            if (probabilities != null) {
                target.probabilities[rows[i]] = probabilities[i];
            }
            if (values != null) {
                target.values[rows[i]] = values[i];
            }
        }
    }

    /** Parts predicted by the same model, one after the other. */
    public static Predictions concat(List<Predictions> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        Predictions first = parts.get(0);
        int n = parts.stream().mapToInt(Predictions::size).sum();
        Predictions out = new Predictions(first.labels() == null ? null : new String[n],
                first.hasProbabilities() ? new double[n][] : null, first.classes(), first.values() == null ? null : new double[n]);
        int at = 0;
        for (Predictions part : parts) {
            if ((part.labels() == null) != (first.labels() == null) || part.hasProbabilities() != first.hasProbabilities()
                    || !part.classes().equals(first.classes())) {
                throw new IllegalArgumentException("the parts come from different models");
            }
            int[] rows = java.util.stream.IntStream.range(at, at + part.size()).toArray();
            part.copyTo(out, rows);
            at += part.size();
        }
        return out;
    }

    public int size() {
        return labels != null ? labels.length : values.length;
    }

    public boolean hasProbabilities() {
        return probabilities != null;
    }
}
