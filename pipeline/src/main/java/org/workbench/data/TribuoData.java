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
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

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
    private static final LabelFactory LABELS = new LabelFactory();
    private static final RegressionFactory REGRESSORS = new RegressionFactory();
    private static final ClusteringFactory CLUSTERS = new ClusteringFactory();

    private TribuoData() {
    }

    /** A classification dataset; {@code target} must hold labels, one per feature row. */
    public static MutableDataset<Label> classification(Table features, Target target) {
        return classification(features, target, false);
    }

    /** As {@link #classification(Table, Target)}; {@code sparse} leaves zero cells out. */
    public static MutableDataset<Label> classification(Table features, Target target, boolean sparse) {
        if (!target.isCategorical()) {
            throw new IllegalArgumentException("target '" + target.name() + "' holds numbers, not labels");
        }
        String[] labels = target.labels();
        List<Label> outputs = new ArrayList<>(labels.length);
        // one Label per class, shared by its rows (a Label is immutable): not one object per row
        java.util.Map<String, Label> byName = new java.util.HashMap<>();
        for (int row = 0; row < labels.length; row++) {
            if (labels[row] == null || labels[row].isEmpty()) {
                throw new InputException("target '" + target.name() + "' is missing in row " + (row + 1)
                        + " of the training rows; set problem.missing_target: drop");
            }
            outputs.add(byName.computeIfAbsent(labels[row], Label::new));
        }
        return dataset(features, outputs, LABELS, sparse);
    }

    /** A regression dataset; {@code target} must hold values, one per feature row. */
    public static MutableDataset<Regressor> regression(Table features, Target target) {
        return regression(features, target, false);
    }

    /** As {@link #regression(Table, Target)}; {@code sparse} leaves zero cells out. */
    public static MutableDataset<Regressor> regression(Table features, Target target, boolean sparse) {
        if (target.isCategorical()) {
            throw new IllegalArgumentException("target '" + target.name() + "' holds labels, not numbers");
        }
        double[] values = target.values();
        List<Regressor> outputs = new ArrayList<>(values.length);
        for (int row = 0; row < values.length; row++) {
            if (!Double.isFinite(values[row])) {
                throw new InputException("target '" + target.name() + "' is " + describe(values[row]) + " in row "
                        + (row + 1) + " of the training rows; set problem.missing_target: drop");
            }
            outputs.add(new Regressor(target.name(), values[row]));
        }
        return dataset(features, outputs, REGRESSORS, sparse);
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
        for (String name : names) {
            if (!features.containsColumn(name)) {
                throw new InputException("feature '" + name + "' that the model was trained on is missing from the rows to predict");
            }
        }
        String[] nameArray = names.stream().sorted().toArray(String[]::new);
        NumericColumn<?>[] columns = columns(features, nameArray);
        List<Example<T>> out = new ArrayList<>(features.rowCount());
        double[] scratch = new double[nameArray.length];
        for (int row = 0; row < features.rowCount(); row++) {
            out.add(example(unknownOutput, nameArray, columns, row, sparse, scratch));
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
        // Tribuo keeps each example's features sorted by name; handing them over sorted is cheaper
        String[] names = features.columnNames().stream().sorted().toArray(String[]::new);
        NumericColumn<?>[] columns = columns(features, names);
        List<Example<T>> examples = new ArrayList<>(outputs.size());
        double[] scratch = new double[names.length];
        for (int row = 0; row < outputs.size(); row++) {
            examples.add(example(outputs.get(row), names, columns, row, sparse, scratch));
        }
        var provenance = new SimpleDataSourceProvenance(
                "feature table, " + features.rowCount() + " rows x " + names.length + " features", factory);
        return new MutableDataset<>(examples, provenance, factory);
    }

    /** {@code values} is scratch space of one value per name: Tribuo's example copies what it is given. */
    private static <T extends Output<T>> Example<T> example(T output, String[] names, NumericColumn<?>[] columns, int row,
                                                            boolean sparse, double[] values) {
        int nonZero = 0;
        for (int j = 0; j < names.length; j++) {
            values[j] = columns[j].getDouble(row);
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

    /**
     * The columns, checked once; rows read their cells straight from them (a copy of every column
     * as an array would double the table's memory while the examples are built).
     */
    private static NumericColumn<?>[] columns(Table features, String[] names) {
        if (names.length == 0) {
            throw new InputException("no feature columns are left to train on; check preprocess.drop and select");
        }
        NumericColumn<?>[] out = new NumericColumn<?>[names.length];
        for (int j = 0; j < names.length; j++) {
            Column<?> column = features.column(names[j]);
            if (!(column instanceof NumericColumn<?> numeric)) {
                throw new InputException("feature '" + names[j] + "' is text; categorical columns must be encoded"
                        + " to numbers before training (features.encode)");
            }
            out[j] = numeric;
            checkFinite(names[j], numeric);
        }
        return out;
    }

    private static void checkFinite(String name, NumericColumn<?> column) {
        int missing = 0;
        int infinite = 0;
        for (int row = 0, n = column.size(); row < n; row++) {
            double v = column.getDouble(row);
            if (Double.isNaN(v)) {
                missing++;
            } else if (Double.isInfinite(v)) {
                infinite++;
            }
        }
        if (missing > 0) {
            throw new InputException("feature '" + name + "' has " + missing
                    + " missing values after preprocessing; configure preprocess.impute");
        }
        if (infinite > 0) {
            throw new InputException("feature '" + name + "' has " + infinite + " infinite values after preprocessing");
        }
    }

    private static String describe(double v) {
        return Double.isNaN(v) ? "missing" : "infinite";
    }
}
