package org.workbench.models;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.classification.Label;
import org.tribuo.common.xgboost.XGBoostModel;
import org.workbench.data.Predictions;

/**
 * Tribuo examples as the sparse (CSR) matrix XGBoost reads, built as Tribuo's
 * {@code XGBoostTrainer.convertExamples} builds it (the same entries, rows and ids) but into primitive
 * arrays: Tribuo boxes every cell into an {@code ArrayList<Float>} first, which on 800,000 rows x 33
 * features took longer than the 100 trees' predictions it fed. Rows Tribuo would treat specially
 * (features out of id order or repeated, or none the model knows) are left to Tribuo: {@link #of}
 * then returns null.
 */
public final class XGBoostMatrix {
    private XGBoostMatrix() {
    }

    /** The examples' features as a DMatrix with {@code features.size()} columns, or null (see the class comment). */
    public static DMatrix of(Iterable<? extends Example<?>> examples, ImmutableFeatureMap features) throws XGBoostError {
        return of(examples, features, null);
    }

    /** As {@link #of(Iterable, ImmutableFeatureMap)}, with each example's label (and weight) when {@code label} is given. */
    static DMatrix of(Iterable<? extends Example<?>> examples, ImmutableFeatureMap features,
                      ToDoubleFunction<Example<?>> label) throws XGBoostError {
        // sized by a first pass over the examples (each knows its feature count): growing the arrays by
        // doubling and trimming them at the end held about three copies of 800,000 x 33 cells at once
        long cells = 0;
        int count = 0;
        for (Example<?> example : examples) {
            cells += example.size();
            count++;
        }
        if (cells > Integer.MAX_VALUE - 16) {
            return null; // more cells than one Java array holds: Tribuo's own path
        }
        float[] data = new float[(int) cells];
        int[] indices = new int[(int) cells];
        long[] headers = new long[count + 1];
        float[] labels = label == null ? null : new float[count];
        float[] weights = label == null ? null : new float[count];
        int rows = 0;
        int n = 0;
        for (Example<?> example : examples) {
            if (rows == count) {
                return null; // the examples changed between the two passes
            }
            int start = n;
            int previous = -1;
            for (Feature f : example) {
                int id = features.getID(f.getName());
                if (id < 0) {
                    continue; // a feature the model never saw: Tribuo leaves it out too
                }
                if (id <= previous) {
                    return null;
                }
                previous = id;
                if (n == data.length) {
                    return null; // the examples changed between the two passes
                }
                data[n] = (float) f.getValue();
                indices[n++] = id;
            }
            if (n == start) {
                return null;
            }
            if (labels != null) {
                labels[rows] = (float) label.applyAsDouble(example);
                weights[rows] = example.getWeight();
            }
            headers[++rows] = n;
        }
        if (rows != count) {
            return null;
        }
        // trimmed only when features the model never saw were left out
        DMatrix matrix = new DMatrix(headers, n == data.length ? indices : Arrays.copyOf(indices, n),
                n == data.length ? data : Arrays.copyOf(data, n), DMatrix.SparseType.CSR, features.size());
        if (labels != null) {
            matrix.setLabel(labels);
            matrix.setWeight(weights);
        }
        return matrix;
    }

    /**
     * Class predictions of an XGBoost classifier straight from its booster's output, as Tribuo's
     * converters would give them (the first most probable class wins a tie; probabilities widened from
     * XGBoost's floats), without a Tribuo prediction object per row; columns in {@code classes} order.
     * Null when the rows need Tribuo's own path.
     */
    public static Predictions classify(XGBoostModel<Label> model, Iterable<? extends Example<?>> examples, List<String> classes) {
        List<Booster> boosters = model.getInnerModels();
        ImmutableOutputInfo<Label> info = model.getOutputIDInfo();
        int k = info.size();
        if (boosters.size() != 1 || k != classes.size()) {
            return null;
        }
        float[][] out;
        try {
            DMatrix matrix = of(examples, model.getFeatureIDMap());
            if (matrix == null) {
                return null;
            }
            try {
                out = boosters.get(0).predict(matrix);
            } finally {
                matrix.dispose();
            }
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost failed to predict: " + e.getMessage(), e);
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
}
