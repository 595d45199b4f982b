package org.workbench.training;

import java.util.ArrayList;
import java.util.List;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.Output;
import org.workbench.data.TableDataset;
import org.workbench.data.TableRows;
import org.workbench.data.TribuoData;

/**
 * Rows in the form a model reads them: the training rows of a {@link TrainedModel.Fit} (with their
 * targets, as a dataset), or rows to predict made by {@link TrainedModel#rows}. For XGBoost and the
 * linear SGD models they stay the table's columns (XGBoost's matrix is built from them, the linear
 * models' scores are summed from them); for other models they are Tribuo examples. Converting a table costs about as much as predicting it, so rows scored more than once
 * are converted once.
 */
public final class ModelRows {
    private final Dataset<?> dataset;
    private final List<? extends Example<?>> examples;
    private final TableRows table;

    private ModelRows(Dataset<?> dataset, List<? extends Example<?>> examples, TableRows table) {
        this.dataset = dataset;
        this.examples = examples;
        this.table = table;
    }

    /** Training rows: a table's rows when the dataset is a table (nothing converted), else its examples. */
    static ModelRows training(Dataset<?> dataset) {
        return new ModelRows(dataset, null, dataset instanceof TableDataset<?> t ? t.rows() : null);
    }

    /** Rows to predict, converted to Tribuo examples. */
    static ModelRows examples(List<? extends Example<?>> examples) {
        return new ModelRows(null, examples, null);
    }

    /** Rows to predict, read from the table's columns. */
    static ModelRows table(TableRows rows) {
        return new ModelRows(null, null, rows);
    }

    /** The training dataset; only training rows have one. */
    Dataset<?> dataset() {
        if (dataset == null) {
            throw new IllegalStateException("these rows have no targets: they were made for predicting");
        }
        return dataset;
    }

    /** The table's rows, or null when the rows are examples only. */
    TableRows table() {
        return table;
    }

    /**
     * The rows as Tribuo examples: a dataset's own (a table's made one at a time as they are read), or
     * rows to predict read from a table converted now, with {@code unknown} as their output.
     */
    <T extends Output<T>> Iterable<? extends Example<?>> examples(T unknown) {
        if (dataset != null) {
            return dataset;
        }
        return examples != null ? examples : TribuoData.examples(table, unknown);
    }

    /** Consecutive parts of at most {@code rows} rows each, in order (for predicting; targets are not kept). */
    public List<ModelRows> chunks(int rows) {
        List<ModelRows> out = new ArrayList<>();
        if (table != null) {
            for (TableRows part : table.chunks(rows)) {
                out.add(table(part));
            }
            return out;
        }
        List<? extends Example<?>> all = dataset != null ? dataset.getData() : examples;
        for (int from = 0; from < all.size(); from += rows) {
            out.add(examples(all.subList(from, Math.min(all.size(), from + rows))));
        }
        return out;
    }

    public int size() {
        return dataset != null ? dataset.size() : examples != null ? examples.size() : table.size();
    }
}
