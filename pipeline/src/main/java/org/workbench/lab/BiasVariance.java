package org.workbench.lab;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.workbench.config.PipelineConfig;
import org.workbench.data.Frame;
import org.workbench.data.Split;
import org.workbench.data.Splits;
import org.workbench.data.Target;
import org.workbench.definition.Problem;
import org.workbench.training.Candidate;
import org.workbench.core.Workers;
import tech.tablesaw.api.Table;

/**
 * Bias and variance of a regression model by bootstrap re-training. A share of the training split
 * is held out; the model is refitted on {@code rounds} bootstrap samples (drawn with replacement) of
 * the rest and predicts the held-out rows each time. Per held-out row, with m its mean prediction:
 * bias^2 = (m - truth)^2 and variance = the spread of the predictions around m. Averaged over rows,
 * bias^2 + variance = the mean squared error over all rounds. Bias^2 here also holds the noise no
 * model can remove.
 */
public final class BiasVariance {
    private BiasVariance() {
    }

    /** Bias^2, variance and their sum (mean squared error) for one value of the swept path. */
    public record Point(JsonNode value, double bias2, double variance, double error) {
    }

    public static List<Point> run(PipelineConfig config, Problem problem, Frame rawTrain, String path, List<JsonNode> values,
                                  int rounds, double holdout, Workers workers) {
        Split split = Splits.holdout(rawTrain.target(), holdout, false, config.seed());
        Frame fit = rawTrain.subset(split.train());
        Frame check = rawTrain.subset(split.test());
        List<Supplier<double[]>> jobs = new ArrayList<>();
        for (JsonNode value : values) {
            Candidate candidate = Candidate.from(path == null ? config : config.with(Map.of(path, value)), problem.task());
            for (int r = 0; r < rounds; r++) {
                int[] sample = bootstrap(fit.rows(), config.seed() + r);
                jobs.add(() -> candidate.fit(withRepeats(fit, sample)).predict(check.features()).values());
            }
        }
        List<double[]> predictions = workers.run(jobs);
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            points.add(decompose(values.get(i), predictions.subList(i * rounds, (i + 1) * rounds), check.target().values()));
        }
        return points;
    }

    /** bias^2, variance and mean squared error of predictions[round][row] against the truth. */
    static Point decompose(JsonNode value, List<double[]> predictions, double[] truth) {
        int rows = truth.length;
        int rounds = predictions.size();
        double bias2 = 0;
        double variance = 0;
        for (int j = 0; j < rows; j++) {
            double mean = 0;
            for (double[] p : predictions) {
                mean += p[j];
            }
            mean /= rounds;
            double spread = 0;
            for (double[] p : predictions) {
                spread += (p[j] - mean) * (p[j] - mean);
            }
            bias2 += (mean - truth[j]) * (mean - truth[j]);
            variance += spread / rounds;
        }
        return new Point(value, bias2 / rows, variance / rows, (bias2 + variance) / rows);
    }

    /** {@code n} row numbers drawn with replacement, sorted. */
    static int[] bootstrap(int n, long seed) {
        Random random = new Random(seed);
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = random.nextInt(n);
        }
        Arrays.sort(rows);
        return rows;
    }

    /** The given rows, repeats kept (Tablesaw's {@code rows(...)} would drop them), in the order given. */
    static Frame withRepeats(Frame frame, int[] rows) {
        Table out = frame.features().emptyCopy();
        for (int row : rows) {
            out.addRow(row, frame.features());
        }
        Target target = frame.target().subset(rows);
        return new Frame(out, target);
    }
}
