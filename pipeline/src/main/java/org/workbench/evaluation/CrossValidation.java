package org.workbench.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.workbench.core.StageProgress;
import org.workbench.data.Frame;
import org.workbench.data.Predictions;
import org.workbench.data.Split;
import org.workbench.data.Splits;
import org.workbench.definition.Problem;
import org.workbench.training.Candidate;

/**
 * Cross-validation on raw training rows. The whole candidate (recipe and model) is fitted inside
 * each fold, so imputation values, scalers and encoders never see the fold they are scored on.
 */
public final class CrossValidation {
    private CrossValidation() {
    }

    /** One fold: its headline metrics, the time the fit took and the sizes of its two parts. */
    public record Fold(Map<String, Double> scores, long fitMillis, int trainRows, int testRows) {
    }

    /**
     * Every fold, and for binary problems with probabilities the positive-class probability each
     * training row got while held out (averaged over repetitions; null otherwise).
     */
    public record Result(List<Fold> folds, double[] outOfFold) {
        public List<Map<String, Double>> scores() {
            return folds.stream().map(Fold::scores).toList();
        }

        /** The metric's value in every fold that defines it, in fold order. */
        public double[] values(String metric) {
            return folds.stream().map(f -> f.scores().get(metric)).filter(v -> v != null).mapToDouble(Double::doubleValue).toArray();
        }

        public double meanTrainRows() {
            return folds.stream().mapToInt(Fold::trainRows).average().orElse(0);
        }

        public double meanTestRows() {
            return folds.stream().mapToInt(Fold::testRows).average().orElse(0);
        }

        public long fitMillis() {
            return folds.stream().mapToLong(Fold::fitMillis).sum();
        }
    }

    /** Headline metrics of each of k folds, in fold order. */
    public static List<Map<String, Double>> run(Candidate candidate, Frame rawTrain, Problem problem, int k,
                                                 boolean stratify, long seed, List<String> metrics) {
        return run(candidate, rawTrain, problem, Splits.kFold(rawTrain.target(), k, stratify, seed), metrics).scores();
    }

    /** Fits and scores the candidate on each of the given folds of the raw training rows. */
    public static Result run(Candidate candidate, Frame rawTrain, Problem problem, List<Split> folds, List<String> metrics) {
        return run(candidate, rawTrain, problem, folds, metrics, StageProgress.SILENT);
    }

    /** As above, reporting each finished fold to {@code progress}. */
    public static Result run(Candidate candidate, Frame rawTrain, Problem problem, List<Split> folds, List<String> metrics,
                             StageProgress progress) {
        return run(candidate, rawTrain, problem, folds, metrics, progress, (fold, split, predicted) -> { });
    }

    /** Hears each fold's predictions of its held-out rows as they are made (the fairness audit reads them). */
    public interface FoldListener {
        void scored(int fold, Split split, Predictions predicted);
    }

    /** As above, handing each fold's predictions to {@code listener}. */
    public static Result run(Candidate candidate, Frame rawTrain, Problem problem, List<Split> folds, List<String> metrics,
                             StageProgress progress, FoldListener listener) {
        progress.begin("folds", folds.size());
        List<Fold> out = new ArrayList<>();
        boolean binary = problem.isBinary();
        double[] sum = binary ? new double[rawTrain.rows()] : null;
        int[] count = binary ? new int[rawTrain.rows()] : null;
        for (Split fold : folds) {
            Frame train = rawTrain.subset(fold.train());
            Frame validation = rawTrain.subset(fold.test());
            long start = System.nanoTime();
            Candidate.Fitted fitted = candidate.fit(train);
            long millis = (System.nanoTime() - start) / 1_000_000;
            Predictions predicted = fitted.predict(validation.features());
            out.add(new Fold(Scoring.headline(problem, validation.target(), predicted, metrics), millis,
                    fold.train().length, fold.test().length));
            listener.scored(out.size() - 1, fold, predicted);
            if (binary && predicted.hasProbabilities()) {
                int positive = predicted.classes().indexOf(problem.positiveClass());
                for (int i = 0; i < fold.test().length; i++) {
                    sum[fold.test()[i]] += positive < 0 ? 0 : predicted.probabilities()[i][positive];
                    count[fold.test()[i]]++;
                }
            } else {
                binary = false;
            }
            progress.advance(1);
        }
        double[] outOfFold = null;
        if (binary) {
            outOfFold = new double[sum.length];
            for (int i = 0; i < sum.length; i++) {
                outOfFold[i] = count[i] == 0 ? Double.NaN : sum[i] / count[i];
            }
        }
        return new Result(List.copyOf(out), outOfFold);
    }
}
