package org.workbench.explanation;

import java.util.ArrayList;
import java.util.List;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.classification.Label;
import org.tribuo.common.xgboost.XGBoostModel;
import org.workbench.data.TableRows;
import org.workbench.models.XGBoostMatrix;
import tech.tablesaw.api.Table;

/**
 * Tree SHAP for XGBoost, computed by XGBoost itself ({@code Booster.predictContrib}) on the matrix
 * the model predicts from ({@link XGBoostMatrix}: every feature of a row at its id in the model's
 * feature map, as a float, read from the processed table's columns). Contributions and the bias column (the base value) add up to the margin: the
 * raw score before the sigmoid or softmax. For two classes the explained margin is the positive
 * class's minus the other's, the log-odds of the positive class.
 */
final class TreeShapAttribution {
    static final String METHOD = "tree SHAP (XGBoost's own), in margin space";

    private TreeShapAttribution() {
    }

    @SuppressWarnings("unchecked")
    static Attributions of(XGBoostModel<?> model, Table processed, String target, String[] explainedClass,
                           List<String> classes) {
        ImmutableFeatureMap features = model.getFeatureIDMap();
        int f = features.size();
        int rows = processed.rowCount();
        List<String> names = new ArrayList<>(f);
        for (int j = 0; j < f; j++) {
            names.add(features.get(j).getName());
        }
        String[] explained = new String[rows];
        double[] output = new double[rows];
        double[] base = new double[rows];
        double[][] contributions = new double[rows][f];
        DMatrix matrix = null;
        try {
            // the rows as the model predicts them: XGBoost's matrix of the table's columns
            matrix = XGBoostMatrix.of(TableRows.of(processed, names), features, null);
            Booster booster = model.getInnerModels().get(0);
            float[][] contrib = booster.predictContrib(matrix, 0);
            float[][] margins = booster.predict(matrix, true);
            int outputs = margins[0].length;
            for (int i = 0; i < rows; i++) {
                int positive = 0;
                int negative = -1;
                if (explainedClass != null) {
                    ImmutableOutputInfo<Label> info = (ImmutableOutputInfo<Label>) model.getOutputIDInfo();
                    positive = info.getID(new Label(explainedClass[i]));
                    if (classes.size() == 2) {
                        String other = classes.get(0).equals(explainedClass[i]) ? classes.get(1) : classes.get(0);
                        negative = info.getID(new Label(other));
                        explained[i] = "log-odds of " + target + "=" + explainedClass[i];
                    } else {
                        explained[i] = "margin of " + target + "=" + explainedClass[i] + " (before softmax)";
                    }
                    if (outputs == 1) { // one logistic output: the margin is the log-odds of class id 1
                        double sign = positive == 1 ? 1 : -1;
                        fill(contrib[i], 0, -1, f, sign, contributions[i]);
                        base[i] = sign * contrib[i][f];
                        output[i] = sign * margins[i][0];
                        continue;
                    }
                } else {
                    explained[i] = "predicted " + target;
                }
                fill(contrib[i], positive * (f + 1), negative < 0 ? -1 : negative * (f + 1), f, 1, contributions[i]);
                base[i] = contrib[i][positive * (f + 1) + f] - (negative < 0 ? 0 : contrib[i][negative * (f + 1) + f]);
                output[i] = margins[i][positive] - (negative < 0 ? 0 : margins[i][negative]);
            }
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost could not compute contributions: " + e.getMessage(), e);
        } finally {
            if (matrix != null) {
                matrix.dispose();
            }
        }
        return new Attributions(METHOD, true, names, explained, output, base, contributions);
    }

    private static void fill(float[] contrib, int from, int minus, int f, double sign, double[] out) {
        for (int j = 0; j < f; j++) {
            out[j] = sign * (contrib[from + j] - (minus < 0 ? 0 : contrib[minus + j]));
        }
    }
}
