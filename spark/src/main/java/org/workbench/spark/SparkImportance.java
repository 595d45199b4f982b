package org.workbench.spark;

import org.apache.spark.ml.Model;
import org.apache.spark.ml.classification.DecisionTreeClassificationModel;
import org.apache.spark.ml.classification.GBTClassificationModel;
import org.apache.spark.ml.classification.LinearSVCModel;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.classification.RandomForestClassificationModel;
import org.apache.spark.ml.linalg.Matrix;
import org.apache.spark.ml.regression.DecisionTreeRegressionModel;
import org.apache.spark.ml.regression.GBTRegressionModel;
import org.apache.spark.ml.regression.LinearRegressionModel;
import org.apache.spark.ml.regression.RandomForestRegressionModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.workbench.evaluation.Importance;

import java.util.Collection;
import java.util.List;

/**
 * The model's own view of the features it relies on, by source column as the local engine reports it
 * ({@link Importance#ownView}): a tree model's {@code featureImportances} (Spark's impurity gain, normalised to
 * sum to 1; the local engine's trees count splits, XGBoost's gain), a linear model's absolute coefficients on
 * the scaled features (averaged over classes). Read from the fitted model on the driver: no Spark job but
 * the one that may name the assembled slots.
 */
final class SparkImportance {
    private SparkImportance() {
    }

    /** Empty for a model without a view of its own (naive Bayes, k-means) or when the slots cannot be named. */
    static List<Importance.Entry> own(Model<?> model, Dataset<Row> prepared, SparkRecipe.Parts parts, Collection<String> rawColumns) {
        double[] values = perSlot(model);
        if (values == null) {
            return List.of();
        }
        List<String> names = SparkRecipe.featureNames(prepared, SparkRun.FEATURES, parts);
        return names.size() == values.length ? Importance.ownView(names, values, rawColumns) : List.of();
    }

    /** One value per slot of the model's input vector, or null. */
    static double[] perSlot(Model<?> model) {
        if (model instanceof DecisionTreeClassificationModel m) {
            return m.featureImportances().toArray();
        } else if (model instanceof RandomForestClassificationModel m) {
            return m.featureImportances().toArray();
        } else if (model instanceof GBTClassificationModel m) {
            return m.featureImportances().toArray();
        } else if (model instanceof DecisionTreeRegressionModel m) {
            return m.featureImportances().toArray();
        } else if (model instanceof RandomForestRegressionModel m) {
            return m.featureImportances().toArray();
        } else if (model instanceof GBTRegressionModel m) {
            return m.featureImportances().toArray();
        } else if (model instanceof LogisticRegressionModel m) {
            Matrix w = m.coefficientMatrix();
            double[] out = new double[w.numCols()];
            for (int c = 0; c < w.numCols(); c++) {
                for (int k = 0; k < w.numRows(); k++) {
                    out[c] += Math.abs(w.apply(k, c)) / w.numRows();
                }
            }
            return out;
        } else if (model instanceof LinearRegressionModel m) {
            return absolute(m.coefficients().toArray());
        } else if (model instanceof LinearSVCModel m) {
            return absolute(m.coefficients().toArray());
        }
        return null;
    }

    /** Whether the view is a tree model's (else a linear model's coefficients). */
    static boolean isTree(Model<?> model) {
        return model instanceof DecisionTreeClassificationModel || model instanceof RandomForestClassificationModel
                || model instanceof GBTClassificationModel || model instanceof DecisionTreeRegressionModel
                || model instanceof RandomForestRegressionModel || model instanceof GBTRegressionModel;
    }

    private static double[] absolute(double[] v) {
        double[] out = v.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.abs(out[i]);
        }
        return out;
    }
}
