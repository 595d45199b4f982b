package org.workbench.models;

import java.util.SplittableRandom;
import org.workbench.data.TableRows;

/**
 * Tribuo 4.3.2's linear SGD training ({@code AbstractSGDTrainer.train} with minibatch 1, AdaGrad and a
 * bias feature) over a table's rows in primitive loops, giving the same weights bit for bit.
 * <p>
 * Why by hand: Tribuo makes an example per row, then a vector per example, then on every step a
 * prediction vector, a gradient matrix, the optimiser's update and two lambdas. On 800,000 rows x 33
 * features, two classes, 5 epochs (4,000,000 steps), Tribuo's trainer took 12.1 to 13.0 s of CPU, about
 * 3.1 microseconds a step, after 4 to 7 s making the examples; this loop took 5.1 to 5.5 s, about 1.3
 * microseconds a step (most of it waiting for each shuffled row's cells: 2.4 s without the shuffle),
 * after 1 s making the {@code TableDataset}; the same weights (same busy 2-core machine, back to back).
 * Every floating point operation is Tribuo's, in Tribuo's order:
 * <ul>
 *   <li>a row's score for output {@code i} is {@code 0.0 + w[i][f] * x[f]} over its non-zero cells in
 *   ascending feature id, then {@code + w[i][bias] * 1.0} ({@code DenseMatrix.leftMultiply} on the
 *   row's {@code SparseVector}; the dense form of a row adds only zeros more, which change no sum);</li>
 *   <li>the objective's gradient as {@code LogMulticlass}, {@code Hinge} or {@code SquaredLoss} computes it;</li>
 *   <li>AdaGrad for each non-zero cell {@code u = x * g}: {@code G += u * u}, then
 *   {@code w += u * (rate / (epsilon + sqrt(G)))}; a zero cell changes neither {@code G} nor {@code w},
 *   and an output {@code Hinge} leaves out gets no update;</li>
 *   <li>rows visited in the order {@code shuffleInPlace} gives, epoch after epoch, from the same
 *   generator (the trainer's, split once per fit).</li>
 * </ul>
 * Example weights are all 1 (the workbench never weights rows), so Tribuo's {@code weight * weight * a * a}
 * and {@code weight * rate} are {@code a * a} and {@code rate} exactly.
 */
final class LinearSgd {
    /** AdaGrad's epsilon when built with a learning rate only, as the catalog builds it. */
    static final double EPSILON = 1e-6;
    /** Rows ahead whose cells are read together (see {@link #touch}). */
    private static final int AHEAD = 16;
    /** Doubles in a 64-byte cache line. */
    private static final int CELLS_PER_LINE = 8;
    /** Where {@link #touch}'s sums go, so that the loads stay; never read. */
    @SuppressWarnings("unused")
    private static volatile long sink;
    /** The most entries one Java array holds. */
    private static final long MAX_ENTRIES = Integer.MAX_VALUE - 16;

    /** Tribuo's objectives this loop computes. */
    enum Objective {
        /** {@code LogMulticlass}: softmax scores, gradient {@code onehot(truth) - p}. */
        LOG_MULTICLASS,
        /** {@code Hinge} with margin 1: the true output and the best other one move when they are too close. */
        HINGE,
        /** {@code SquaredLoss} (regression): gradient {@code truth - score}. */
        SQUARED
    }

    private LinearSgd() {
    }

    /**
     * The rows' non-zero cells, row after row (compressed sparse rows): {@code start[row]} to
     * {@code start[row + 1]} index {@code feature} and {@code value}. Null when they do not fit in one
     * array (Tribuo's own training then applies).
     */
    record SparseRows(int[] start, int[] feature, double[] value) {
        static SparseRows of(TableRows rows) {
            // column by column, both to count each row's non-zero cells and to place them: on 100,000 rows
            // with a 100-level one-hot column, reading row by row across the columns took most of the time
            int n = rows.size();
            int f = rows.features();
            double[] cells = new double[n];
            int[] start = new int[n + 1];
            long nonZero = 0;
            for (int j = 0; j < f; j++) {
                rows.copyColumn(j, cells);
                for (int row = 0; row < n; row++) {
                    if (cells[row] != 0) {
                        start[row + 1]++;
                        nonZero++;
                    }
                }
            }
            if (nonZero > MAX_ENTRIES) {
                return null;
            }
            for (int row = 0; row < n; row++) {
                start[row + 1] += start[row];
            }
            int[] feature = new int[(int) nonZero];
            double[] value = new double[(int) nonZero];
            // each row's cells in ascending feature order, as a row-by-row pass would place them
            int[] next = java.util.Arrays.copyOf(start, n);
            for (int j = 0; j < f; j++) {
                rows.copyColumn(j, cells);
                for (int row = 0; row < n; row++) {
                    double v = cells[row];
                    if (v != 0) {
                        int at = next[row]++;
                        feature[at] = j;
                        value[at] = v;
                    }
                }
            }
            return new SparseRows(start, feature, value);
        }
    }

    /**
     * Trains the weights: {@code outputs} rows of {@code features + 1} columns, the last the bias.
     *
     * @param classes   each row's output id (classification), or null
     * @param values    each row's target (regression, one output), or null
     * @param rng       the generator Tribuo's trainer would shuffle with (its own, split once for this fit)
     */
    static double[][] train(SparseRows rows, int features, int outputs, int[] classes, double[] values,
                            Objective objective, double learningRate, int epochs, boolean shuffle,
                            SplittableRandom rng) {
        int n = rows.start().length - 1;
        int bias = features;
        double[][] weights = new double[outputs][features + 1];
        double[][] squares = new double[outputs][features + 1];
        double[] score = new double[outputs];
        double[] gradient = new double[outputs];
        int[] order = new int[n];
        for (int row = 0; row < n; row++) {
            order[row] = row;
        }
        int[] start = rows.start();
        int[] feature = rows.feature();
        double[] value = rows.value();
        long touched = 0;
        for (int epoch = 0; epoch < epochs; epoch++) {
            if (shuffle) {
                // AbstractSGDTrainer.shuffleInPlace: the same draws, applied to the row order
                for (int i = n; i > 1; i--) {
                    int j = rng.nextInt(i);
                    int swap = order[i - 1];
                    order[i - 1] = order[j];
                    order[j] = swap;
                }
            }
            for (int step = 0; step < n; step++) {
                if (shuffle && step % AHEAD == 0) {
                    touched += touch(order, step + AHEAD, Math.min(n, step + 2 * AHEAD), start, feature, value);
                }
                int row = order[step];
                int from = start[row];
                int to = start[row + 1];
                for (int i = 0; i < outputs; i++) {
                    double[] w = weights[i];
                    double s = 0.0;
                    for (int p = from; p < to; p++) {
                        s += w[feature[p]] * value[p];
                    }
                    s += w[bias] * 1.0;
                    score[i] = s;
                }
                switch (objective) {
                    case LOG_MULTICLASS -> {
                        softmax(score);
                        for (int i = 0; i < outputs; i++) {
                            gradient[i] = score[i] * -1.0;
                        }
                        gradient[classes[row]] += 1.0;
                        for (int i = 0; i < outputs; i++) {
                            update(weights[i], squares[i], gradient[i], feature, value, from, to, bias, learningRate);
                        }
                    }
                    case HINGE -> {
                        int truth = classes[row];
                        score[truth] += -1.0;
                        int best = indexOfMax(score);
                        if (best != truth) {
                            update(weights[truth], squares[truth], 1.0, feature, value, from, to, bias, learningRate);
                            update(weights[best], squares[best], -1.0, feature, value, from, to, bias, learningRate);
                        }
                    }
                    case SQUARED -> {
                        double g = values[row] - score[0];
                        update(weights[0], squares[0], g, feature, value, from, to, bias, learningRate);
                    }
                    default -> throw new IllegalStateException("unknown objective " + objective);
                }
            }
        }
        // the JIT drops loads whose values nobody reads: the sum read by no one else keeps them
        sink = touched;
        return weights;
    }

    /**
     * Reads one value from each cache line of rows {@code order[from]} to {@code order[to - 1]} and returns their
     * sum, which is meaningless. Why: in shuffled order every row's cells are cache misses, and a miss met in
     * the middle of a row's arithmetic stalls it; {@code AHEAD} rows' misses met together overlap. On 800,000
     * rows x 24 non-zero cells, two classes, 5 epochs, a scratch benchmark of this loop took 2.9-3.3 s with the
     * touch against 3.8-4.6 s without (and 1.3-1.6 s in row order, no shuffle), interleaved on one 2-core machine.
     */
    private static long touch(int[] order, int from, int to, int[] start, int[] feature, double[] value) {
        long sum = 0;
        for (int k = from; k < to; k++) {
            int row = order[k];
            int last = start[row + 1] - 1;
            for (int p = start[row]; p <= last; p += CELLS_PER_LINE) {
                sum += feature[p] + (long) value[p];
            }
            if (last >= start[row]) {
                sum += feature[last] + (long) value[last];
            }
        }
        return sum;
    }

    /** One output's AdaGrad step for gradient {@code g} times the row's cells (the bias's cell is 1). */
    private static void update(double[] w, double[] squares, double g, int[] feature, double[] value, int from, int to,
                               int bias, double learningRate) {
        for (int p = from; p < to; p++) {
            int j = feature[p];
            double u = value[p] * g;
            squares[j] += u * u;
            w[j] += u * (learningRate / (EPSILON + Math.sqrt(squares[j])));
        }
        double u = 1.0 * g;
        squares[bias] += u * u;
        w[bias] += u * (learningRate / (EPSILON + Math.sqrt(squares[bias])));
    }

    /** Tribuo's {@code ExpNormalizer.normalizeInPlace}. */
    private static void softmax(double[] scores) {
        double max = -Double.MAX_VALUE;
        for (double s : scores) {
            if (max < s) {
                max = s;
            }
        }
        double sum = 0.0;
        for (int i = 0; i < scores.length; i++) {
            scores[i] = Math.exp(scores[i] - max);
            sum += scores[i];
        }
        for (int i = 0; i < scores.length; i++) {
            scores[i] /= sum;
        }
    }

    /** Tribuo's {@code DenseVector.indexOfMax}: the first largest. */
    private static int indexOfMax(double[] scores) {
        int index = 0;
        double best = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] > best) {
                index = i;
                best = scores[i];
            }
        }
        return index;
    }
}
