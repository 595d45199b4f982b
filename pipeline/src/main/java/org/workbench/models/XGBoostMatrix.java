package org.workbench.models;

import java.util.Arrays;
import java.util.List;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.classification.Label;
import org.tribuo.common.xgboost.XGBoostModel;
import org.tribuo.regression.Regressor;
import org.workbench.core.InputException;
import org.workbench.data.Predictions;
import org.workbench.data.TableRows;

/**
 * Table rows as the sparse (CSR) matrix XGBoost reads, built straight from the columns into primitive
 * arrays sized exactly. The entries are those of Tribuo's {@code XGBoostTrainer.convertExamples} on the
 * rows' examples: every cell of a row (zeros included: an absent entry is "missing" to XGBoost), at
 * its feature's id, as a float. Predictions come straight from the booster, as Tribuo's converters
 * would give them, without a Tribuo example or prediction object per row.
 */
public final class XGBoostMatrix {
    /**
     * Rows predicted per matrix: bounds the matrix a prediction builds on a big table (each row's
     * prediction depends on its own cells only, so the blocks give the same predictions).
     */
    static final int BLOCK_ROWS = 65_536;
    /** The most cells one Java array holds. */
    private static final long MAX_CELLS = Integer.MAX_VALUE - 16;

    private XGBoostMatrix() {
    }

    /**
     * The rows as a matrix with one column per feature id of {@code features}; with each row's label
     * (and weight 1, as Tribuo gives) when {@code labels} is not null.
     *
     * @throws IllegalArgumentException when the rows' columns are not the features in id order
     * @throws InputException when the rows hold more cells than one matrix can
     */
    public static DMatrix of(TableRows rows, ImmutableFeatureMap features, float[] labels) throws XGBoostError {
        int f = rows.features();
        if (f != features.size()) {
            throw new IllegalArgumentException(f + " columns for " + features.size() + " features");
        }
        for (int id = 0; id < f; id++) {
            if (features.getID(rows.names().get(id)) != id) {
                throw new IllegalArgumentException("column '" + rows.names().get(id) + "' is not feature id " + id);
            }
        }
        int n = rows.size();
        long cells = (long) n * f;
        if (cells > MAX_CELLS) {
            throw new InputException(String.format(java.util.Locale.ROOT, "%,d rows x %d features is more cells than"
                    + " XGBoost's matrix holds here (%,d); train on fewer rows or features", n, f, MAX_CELLS));
        }
        float[] data = new float[(int) cells];
        int[] indices = new int[(int) cells];
        long[] headers = new long[n + 1];
        // row by row, writing the arrays in order: column by column (strided writes) took three times as
        // long on 1,000,000 rows x 33 features
        int at = 0;
        for (int row = 0; row < n; row++) {
            for (int j = 0; j < f; j++) {
                data[at] = (float) rows.value(j, row);
                indices[at++] = j;
            }
            headers[row + 1] = at;
        }
        DMatrix matrix = new DMatrix(headers, indices, data, DMatrix.SparseType.CSR, f);
        if (labels != null) {
            float[] weights = new float[n];
            Arrays.fill(weights, 1f);
            matrix.setLabel(labels);
            matrix.setWeight(weights);
        }
        return matrix;
    }

    /**
     * Class predictions of an XGBoost classifier, as Tribuo's converters would give them (the first
     * most probable class wins a tie; probabilities widened from XGBoost's floats), columns in
     * {@code classes} order; {@code rows} hold the model's features in id order. Null when the
     * model is not one this reads (Tribuo's own prediction then applies).
     */
    public static Predictions classify(XGBoostModel<Label> model, TableRows rows, List<String> classes) {
        List<Booster> boosters = model.getInnerModels();
        ImmutableOutputInfo<Label> info = model.getOutputIDInfo();
        int k = info.size();
        if (boosters.size() != 1 || k != classes.size()) {
            return null;
        }
        // column in `classes` order of each output id
        int[] column = new int[k];
        String[] names = new String[k];
        for (int id = 0; id < k; id++) {
            names[id] = info.getOutput(id).getLabel();
            column[id] = classes.indexOf(names[id]);
            if (column[id] < 0) {
                return null;
            }
        }
        float[][] out = predict(boosters.get(0), rows, model.getFeatureIDMap());
        String[] labels = new String[out.length];
        double[][] probabilities = new double[out.length][];
        for (int i = 0; i < out.length; i++) {
            double[] byId = new double[k];
            if (out[i].length == k) {
                for (int id = 0; id < k; id++) {
                    byId[id] = out[i][id];
                }
            } else if (out[i].length == 1 && k == 2) { // binary:logistic: the probability of id 1
                byId[1] = out[i][0];
                byId[0] = 1.0 - byId[1];
            } else {
                return null;
            }
            int best = 0;
            for (int id = 1; id < k; id++) {
                best = byId[id] > byId[best] ? id : best;
            }
            labels[i] = names[best];
            double[] row = new double[k];
            for (int id = 0; id < k; id++) {
                row[column[id]] = byId[id];
            }
            probabilities[i] = row;
        }
        return Predictions.classification(labels, probabilities, classes);
    }

    /**
     * Predictions of a one-target XGBoost regression model, as Tribuo's converter gives them (XGBoost's
     * float widened); {@code rows} hold the model's features in id order. Null for a model with
     * several targets (Tribuo's own prediction then applies).
     */
    public static Predictions regress(XGBoostModel<Regressor> model, TableRows rows) {
        List<Booster> boosters = model.getInnerModels();
        if (boosters.size() != 1 || model.getOutputIDInfo().size() != 1) {
            return null;
        }
        float[][] out = predict(boosters.get(0), rows, model.getFeatureIDMap());
        double[] values = new double[out.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = out[i][0];
        }
        return Predictions.regression(values);
    }

    /** The booster's output for every row, predicted {@link #BLOCK_ROWS} rows at a time. */
    private static float[][] predict(Booster booster, TableRows rows, ImmutableFeatureMap features) {
        float[][] out = new float[rows.size()][];
        int at = 0;
        for (TableRows block : rows.chunks(BLOCK_ROWS)) {
            try {
                DMatrix matrix = of(block, features, null);
                try {
                    float[][] predicted = booster.predict(matrix);
                    System.arraycopy(predicted, 0, out, at, predicted.length);
                    at += predicted.length;
                } finally {
                    matrix.dispose();
                }
            } catch (XGBoostError e) {
                throw new IllegalStateException("XGBoost failed to predict: " + e.getMessage(), e);
            }
        }
        return out;
    }
}
