package org.workbench.data;

import java.util.ArrayList;
import java.util.List;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.Output;
import org.tribuo.OutputFactory;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.clustering.ClusterID;
import org.tribuo.clustering.ClusteringFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.workbench.core.InputException;
import tech.tablesaw.api.Table;

/**
 * Turns a processed feature table (numeric columns only, no missing values) into Tribuo examples.
 * <p>
 * By default every cell becomes a feature named after its column, zeros included: XGBoost reads an
 * absent feature as "missing", not as 0, so dropping zeros would change what the trees see. With
 * {@code sparse}, zero cells are left out (Tribuo examples are sparse by nature), so building and
 * training cost follow the non-zeros rather than rows x columns: one-hot columns of many levels are
 * almost all zeros. Only for models where an absent feature means 0 exactly (linear SGD: a zero
 * feature adds nothing to a dot product nor to a gradient); a row whose every cell is zero keeps them
 * all, as Tribuo refuses an example without features.
 * Labels keep their exact case. A regression output is one dimension named after the target column.
 */
public final class TribuoData {
    static final LabelFactory LABELS = new LabelFactory();
    static final RegressionFactory REGRESSORS = new RegressionFactory();
    private static final ClusteringFactory CLUSTERS = new ClusteringFactory();

    private TribuoData() {
    }

    /** A classification dataset; {@code target} must hold labels, one per feature row. */
    public static MutableDataset<Label> classification(Table features, Target target) {
        return classification(features, target, false);
    }

    /** As {@link #classification(Table, Target)}; {@code sparse} leaves zero cells out. */
    public static MutableDataset<Label> classification(Table features, Target target, boolean sparse) {
        return dataset(features, List.of(labels(target)), LABELS, sparse);
    }

    /**
     * The label of each row, checked: one Label per class, shared by its rows (a Label is immutable),
     * not one object per row.
     */
    static Label[] labels(Target target) {
        if (!target.isCategorical()) {
            throw new IllegalArgumentException("target '" + target.name() + "' holds numbers, not labels");
        }
        String[] labels = target.labels();
        Label[] outputs = new Label[labels.length];
        java.util.Map<String, Label> byName = new java.util.HashMap<>();
        for (int row = 0; row < labels.length; row++) {
            if (labels[row] == null || labels[row].isEmpty()) {
                throw new InputException("target '" + target.name() + "' is missing in row " + (row + 1)
                        + " of the training rows; set problem.missing_target: drop");
            }
            outputs[row] = byName.computeIfAbsent(labels[row], Label::new);
        }
        return outputs;
    }

    /** A regression dataset; {@code target} must hold values, one per feature row. */
    public static MutableDataset<Regressor> regression(Table features, Target target) {
        return regression(features, target, false);
    }

    /** As {@link #regression(Table, Target)}; {@code sparse} leaves zero cells out. */
    public static MutableDataset<Regressor> regression(Table features, Target target, boolean sparse) {
        double[] values = values(target);
        List<Regressor> outputs = new ArrayList<>(values.length);
        for (double value : values) {
            outputs.add(new Regressor(target.name(), value));
        }
        return dataset(features, outputs, REGRESSORS, sparse);
    }

    /** The target value of each row, checked to be finite. */
    static double[] values(Target target) {
        if (target.isCategorical()) {
            throw new IllegalArgumentException("target '" + target.name() + "' holds labels, not numbers");
        }
        double[] values = target.values();
        for (int row = 0; row < values.length; row++) {
            if (!Double.isFinite(values[row])) {
                throw new InputException("target '" + target.name() + "' is " + describe(values[row]) + " in row "
                        + (row + 1) + " of the training rows; set problem.missing_target: drop");
            }
        }
        return values;
    }

    /** A clustering dataset: features only, every row with Tribuo's "not yet assigned" cluster. */
    public static MutableDataset<ClusterID> clustering(Table features) {
        List<ClusterID> outputs = new ArrayList<>(features.rowCount());
        for (int row = 0; row < features.rowCount(); row++) {
            outputs.add(ClusteringFactory.UNASSIGNED_CLUSTER_ID);
        }
        return dataset(features, outputs, CLUSTERS, false);
    }

    /** Rows to predict, every column a feature, with Tribuo's "unknown" output. */
    public static <T extends Output<T>> List<Example<T>> examples(Table features, T unknownOutput) {
        return examples(features, features.columnNames(), unknownOutput);
    }

    /**
     * Rows to predict using only the named columns, looked up by name (so the table's column order
     * does not matter and extra columns are ignored).
     */
    public static <T extends Output<T>> List<Example<T>> examples(Table features, List<String> names, T unknownOutput) {
        return examples(features, names, unknownOutput, false);
    }

    /** As {@link #examples(Table, List, Output)}; {@code sparse} leaves zero cells out, as the model was trained. */
    public static <T extends Output<T>> List<Example<T>> examples(Table features, List<String> names, T unknownOutput,
                                                                 boolean sparse) {
        return examples(TableRows.of(features, names.stream().sorted().toList()), unknownOutput, sparse);
    }

    /** Rows already read from a table, every cell a feature, with Tribuo's "unknown" output. */
    public static <T extends Output<T>> List<Example<T>> examples(TableRows rows, T unknownOutput) {
        return examples(rows, unknownOutput, false);
    }

    private static <T extends Output<T>> List<Example<T>> examples(TableRows rows, T unknownOutput, boolean sparse) {
        String[] names = rows.names().toArray(String[]::new);
        List<Example<T>> out = new ArrayList<>(rows.size());
        double[] scratch = new double[names.length];
        for (int row = 0; row < rows.size(); row++) {
            out.add(example(unknownOutput, names, rows, row, sparse, scratch));
        }
        return out;
    }

    /** The output a prediction-time example carries for its task. */
    public static Label unknownLabel() {
        return LabelFactory.UNKNOWN_LABEL;
    }

    public static Regressor unknownRegressor() {
        return RegressionFactory.UNKNOWN_REGRESSOR;
    }

    public static ClusterID unknownCluster() {
        return ClusteringFactory.UNASSIGNED_CLUSTER_ID;
    }

    private static <T extends Output<T>> MutableDataset<T> dataset(Table features, List<T> outputs, OutputFactory<T> factory,
                                                                   boolean sparse) {
        if (outputs.size() != features.rowCount()) {
            throw new IllegalArgumentException("target has " + outputs.size() + " rows but features have " + features.rowCount());
        }
        TableRows rows = sortedRows(features);
        String[] names = rows.names().toArray(String[]::new);
        List<Example<T>> examples = new ArrayList<>(outputs.size());
        double[] scratch = new double[names.length];
        for (int row = 0; row < outputs.size(); row++) {
            examples.add(example(outputs.get(row), names, rows, row, sparse, scratch));
        }
        var provenance = new SimpleDataSourceProvenance(
                "feature table, " + features.rowCount() + " rows x " + names.length + " features", factory);
        return new MutableDataset<>(examples, provenance, factory);
    }

    /** Every column of the table, sorted by name: Tribuo keeps each example's features so, and handing them over sorted is cheaper. */
    static TableRows sortedRows(Table features) {
        return TableRows.of(features, features.columnNames().stream().sorted().toList());
    }

    /**
     * Row {@code row} of {@code rows} as an example ({@code names} are the rows' names). {@code values}
     * is scratch space of one value per name: Tribuo's example copies what it is given.
     */
    static <T extends Output<T>> Example<T> example(T output, String[] names, TableRows rows, int row,
                                                    boolean sparse, double[] values) {
        int nonZero = 0;
        for (int j = 0; j < names.length; j++) {
            values[j] = rows.value(j, row);
            if (values[j] != 0) {
                nonZero++;
            }
        }
        if (sparse && nonZero > 0 && nonZero < names.length) {
            String[] kept = new String[nonZero];
            double[] keptValues = new double[nonZero];
            int k = 0;
            for (int j = 0; j < names.length; j++) {
                if (values[j] != 0) {
                    kept[k] = names[j];
                    keptValues[k++] = values[j];
                }
            }
            return new ArrayExample<>(output, kept, keptValues);
        }
        return new ArrayExample<>(output, names, values);
    }

    private static String describe(double v) {
        return Double.isNaN(v) ? "missing" : "infinite";
    }
}
