package org.workbench.features;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.linear.RealMatrix;
import org.workbench.core.InputException;
import org.workbench.data.Target;
import org.workbench.recipe.ApplyLog;
import org.workbench.recipe.FittedStep;
import org.workbench.recipe.Numbers;
import org.workbench.recipe.Step;
import tech.tablesaw.api.Table;

/**
 * Linear discriminant analysis as a projection, as scikit-learn's
 * {@code LinearDiscriminantAnalysis.transform}: the numeric columns (or those named in {@code columns})
 * are replaced by the directions that best separate the training classes, ld1..ldk, at most
 * classes - 1 of them; text columns pass through. The directions solve Sb v = lambda Sw v, with Sw the
 * class-weighted within-class covariance and Sb the between-class covariance of the training rows
 * (commons-math eigen decompositions: Sw is whitened, then Sb's eigenvectors taken), scaled so each
 * component has within-class variance 1, and applied to rows centred on the training mean. When Sw is
 * singular (a constant or duplicated column) a ridge of 1e-6 of its mean variance is added to its
 * diagonal, and the summary says so. Supervised and classification only: it learns from the training
 * target, never from the rows it is applied to; cross-validation refits it inside every fold.
 */
public record Lda(int components, List<String> columns) implements Step {
    static final String KEY = "features.lda";
    /** The share of Sw's mean variance added to its diagonal when it is singular. */
    static final double RIDGE = 1e-6;

    public Lda {
        columns = List.copyOf(columns);
        if (components < 0) {
            throw new IllegalArgumentException("components must be >= 0 (0 = classes - 1): " + components);
        }
    }

    @Override
    public String name() {
        return "lda";
    }

    @Override
    public Fitted fit(Table features, Target target) {
        if (!target.isCategorical()) {
            throw new InputException(KEY + ": needs a classification target, and '" + target.name() + "' is not one;"
                    + " use features.pca, which needs no target");
        }
        TreeMap<String, Integer> counts = target.counts();
        if (counts.size() < 2) {
            throw new InputException(KEY + ": needs at least 2 classes in the training rows, found " + counts.size()
                    + (counts.isEmpty() ? "" : " (" + counts.firstKey() + ")"));
        }
        List<String> chosen = Projection.columns(features, columns, KEY + ".columns");
        int p = chosen.size();
        int most = Math.min(counts.size() - 1, p);
        if (components > most && p > 0) {
            throw new InputException(KEY + ".components: " + components + " asked for, but at most " + most
                    + " (classes - 1 = " + (counts.size() - 1) + ", numeric columns = " + p + ")");
        }
        int k = components == 0 ? most : components;
        if (p == 0) {
            return new Fitted(List.of(), List.of(), List.of(), List.of(), 0, List.copyOf(counts.keySet()), features.rowCount());
        }
        int rows = features.rowCount();
        double[][] x = Projection.values(features, chosen, name());
        double[] mean = Projection.means(x);
        double[][] centred = Projection.centred(x, mean);
        // class means of the centred rows, and the rows centred on their class mean
        Map<String, double[]> classMeans = new TreeMap<>();
        String[] labels = target.labels();
        for (int i = 0; i < rows; i++) {
            double[] m = classMeans.computeIfAbsent(labels[i], l -> new double[p]);
            for (int c = 0; c < p; c++) {
                m[c] += centred[i][c];
            }
        }
        classMeans.forEach((label, m) -> {
            for (int c = 0; c < p; c++) {
                m[c] /= counts.get(label);
            }
        });
        double[][] within = new double[rows][p];
        for (int i = 0; i < rows; i++) {
            double[] m = classMeans.get(labels[i]);
            for (int c = 0; c < p; c++) {
                within[i][c] = centred[i][c] - m[c];
            }
        }
        // Sw = sum of priors x class covariances = (within-class scatter) / n; Sb = sum of priors x mean outer products
        double[][] sw = Projection.scatter(within, p, rows);
        double[][] weightedMeans = new double[classMeans.size()][];
        int g = 0;
        for (Map.Entry<String, double[]> e : classMeans.entrySet()) {
            double w = Math.sqrt((double) counts.get(e.getKey()) / rows);
            weightedMeans[g++] = java.util.Arrays.stream(e.getValue()).map(v -> v * w).toArray();
        }
        double[][] sb = Projection.scatter(weightedMeans, p, 1);
        Projection.Eigen swEigen = Projection.eigen(sw);
        double trace = 0;
        for (double v : swEigen.values()) {
            trace += v;
        }
        double smallest = swEigen.values()[p - 1];
        double largest = swEigen.values()[0];
        double ridge = smallest > 1e-10 * largest && largest > 0 ? 0 : RIDGE * (trace > 0 ? trace / p : 1);
        // W = V (D + ridge)^(-1/2): W^T Sw W = I
        double[][] whitening = new double[p][p];
        for (int j = 0; j < p; j++) {
            double scale = 1 / Math.sqrt(swEigen.values()[j] + ridge);
            for (int c = 0; c < p; c++) {
                whitening[c][j] = swEigen.vectors()[j][c] * scale;
            }
        }
        RealMatrix w = Projection.matrix(whitening);
        double[][] m = w.transpose().multiply(Projection.matrix(sb)).multiply(w).getData();
        for (int a = 0; a < p; a++) {
            for (int b = a + 1; b < p; b++) {
                m[a][b] = m[b][a] = (m[a][b] + m[b][a]) / 2;
            }
        }
        Projection.Eigen between = Projection.eigen(m);
        double total = 0;
        for (int j = 0; j < most; j++) {
            total += between.values()[j];
        }
        List<List<Double>> scalings = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        for (int j = 0; j < most; j++) {
            if (j < k) {
                double[] direction = w.operate(between.vectors()[j]);
                scalings.add(Projection.list(Projection.oriented(direction)));
            }
            ratios.add(total > 0 ? between.values()[j] / total : 0);
        }
        Fitted fitted = new Fitted(chosen, Projection.list(mean), scalings, ratios, ridge, List.copyOf(counts.keySet()), rows);
        Projection.checkNames(features, chosen, fitted.outputs(), KEY);
        return fitted;
    }

    /**
     * The fitted projection: the columns it consumes, their training means, one direction per kept
     * discriminant (weights in column order), the share of the between-class variance of each
     * possible discriminant (classes - 1 of them, kept or not), the ridge added to Sw (0 when none was
     * needed), and the training classes.
     */
    @JsonTypeName("lda")
    public record Fitted(List<String> columns, List<Double> means, List<List<Double>> scalings, List<Double> varianceRatios,
                         double ridge, List<String> classes, int trainingRows) implements FittedStep {
        public Fitted {
            columns = List.copyOf(columns);
            means = List.copyOf(means);
            scalings = scalings.stream().map(List::copyOf).toList();
            varianceRatios = List.copyOf(varianceRatios);
            classes = List.copyOf(classes);
        }

        @Override
        public boolean changesNothing() {
            return columns.isEmpty();
        }

        /** ld1..ldk. */
        @JsonIgnore
        public List<String> outputs() {
            return Projection.names("ld", scalings.size());
        }

        /** Each component is computed from every projected column. */
        @Override
        public List<String> sources(String output, List<String> inputs) {
            return outputs().contains(output) ? columns : FittedStep.super.sources(output, inputs);
        }

        @Override
        public Table apply(Table features, ApplyLog log) {
            return Projection.apply(features, columns, means, scalings, outputs(), name(), log);
        }

        /** E.g. "13 columns -> 2 discriminants (ld1, ld2) of 3 classes; between-class variance shares 0.7, 0.3; fitted on 142 training rows". */
        @Override
        public String summary() {
            if (columns.isEmpty()) {
                return "no numeric columns to project";
            }
            return columns.size() + " columns (" + Projection.shortList(columns, 5) + ") -> " + scalings.size()
                    + (scalings.size() == 1 ? " discriminant (" : " discriminants (") + String.join(", ", outputs()) + ") of " + classes.size() + " classes;"
                    + " between-class variance shares " + String.join(", ", varianceRatios.stream().map(Numbers::format).toList())
                    + (ridge > 0 ? "; within-class covariance singular, ridge " + Numbers.format(ridge) + " added to its diagonal" : "")
                    + "; fitted on " + trainingRows + " training rows";
        }
    }
}
