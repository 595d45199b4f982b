package org.workbench.evaluation;

import java.util.List;
import org.workbench.data.Frame;
import org.workbench.data.Predictions;
import org.workbench.data.Split;
import org.workbench.definition.Problem;
import org.workbench.training.Candidate;

/**
 * The primary metric of one candidate on one fold: fitted (recipe and model) on the fold's training
 * rows only, scored on its held-out rows and, when asked, on the rows it was fitted on.
 * A metric that is undefined on a fold (e.g. ROC-AUC with one class) is NaN.
 */
public record FoldScore(double validation, double train, long millis) {

    public static FoldScore of(Candidate candidate, Frame rows, Split fold, Problem problem, boolean alsoTrain) {
        long start = System.nanoTime();
        Frame train = rows.subset(fold.train());
        Frame validation = rows.subset(fold.test());
        Candidate.Fitted fitted = candidate.fit(train);
        double v = metric(problem, validation, fitted);
        double t = alsoTrain ? metric(problem, train, fitted) : Double.NaN;
        return new FoldScore(v, t, (System.nanoTime() - start) / 1_000_000);
    }

    static double metric(Problem problem, Frame rows, Candidate.Fitted fitted) {
        return metricOf(problem, rows, fitted.predict(rows.features()));
    }

    /** The primary metric of predictions for the given rows; NaN when undefined there. */
    public static double metricOf(Problem problem, Frame rows, Predictions predicted) {
        Double v = Scoring.headline(problem, rows.target(), predicted, List.of(problem.metric())).get(problem.metric());
        return v == null ? Double.NaN : v;
    }
}
