package org.workbench.data;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.MutableFeatureMap;
import org.tribuo.Output;
import org.tribuo.OutputFactory;
import org.tribuo.VariableInfo;
import org.tribuo.classification.Label;
import org.tribuo.protos.core.DatasetProto;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.Regressor;
import org.tribuo.transform.TransformationMap;
import org.tribuo.transform.TransformerMap;
import org.workbench.core.Workers;
import tech.tablesaw.api.Table;

/**
 * A processed feature table as a Tribuo dataset, without an example per row: for trainers that read
 * the columns themselves (XGBoost builds its matrix from them) or only the targets (the baselines).
 * Building Tribuo's examples of 1,000,000 rows x 33 features took about 4 s and 400 MB that such a
 * trainer never reads.
 * <p>
 * It is what {@link TribuoData#classification(Table, Target)} or {@link TribuoData#regression(Table,
 * Target)} would build (every cell of a row a feature, zeros included), as Tribuo would see it:
 * the feature map observes every cell and the output info every target, in row order, through
 * Tribuo's own {@code MutableFeatureMap} and {@code MutableOutputInfo}, so the feature ids, each
 * feature's statistics and the label ids are the same; {@link #size} is the row count, so the
 * provenance a model records counts the rows. A reader that asks for examples anyway gets each one
 * made on demand from its row ({@link #getData}, {@link #iterator}); the rows cannot be changed.
 */
public final class TableDataset<T extends Output<T>> extends MutableDataset<T> {
    private final TableRows rows;
    private final IntFunction<T> outputs;
    private final List<Example<T>> examples;

    private TableDataset(TableRows rows, IntFunction<T> outputs, OutputFactory<T> factory) {
        super(new SimpleDataSourceProvenance(
                "feature table, " + rows.size() + " rows x " + rows.features() + " features", factory), factory);
        this.rows = rows;
        this.outputs = outputs;
        for (int row = 0; row < rows.size(); row++) {
            outputMap.observe(outputs.apply(row));
        }
        // a feature's statistics depend on its own values alone: big tables observe one feature per core
        // (1,000,000 rows x 33 features: about 1 s on one thread)
        List<Supplier<VariableInfo>> jobs = new ArrayList<>();
        for (int j = 0; j < rows.features(); j++) {
            int feature = j;
            jobs.add(() -> observed(rows, feature));
        }
        for (VariableInfo info : Workers.forCells((long) rows.size() * rows.features()).run(jobs)) {
            featureMap.put(info);
        }
        String[] names = rows.names().toArray(String[]::new);
        this.examples = new AbstractList<>() {
            @Override
            public Example<T> get(int row) {
                java.util.Objects.checkIndex(row, rows.size());
                return TribuoData.example(outputs.apply(row), names, rows, row, false, new double[names.length]);
            }

            @Override
            public int size() {
                return rows.size();
            }
        };
    }

    /**
     * Feature {@code j}'s statistics as Tribuo's feature map records them when it sees the examples. Tribuo
     * counts only non-zero values: observing a zero just creates the feature's entry, which the first call
     * does; the values are observed in row order, as examples would be.
     */
    private static VariableInfo observed(TableRows rows, int j) {
        String name = rows.names().get(j);
        MutableFeatureMap map = new MutableFeatureMap();
        map.add(name, 0.0);
        for (int row = 0; row < rows.size(); row++) {
            double value = rows.value(j, row);
            if (value != 0) {
                map.add(name, value);
            }
        }
        return map.get(name);
    }

    /** The table's rows and their labels; the same checks and messages as {@link TribuoData#classification}. */
    public static TableDataset<Label> classification(Table features, Target target) {
        Label[] labels = TribuoData.labels(target);
        return new TableDataset<>(checkedRows(features, labels.length), row -> labels[row], TribuoData.LABELS);
    }

    /** The table's rows and their target values; the same checks and messages as {@link TribuoData#regression}. */
    public static TableDataset<Regressor> regression(Table features, Target target) {
        double[] values = TribuoData.values(target);
        String name = target.name();
        return new TableDataset<>(checkedRows(features, values.length), row -> new Regressor(name, values[row]),
                TribuoData.REGRESSORS);
    }

    private static TableRows checkedRows(Table features, int targets) {
        if (targets != features.rowCount()) {
            throw new IllegalArgumentException("target has " + targets + " rows but features have " + features.rowCount());
        }
        return TribuoData.sortedRows(features);
    }

    /** The rows, their features sorted by name (the order of the feature ids). */
    public TableRows rows() {
        return rows;
    }

    /** The target of row {@code row}. */
    public T output(int row) {
        return outputs.apply(row);
    }

    @Override
    public int size() {
        return rows.size();
    }

    @Override
    public List<Example<T>> getData() {
        return examples;
    }

    /** Row {@code index} as an example; as Tribuo's, an index out of range is an IllegalArgumentException. */
    @Override
    public Example<T> getExample(int index) {
        if (index < 0 || index >= size()) {
            throw new IllegalArgumentException("Example index " + index + " is out of bounds.");
        }
        return examples.get(index);
    }

    @Override
    public synchronized Iterator<Example<T>> iterator() {
        return examples.iterator();
    }

    @Override
    public void add(Example<T> example) {
        throw readOnly();
    }

    @Override
    public void setWeights(Map<T, Float> weights) {
        throw readOnly();
    }

    @Override
    public void transform(TransformerMap transformerMap) {
        throw readOnly();
    }

    @Override
    public void densify() {
        throw readOnly();
    }

    @Override
    public void clear() {
        throw readOnly();
    }

    @Override
    public void regenerateOutputInfo() {
        throw readOnly();
    }

    @Override
    public void regenerateFeatureInfo() {
        throw readOnly();
    }

    @Override
    public synchronized void shuffle(boolean shuffle) {
        throw readOnly();
    }

    /** Tribuo's transformations read the examples list this dataset does not keep. */
    @Override
    public TransformerMap createTransformers(TransformationMap transformations, boolean includeImplicitZeroFeatures) {
        throw readOnly();
    }

    /** Tribuo writes a dataset example by example; this one keeps none. */
    @Override
    public DatasetProto serialize() {
        throw readOnly();
    }

    private static UnsupportedOperationException readOnly() {
        return new UnsupportedOperationException("a table's rows are read as they are: convert the table to Tribuo"
                + " examples (TribuoData) to change them");
    }
}
