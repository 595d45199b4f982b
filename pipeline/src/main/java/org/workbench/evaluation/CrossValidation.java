package org.workbench.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.workbench.data.Frame;
import org.workbench.data.Split;
import org.workbench.data.Splits;
import org.workbench.definition.Problem;
import org.workbench.training.Candidate;

/**
 * k-fold cross-validation on raw training rows. The whole candidate (recipe and model) is fitted
 * inside each fold, so imputation values, scalers and encoders never see the fold they are scored on.
 */
public final class CrossValidation {
    private CrossValidation() {
    }

    /** Headline metrics of each fold, in fold order. */
    public static List<Map<String, Double>> run(Candidate candidate, Frame rawTrain, Problem problem, int k,
                                                 boolean stratify, long seed, List<String> metrics) {
        List<Map<String, Double>> perFold = new ArrayList<>();
        for (Split fold : Splits.kFold(rawTrain.target(), k, stratify, seed)) {
            Frame train = rawTrain.subset(fold.train());
            Frame validation = rawTrain.subset(fold.test());
            Candidate.Fitted fitted = candidate.fit(train);
            perFold.add(Scoring.headline(problem, validation.target(), fitted.predict(validation.features()), metrics));
        }
        return perFold;
    }
}
