package org.workbench.explanation;

import java.util.List;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.classification.Label;
import org.tribuo.common.sgd.AbstractLinearSGDModel;
import org.tribuo.math.la.DenseMatrix;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

/**
 * Exact contributions of a linear model: weight x processed value per feature, the bias as base value.
 * Tribuo's weight matrix has one row per output and one column per feature, the bias last. For two
 * classes the explained score is the positive class's minus the other's, which for logistic
 * regression is the log-odds of the positive class; for more classes, the predicted class's score.
 */
final class LinearAttribution {
    static final String METHOD = "linear: weight x processed value, bias as base (exact)";

    private LinearAttribution() {
    }

    /** {@code explainedClass} per row for classification (null for regression). */
    @SuppressWarnings("unchecked")
    static Attributions of(AbstractLinearSGDModel<?> model, Table processed, String target, String[] explainedClass,
                           List<String> classes) {
        ImmutableFeatureMap features = model.getFeatureIDMap();
        int f = features.size();
        List<String> names = new java.util.ArrayList<>(f);
        double[][] x = new double[f][];
        for (int j = 0; j < f; j++) {
            String name = features.get(j).getName();
            names.add(name);
            x[j] = ((NumericColumn<?>) processed.column(name)).asDoubleArray();
        }
        DenseMatrix w = model.getWeightsCopy();
        int rows = processed.rowCount();
        String[] explained = new String[rows];
        double[] output = new double[rows];
        double[] base = new double[rows];
        double[][] contributions = new double[rows][f];
        boolean probabilistic = model.generatesProbabilities();
        for (int i = 0; i < rows; i++) {
            int positive = 0;
            int negative = -1;
            if (explainedClass != null) {
                ImmutableOutputInfo<Label> info = (ImmutableOutputInfo<Label>) model.getOutputIDInfo();
                positive = info.getID(new Label(explainedClass[i]));
                if (classes.size() == 2) {
                    String other = classes.get(0).equals(explainedClass[i]) ? classes.get(1) : classes.get(0);
                    negative = info.getID(new Label(other));
                    explained[i] = (probabilistic ? "log-odds of " : "score margin of ") + target + "=" + explainedClass[i];
                } else {
                    explained[i] = "score of " + target + "=" + explainedClass[i] + (probabilistic ? " (before softmax)" : "");
                }
            } else {
                explained[i] = "predicted " + target;
            }
            double sum = weight(w, positive, negative, f);
            base[i] = sum;
            for (int j = 0; j < f; j++) {
                double c = weight(w, positive, negative, j) * x[j][i];
                contributions[i][j] = c;
                sum += c;
            }
            output[i] = sum;
        }
        return new Attributions(METHOD, true, names, explained, output, base, contributions);
    }

    private static double weight(DenseMatrix w, int positive, int negative, int column) {
        return negative < 0 ? w.get(positive, column) : w.get(positive, column) - w.get(negative, column);
    }
}
