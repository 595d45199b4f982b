package org.workbench.training;

import org.tribuo.Dataset;

/** Rows already converted to Tribuo examples (the training rows of a {@link TrainedModel.Fit}). */
public final class TribuoRows {
    private final Dataset<?> dataset;

    TribuoRows(Dataset<?> dataset) {
        this.dataset = dataset;
    }

    Dataset<?> dataset() {
        return dataset;
    }

    public int size() {
        return dataset.size();
    }
}
