package org.workbench.evaluation;

import java.util.List;
import org.workbench.config.ConfigException;
import org.workbench.data.Frame;
import org.workbench.data.Predictions;
import org.workbench.data.Split;
import org.workbench.data.Splits;
import org.workbench.definition.Problem;
import org.workbench.training.Candidate;

/** Chooses a decision threshold for the positive class, and relabels binary predictions with one. */
public final class Thresholds {
    public static final String OUT_OF_FOLD = "out-of-fold training predictions";
    public static final String IN_SAMPLE = "training rows (in-sample: no cross-validation)";

    private Thresholds() {
    }

    /** Positive when p(positive) >= threshold, else the other class; probabilities are kept. */
    public static Predictions apply(Predictions p, String positive, double threshold) {
        int pos = p.classes().indexOf(positive);
        if (pos < 0 || p.classes().size() != 2 || !p.hasProbabilities()) {
            throw new IllegalArgumentException("a threshold on '" + positive + "' needs probabilities of two classes, got "
                    + p.classes());
        }
        String negative = p.classes().get(1 - pos);
        String[] labels = new String[p.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = p.probabilities()[i][pos] >= threshold ? positive : negative;
        }
        return Predictions.classification(labels, p.probabilities(), p.classes());
    }

    /**
     * The threshold {@code rule} ("f1" or "youden") picks on the given rows, or null when the rule is
     * "default" (the most probable class) or the rows hold a single class.
     */
    static DecisionThreshold choose(String rule, Problem problem, boolean[] truth, double[] scores, String chosenOn) {
        if (rule.equals("default")) {
            return null;
        }
        double value = Curves.bestThreshold(truth, scores, rule.equals("f1") ? Curves.Rule.F1 : Curves.Rule.YOUDEN);
        return Double.isNaN(value) ? null : new DecisionThreshold(value, problem.positiveClass(), rule, chosenOn);
    }

    /** The threshold the config gives as a number, or null when it names a rule. */
    static DecisionThreshold fixed(String rule, Problem problem) {
        Double value = DecisionThreshold.fixedValue(rule);
        return value == null ? null : new DecisionThreshold(value, problem.positiveClass(), DecisionThreshold.FIXED,
                "evaluate.threshold");
    }

    /** Refuses a threshold rule where it cannot apply: it needs two classes and a model that gives probabilities. */
    static void check(String rule, Problem problem, Predictions predictions) {
        if (!rule.equals("default") && (!problem.isBinary() || !predictions.hasProbabilities())) {
            throw new ConfigException("evaluate.threshold", "'" + rule + "' needs a two-class problem and a"
                    + " model that gives probabilities; '" + problem.model() + "' on " + problem.classes().size() + " classes does not");
        }
    }

    /**
     * The threshold for a setting tuning adopted, chosen the way the evaluation chose the configured
     * setting's: on out-of-fold predictions of the same folds, refitting the adopted candidate in each,
     * or on its own training rows when cross-validation is off ({@code trainPredictions}: the adopted
     * model's predictions on the raw training rows, asked for only then). Null for the "default" rule.
     */
    public static DecisionThreshold forAdopted(EvaluateConfig cfg, boolean splitStratify, long seed, Problem problem,
                                               Candidate candidate, java.util.function.Supplier<Predictions> trainPredictions,
                                               Frame rawTrain, Predictions testPredictions) {
        if (cfg.threshold().equals("default")) {
            return null;
        }
        check(cfg.threshold(), problem, testPredictions);
        if (fixed(cfg.threshold(), problem) != null) {
            return fixed(cfg.threshold(), problem);
        }
        boolean[] truth = isPositive(rawTrain.target().labels(), problem.positiveClass());
        if (cfg.cvFolds() >= 2) {
            List<Split> folds = Splits.repeatedKFold(rawTrain.target(), cfg.cvFolds(), cfg.cvRepeats(),
                    cfg.stratify(splitStratify), seed);
            double[] outOfFold = CrossValidation.run(candidate, rawTrain, problem, folds, List.of(problem.metric())).outOfFold();
            if (outOfFold != null) {
                return choose(cfg.threshold(), problem, truth, outOfFold, OUT_OF_FOLD);
            }
        }
        return choose(cfg.threshold(), problem, truth, column(trainPredictions.get(), problem.positiveClass()),
                IN_SAMPLE);
    }

    static boolean[] isPositive(String[] truth, String positive) {
        boolean[] out = new boolean[truth.length];
        for (int i = 0; i < truth.length; i++) {
            out[i] = positive.equals(truth[i]);
        }
        return out;
    }

    static double[] column(Predictions p, String positive) {
        int pos = p.classes().indexOf(positive);
        double[] out = new double[p.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = p.probabilities()[i][pos];
        }
        return out;
    }
}
