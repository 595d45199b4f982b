package org.workbench.data;

import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * The column to predict, kept apart from the features so no step can fit on it by accident.
 * Classification targets hold labels, regression targets hold values; the other array is null.
 */
public record Target(String name, String[] labels, double[] values) {

    public static Target labels(String name, String[] labels) {
        return new Target(name, labels, null);
    }

    public static Target values(String name, double[] values) {
        return new Target(name, null, values);
    }

    /**
     * No target at all (clustering without a label column): only a row count, so frames can still be
     * subset row by row. Its labels are all null and its name is null.
     */
    public static Target none(int rows) {
        return new Target(null, new String[rows], null);
    }

    /** False for {@link #none}: there is no column to learn from or score against. */
    public boolean isPresent() {
        return name != null;
    }

    public boolean isCategorical() {
        return labels != null;
    }

    public int size() {
        return labels != null ? labels.length : values.length;
    }

    public Target subset(int[] rows) {
        if (labels != null) {
            String[] out = new String[rows.length];
            for (int i = 0; i < rows.length; i++) {
                out[i] = labels[rows[i]];
            }
            return labels(name, out);
        }
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = values[rows[i]];
        }
        return values(name, out);
    }

    /**
     * A split's two parts put back in row order (the inverse of {@link #subset} on each part): row
     * {@code split.train()[i]} gets {@code train}'s i-th entry, row {@code split.test()[i]} {@code test}'s.
     */
    public static Target merge(Split split, Target train, Target test) {
        if (train.size() != split.train().length || test.size() != split.test().length
                || train.isCategorical() != test.isCategorical()) {
            throw new IllegalArgumentException("the two parts do not match the split or each other");
        }
        int n = split.train().length + split.test().length;
        if (train.labels != null) {
            String[] out = new String[n];
            for (int i = 0; i < split.train().length; i++) {
                out[split.train()[i]] = train.labels[i];
            }
            for (int i = 0; i < split.test().length; i++) {
                out[split.test()[i]] = test.labels[i];
            }
            return new Target(train.name, out, null);
        }
        double[] out = new double[n];
        for (int i = 0; i < split.train().length; i++) {
            out[split.train()[i]] = train.values[i];
        }
        for (int i = 0; i < split.test().length; i++) {
            out[split.test()[i]] = test.values[i];
        }
        return new Target(train.name, null, out);
    }

    /** Distinct labels in sorted order (the class order used everywhere in reports). */
    public List<String> classes() {
        return Arrays.stream(labels).distinct().sorted().toList();
    }

    /** Label counts in sorted label order. */
    public TreeMap<String, Integer> counts() {
        TreeMap<String, Integer> counts = new TreeMap<>();
        for (String l : labels) {
            counts.merge(l, 1, Integer::sum);
        }
        return counts;
    }
}
