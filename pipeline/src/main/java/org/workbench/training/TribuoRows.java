package org.workbench.training;

import java.util.List;
import org.tribuo.Dataset;
import org.tribuo.Example;

/**
 * Rows already converted to Tribuo examples: the training rows of a {@link TrainedModel.Fit} (with
 * their targets, as a dataset), or rows to predict made by {@link TrainedModel#rows}. Converting a
 * table costs about as much as predicting it, so rows scored more than once are converted once.
 */
public final class TribuoRows {
    private final Dataset<?> dataset;
    private final List<? extends Example<?>> examples;

    TribuoRows(Dataset<?> dataset) {
        this.dataset = dataset;
        this.examples = null;
    }

    TribuoRows(List<? extends Example<?>> examples) {
        this.dataset = null;
        this.examples = examples;
    }

    /** The training dataset; only training rows have one. */
    Dataset<?> dataset() {
        if (dataset == null) {
            throw new IllegalStateException("these rows have no targets: they were made for predicting");
        }
        return dataset;
    }

    Iterable<? extends Example<?>> examples() {
        return dataset != null ? dataset : examples;
    }

    /** Consecutive parts of at most {@code rows} rows each, in order (for predicting; targets are not kept). */
    public java.util.List<TribuoRows> chunks(int rows) {
        List<? extends Example<?>> all = dataset != null ? dataset.getData() : examples;
        java.util.List<TribuoRows> out = new java.util.ArrayList<>();
        for (int from = 0; from < all.size(); from += rows) {
            out.add(new TribuoRows(all.subList(from, Math.min(all.size(), from + rows))));
        }
        return out;
    }

    public int size() {
        return dataset != null ? dataset.size() : examples.size();
    }
}
