package org.workbench.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.workbench.config.PipelineConfig;
import org.workbench.data.Frame;
import org.workbench.data.Split;
import org.workbench.definition.Problem;
import org.workbench.recipe.ApplyLog;
import org.workbench.recipe.FittedRecipe;
import org.workbench.training.Candidate;
import org.workbench.training.TrainedModel;
import org.workbench.evaluation.FoldScore;
import org.workbench.core.Workers;
import tech.tablesaw.api.Table;

/**
 * The leak of preprocessing before the split: cross-validation where the recipe (imputation values,
 * scaling, encoding, selection) is fitted once on all training rows, so each validation fold has
 * helped shape its own preprocessing, against the honest version that refits the recipe inside
 * every fold. Same folds, same model; the difference is what the leak adds.
 */
public final class Leakage {
    private Leakage() {
    }

    /** Fold scores of the leaky and the honest procedure. */
    public record Result(double[] leaky, double[] honest) {
        public double leakyMean() {
            return Curves.meanStd(leaky)[0];
        }

        public double honestMean() {
            return Curves.meanStd(honest)[0];
        }
    }

    public static Result run(PipelineConfig config, Problem problem, Frame rawTrain, int k, Workers workers) {
        List<Split> folds = Curves.folds(config, rawTrain, k);
        Candidate candidate = Candidate.from(config, problem.task());
        FittedRecipe onAllRows = candidate.recipe().fit(rawTrain).recipe();
        Table processed = onAllRows.apply(rawTrain.features(), new ApplyLog());
        Frame all = rawTrain.withFeatures(processed);
        List<Supplier<double[]>> jobs = new ArrayList<>();
        for (Split fold : folds) {
            jobs.add(() -> {
                Frame train = all.subset(fold.train());
                Frame validation = all.subset(fold.test());
                TrainedModel model = TrainedModel.train(candidate.spec(), candidate.params(), candidate.seed(),
                        train.features(), train.target());
                double leaky = FoldScore.metricOf(problem, validation, model.predict(validation.features()));
                double honest = FoldScore.of(candidate, rawTrain, fold, problem, false).validation();
                return new double[] {leaky, honest};
            });
        }
        List<double[]> pairs = workers.run(jobs);
        return new Result(pairs.stream().mapToDouble(p -> p[0]).toArray(), pairs.stream().mapToDouble(p -> p[1]).toArray());
    }
}
