package org.workbench.models;

import com.google.protobuf.InvalidProtocolBufferException;
import java.util.List;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.protos.ClassificationLinearSGDProto;
import org.tribuo.common.sgd.AbstractLinearSGDModel;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.util.VectorNormalizer;
import org.workbench.data.Predictions;
import org.workbench.data.TableRows;

/**
 * Predictions of a Tribuo linear SGD model (classification or regression) straight from a table's
 * columns, as its {@code predict} gives them, without a Tribuo example, vector or prediction per row.
 * A row's score for output {@code i} is {@code 0.0 + w[i][f] * x[f]} over its non-zero cells in
 * ascending feature id, then {@code + w[i][bias] * 1.0}: the order of {@code DenseMatrix.leftMultiply}
 * on the row's vector (its zero cells, which a dense vector would add, change no sum). A classifier's
 * scores then go through the model's own normaliser (read from its protobuf form: softmax for
 * logistic regression, none for the linear SVM); the first largest score wins, as in
 * {@code LinearSGDModel.predict}.
 */
public final class LinearScores {
    private final double[][] weights;
    private final VectorNormalizer normalizer;
    private final boolean probabilities;
    private final String[] labels;

    private LinearScores(double[][] weights, VectorNormalizer normalizer, boolean probabilities, String[] labels) {
        this.weights = weights;
        this.normalizer = normalizer;
        this.probabilities = probabilities;
        this.labels = labels;
    }

    /**
     * The scorer of {@code model}, or null when it is not a Tribuo linear SGD model this reads (Tribuo's
     * own prediction then applies).
     */
    public static LinearScores of(Model<?> model) {
        if (model instanceof org.tribuo.classification.sgd.linear.LinearSGDModel classifier) {
            VectorNormalizer normalizer;
            try {
                normalizer = VectorNormalizer.deserialize(classifier.serialize().getSerializedData()
                        .unpack(ClassificationLinearSGDProto.class).getNormalizer());
            } catch (InvalidProtocolBufferException | RuntimeException e) {
                return null;
            }
            ImmutableOutputInfo<Label> info = classifier.getOutputIDInfo();
            String[] labels = new String[info.size()];
            for (int id = 0; id < labels.length; id++) {
                labels[id] = info.getOutput(id).getLabel();
            }
            return new LinearScores(weights(classifier), normalizer, classifier.generatesProbabilities(), labels);
        }
        if (model instanceof org.tribuo.regression.sgd.linear.LinearSGDModel regressor
                && regressor.getOutputIDInfo().size() == 1) {
            return new LinearScores(weights(regressor), null, false, null);
        }
        return null;
    }

    /** The model's weights, one row per output, the bias last. */
    static double[][] weights(AbstractLinearSGDModel<?> model) {
        DenseMatrix matrix = model.getWeightsCopy();
        double[][] out = new double[matrix.getDimension1Size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = matrix.getRow(i).toArray();
        }
        return out;
    }

    /**
     * Class predictions, probabilities (when the model gives them) in {@code classes} order; {@code rows}
     * hold the model's features in id order. Null for a row no class wins (a score that is not a
     * number), where Tribuo's own prediction applies.
     */
    public Predictions classify(TableRows rows, List<String> classes) {
        if (labels == null) {
            throw new IllegalStateException("a regression model has no classes");
        }
        checkFeatures(rows);
        int k = labels.length;
        int[] column = new int[k];
        for (int id = 0; id < k; id++) {
            column[id] = classes.indexOf(labels[id]);
            if (column[id] < 0) {
                return null;
            }
        }
        String[] predicted = new String[rows.size()];
        double[][] out = probabilities ? new double[rows.size()][] : null;
        double[][] all = scores(rows);
        double[] scores = new double[k];
        for (int row = 0; row < predicted.length; row++) {
            for (int i = 0; i < k; i++) {
                scores[i] = all[i][row];
            }
            normalizer.normalizeInPlace(scores);
            int best = -1;
            double max = Double.NEGATIVE_INFINITY;
            for (int id = 0; id < k; id++) {
                if (scores[id] > max) {
                    max = scores[id];
                    best = id;
                }
            }
            if (best < 0) {
                return null;
            }
            predicted[row] = labels[best];
            if (out != null) {
                double[] byClass = new double[classes.size()];
                for (int id = 0; id < k; id++) {
                    byClass[column[id]] = scores[id];
                }
                out[row] = byClass;
            }
        }
        return Predictions.classification(predicted, out, classes);
    }

    /** The predicted value of every row; {@code rows} hold the model's features in id order. */
    public Predictions regress(TableRows rows) {
        if (labels != null) {
            throw new IllegalStateException("a classifier predicts classes, not values");
        }
        checkFeatures(rows);
        return Predictions.regression(scores(rows)[0]);
    }

    private void checkFeatures(TableRows rows) {
        if (rows.features() + 1 != weights[0].length) {
            throw new IllegalArgumentException(rows.features() + " columns for a model of " + (weights[0].length - 1)
                    + " features");
        }
    }

    /**
     * Every row's score per output ({@code [output][row]}), column by column: each sum still takes the
     * row's cells in ascending feature id, then the bias, so the bits are those of a row-by-row pass,
     * which took several times as long on 100-level one-hot columns (a row's cells are as many arrays).
     */
    private double[][] scores(TableRows rows) {
        int n = rows.size();
        int features = rows.features();
        double[][] scores = new double[weights.length][n];
        double[] cells = new double[n];
        for (int j = 0; j < features; j++) {
            rows.copyColumn(j, cells);
            for (int row = 0; row < n; row++) {
                double x = cells[row];
                if (x != 0) {
                    for (int i = 0; i < scores.length; i++) {
                        scores[i][row] += weights[i][j] * x;
                    }
                }
            }
        }
        for (int i = 0; i < scores.length; i++) {
            double bias = weights[i][features] * 1.0;
            for (int row = 0; row < n; row++) {
                scores[i][row] += bias;
            }
        }
        return scores;
    }
}
