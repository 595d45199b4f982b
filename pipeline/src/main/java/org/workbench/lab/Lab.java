package org.workbench.lab;

import java.util.ArrayList;
import org.workbench.evaluation.EvaluateConfig;
import java.util.List;
import java.util.Locale;
import org.workbench.config.PipelineConfig;
import org.workbench.core.Progress;
import org.workbench.data.Frame;
import org.workbench.data.Task;
import org.workbench.definition.Problem;
import org.workbench.stats.CorrectedTTest;
import org.workbench.core.Workers;

/**
 * The overfitting lab, run on the training split: the validation curve of one config path, the
 * learning curve, the bias-variance split by bootstrap (regression), and the leakage comparison,
 * each with its diagnosis. Results go into {@code run.json} under the tuning stage's {@code lab}.
 */
public final class Lab {
    private Lab() {
    }

    /** What the lab measured ({@code run.json}), its detail lines, and a one-line summary. */
    public record Result(LabRecord data, List<String> details, String summary) {
    }

    public static Result run(PipelineConfig config, LabConfig lab, Problem problem, Frame rawTrain, Workers workers,
                             Progress progress) {
        int k = lab.cvFolds();
        String metric = problem.metric();
        double baseline = Curves.baseline(config, problem, rawTrain, k, workers);
        double overfitGap = config.section(EvaluateConfig.class).overfitGap();
        Diagnosis diagnosis = new Diagnosis(metric, baseline, overfitGap, lab.underfitShare(), lab.stillRising());
        List<String> details = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        List<String> summary = new ArrayList<>();
        LabRecord.Thresholds thresholds = new LabRecord.Thresholds(overfitGap, lab.underfitShare(), diagnosis.gapLimit(),
                diagnosis.underfitLevel());
        LabRecord.Curve validationCurve = null;
        LabRecord.Curve learningCurve = null;
        LabRecord.BiasVarianceRecord biasVariance = null;
        LabRecord.LeakageRecord leakage = null;
        details.add(String.format(Locale.ROOT, "lab: %d-fold CV on %d training rows; baseline %s %s; overfitting when the gap"
                + " reaches %s, underfitting when training is %s %s", k, rawTrain.rows(), metric, Diagnosis.f(baseline),
                Diagnosis.f(diagnosis.gapLimit()), org.workbench.data.MetricNames.higherIsBetter(metric) ? "below" : "above",
                Diagnosis.f(diagnosis.underfitLevel())));

        if (lab.validationPath() != null) {
            String param = shortName(lab.validationPath());
            for (var value : lab.validationValues()) {
                config.checkPath(lab.validationPath(), value, "tune.lab.validation_curve.values");
            }
            progress.start("validation curve", lab.validationValues().size());
            List<CurvePoint> points = Curves.validation(config, problem, rawTrain, k, lab.validationPath(),
                    lab.validationValues(), workers);
            progress.finish();
            Diagnosis.Finding finding = diagnosis.validationCurve(param, points);
            validationCurve = new LabRecord.Curve(lab.validationPath(), param, points, finding);
            details.add(String.format(Locale.ROOT, "validation curve over %s (%s, mean of %d folds):", lab.validationPath(), metric, k));
            details.add(String.format(Locale.ROOT, "  %-12s %10s %10s %10s", param, "train", "validation", "gap"));
            points.forEach(p -> details.add(String.format(Locale.ROOT, "  %-12s %10.4f %10.4f %10.4f", p.value(),
                    p.trainMean(), p.validationMean(), diagnosis.gap(p))));
            texts.add(finding.text());
            summary.add("validation curve over " + param + ": " + finding.kind());
        }
        if (!lab.learningSizes().isEmpty()) {
            List<CurvePoint> points = Curves.learning(config, problem, rawTrain, k, lab.learningSizes(), workers);
            Diagnosis.Finding finding = diagnosis.learningCurve(points);
            learningCurve = new LabRecord.Curve(null, null, points, finding);
            details.add(String.format(Locale.ROOT, "learning curve (%s, mean of %d folds):", metric, k));
            details.add(String.format(Locale.ROOT, "  %-12s %10s %10s %10s", "rows", "train", "validation", "gap"));
            points.forEach(p -> details.add(String.format(Locale.ROOT, "  %-12d %10.4f %10.4f %10.4f", p.rows(),
                    p.trainMean(), p.validationMean(), diagnosis.gap(p))));
            texts.add(finding.text());
            summary.add("learning curve: " + finding.kind());
        }
        if (lab.bootstrapRounds() > 0 && problem.task() == Task.REGRESSION) {
            String path = lab.validationPath();
            List<com.fasterxml.jackson.databind.JsonNode> values = path == null
                    ? List.of(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.textNode("configured"))
                    : lab.validationValues();
            List<BiasVariance.Point> points = BiasVariance.run(config, problem, rawTrain, path, values,
                    lab.bootstrapRounds(), lab.bootstrapHoldout(), workers);
            BiasVariance.Point lowest = points.stream().min(java.util.Comparator.comparingDouble(BiasVariance.Point::error)).orElseThrow();
            String text = String.format(Locale.ROOT, "Bias-variance (%d bootstrap rounds): the lowest error %s is at %s = %s"
                    + " (bias^2 %s, variance %s).", lab.bootstrapRounds(), Diagnosis.f(lowest.error()),
                    path == null ? "the configured setting" : shortName(path), lowest.value(), Diagnosis.f(lowest.bias2()),
                    Diagnosis.f(lowest.variance()));
            biasVariance = new LabRecord.BiasVarianceRecord(path, lab.bootstrapRounds(), lab.bootstrapHoldout(), points, text);
            details.add("bias-variance by bootstrap re-training (squared error on held-out training rows):");
            details.add(String.format(Locale.ROOT, "  %-12s %12s %12s %12s", path == null ? "setting" : shortName(path), "bias^2", "variance", "error"));
            points.forEach(p -> details.add(String.format(Locale.ROOT, "  %-12s %12.4f %12.4f %12.4f", p.value(), p.bias2(),
                    p.variance(), p.error())));
            texts.add(text);
            summary.add("bias-variance over " + points.size() + " settings");
        } else if (lab.bootstrapRounds() > 0) {
            details.add("bias-variance is measured for regression only; skipped");
        }
        if (lab.leakage()) {
            Leakage.Result leak = Leakage.run(config, problem, rawTrain, k, workers);
            double difference = leak.leakyMean() - leak.honestMean();
            CorrectedTTest.Result t = CorrectedTTest.test(leak.leaky(), leak.honest(), (double) rawTrain.rows() / k,
                    rawTrain.rows() - (double) rawTrain.rows() / k);
            String text = String.format(Locale.ROOT, "Leakage: with the recipe fitted on all training rows before the folds"
                    + " are cut, cross-validated %s is %s; refitted inside each fold it is %s (difference %s, p = %s). %s",
                    metric, Diagnosis.f(leak.leakyMean()), Diagnosis.f(leak.honestMean()),
                    String.format(Locale.ROOT, "%+.3f", difference), Diagnosis.f(t.pValue()),
                    leakVerdict(difference, t.pValue(), config.section(EvaluateConfig.class).alpha(), metric));
            leakage = new LabRecord.LeakageRecord(leak.leaky(), leak.honest(), leak.leakyMean(), leak.honestMean(), difference,
                    t.pValue(), text);
            texts.add(text);
            summary.add(String.format(Locale.ROOT, "leakage %+.4f", difference));
        }
        details.addAll(texts);
        LabRecord data = new LabRecord(metric, k, baseline, thresholds, validationCurve, learningCurve, biasVariance, leakage, texts);
        return new Result(data, details, "lab: " + String.join(", ", summary));
    }

    /**
     * What the leak comparison means, in words; "optimistic" is measured in the metric's own direction and
     * counts when the t-test is significant at {@code alpha} (evaluate.alpha).
     */
    static String leakVerdict(double difference, double pValue, double alpha, String metric) {
        boolean higher = org.workbench.data.MetricNames.higherIsBetter(metric);
        boolean optimistic = higher ? difference > 0 : difference < 0;
        if (optimistic && pValue < alpha) {
            return "The leaky number is optimistic: each validation fold helped fit its own preprocessing.";
        }
        return "Here the leak is too small to tell from noise: imputation and scaling learn a few averages per column,"
                + " which barely move between folds. Steps that look at the target (choosing features by their link to it,"
                + " target encoding) leak far more, through exactly the same door.";
    }

    /** The last part of a config path: train.params.max_depth -> max_depth. */
    static String shortName(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }
}
