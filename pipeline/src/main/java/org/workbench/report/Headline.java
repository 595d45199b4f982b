package org.workbench.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.workbench.collection.CollectionRecord;
import org.workbench.definition.DefinitionRecord;
import org.workbench.deployment.DeploymentRecord;
import org.workbench.evaluation.EvaluationRecord;
import org.workbench.evaluation.Overfitting;
import org.workbench.lab.CurvePoint;
import org.workbench.lab.Diagnosis;
import org.workbench.table.DataWarning;
import org.workbench.tuning.TuningRecord;

/**
 * The box at the top of report.html that answers first: the task, the final model, the primary metric
 * on the test split beside the baseline and cross-validation, the verdict (overfitting, underfitting
 * or fine, by {@link Overfitting} and the lab's {@link Diagnosis} rule with the run's own limits),
 * possible leakage and the bundle. Every number is one the run recorded; nothing is scored again.
 */
final class Headline {
    static final String ID = "headline";

    private Headline() {
    }

    /** What the box says, read from the run's records; fields the run did not reach are null. */
    record Facts(String task, String target, String model, boolean tuned, String metric, Double test, Double train,
                 Double baseline, double[] cv, Verdict verdict, List<String> leaks, String labLeakage, String bundle) {
    }

    /** overfitting, underfitting, both, fine, or not judged; with the sentence that explains it. */
    record Verdict(String kind, String text) {
    }

    static Facts facts(RunRecord run) {
        DefinitionRecord definition = run.record(DefinitionRecord.class).orElse(null);
        EvaluationRecord evaluation = run.record(EvaluationRecord.class).orElse(null);
        RunMetrics.Final chosen = run.metrics() == null ? null : run.metrics().finalModel();
        String metric = definition == null ? null : definition.metric();
        String model = chosen != null ? chosen.model() : definition == null ? null : definition.model();
        Double test = metric == null ? null : chosen != null && chosen.test() != null && chosen.test().get(metric) != null
                ? chosen.test().get(metric) : evaluation == null ? null : get(evaluation.test(), metric);
        boolean tuned = chosen != null && chosen.tuned();
        Double baseline = evaluation == null || metric == null ? null : get(evaluation.baseline(), metric);
        Double train = null;
        double[] cv = null;
        TuningRecord.Metrics tuning = run.metrics() == null ? null : run.metrics().tuning();
        if (tuned) {
            // the adopted setting's own cross-validation; its training score was not recorded
            if (tuning != null && tuning.bestCvMean() != null && metric != null && metric.equals(tuning.metric())) {
                cv = new double[] {tuning.bestCvMean(), tuning.bestCvStd() == null ? Double.NaN : tuning.bestCvStd()};
            }
        } else if (evaluation != null && metric != null) {
            train = get(evaluation.train(), metric);
            cv = evaluation.cv() == null ? null : evaluation.cv().get(metric);
        }
        String labLeakage = tuning == null || tuning.lab() == null || tuning.lab().leakage() == null ? null
                : tuning.lab().leakage().text();
        return new Facts(definition == null ? null : definition.task(), definition == null ? null : definition.target(), model,
                tuned, metric, test, train, baseline, cv, verdict(run, metric, evaluation, tuned), leaks(run), labLeakage,
                bundle(run));
    }

    private static Double get(Map<String, Double> scores, String metric) {
        return scores == null ? null : scores.get(metric);
    }

    /**
     * The evaluation's training and test scores judged with the run's {@code evaluate.overfit_gap} and
     * {@code tune.lab.underfit_share}: the rules the evaluation stage's summary and the lab apply.
     */
    static Verdict verdict(RunRecord run, String metric, EvaluationRecord evaluation, boolean tuned) {
        if (evaluation == null || metric == null) {
            return new Verdict("not judged", "the run stopped before the evaluation");
        }
        Double train = get(evaluation.train(), metric);
        Double test = get(evaluation.test(), metric);
        Double baseline = get(evaluation.baseline(), metric);
        if ("clustering".equals(run.record(DefinitionRecord.class).map(DefinitionRecord::task).orElse(""))) {
            return new Verdict("not judged", "clustering has no held-out score to compare the training score with");
        }
        if (train == null || test == null || baseline == null || !Double.isFinite(train) || !Double.isFinite(test)
                || !Double.isFinite(baseline)) {
            return new Verdict("not judged", "no training, test and baseline score of " + metric + " to compare");
        }
        JsonNode config = run.config();
        double gap = number(config, 0.10, "evaluate", "overfit_gap");
        double share = number(config, 0.50, "tune", "lab", "underfit_share");
        double rising = number(config, 0.01, "tune", "lab", "still_rising");
        Diagnosis rule = new Diagnosis(metric, baseline, gap, share, rising);
        // the test split stands where the lab has its validation folds
        CurvePoint point = new CurvePoint(null, 0, train, 0, test, 0);
        boolean over = rule.overfits(point);
        boolean under = rule.underfits(point);
        boolean higher = org.workbench.data.MetricNames.higherIsBetter(metric);
        String of = tuned ? " (judged on the model before tuning: the adopted one's training score is not recorded)" : "";
        String overText = String.format(Locale.ROOT, "training %s %s beats test %s by %s, at least the limit %s"
                + " (evaluate.overfit_gap %s of the room between the baseline and a perfect score)%s", metric, f(train), f(test),
                f(rule.gap(point)), f(rule.gapLimit()), HtmlReport.compact(gap), of);
        String underText = String.format(Locale.ROOT, "training %s %s is %s %s, the level that covers %s of the room between"
                + " the baseline %s and a perfect score (tune.lab.underfit_share)%s", metric, f(train), higher ? "below" : "above",
                f(rule.underfitLevel()), HtmlReport.compact(share), f(baseline), of);
        if (over && under) {
            return new Verdict("overfitting and underfitting", overText + "; and " + underText);
        }
        if (over) {
            return new Verdict("overfitting", overText);
        }
        if (under) {
            return new Verdict("underfitting", underText);
        }
        return new Verdict("fine", String.format(Locale.ROOT, "training %s %s and test %s are within the limit %s of each"
                + " other, and training covers at least %s of the room above the baseline%s", metric, f(train), f(test),
                f(rule.gapLimit()), HtmlReport.compact(share), of));
    }

    private static double number(JsonNode config, double otherwise, String... path) {
        JsonNode node = config;
        for (String p : path) {
            node = node == null ? null : node.get(p);
        }
        return node != null && node.isNumber() ? node.doubleValue() : otherwise;
    }

    /** The columns the collection stage flagged as possible leakage. */
    private static List<String> leaks(RunRecord run) {
        List<String> out = new ArrayList<>();
        run.record(CollectionRecord.class).ifPresent(c -> {
            for (DataWarning w : c.warnings() == null ? List.<DataWarning>of() : c.warnings()) {
                if ("possible_leakage".equals(w.kind())) {
                    out.add(w.column());
                }
            }
        });
        return out;
    }

    private static String bundle(RunRecord run) {
        DeploymentRecord d = run.record(DeploymentRecord.class).orElse(null);
        if (d == null) {
            return null;
        }
        if (d.file() == null) {
            return "not written (deploy.bundle is false)";
        }
        int columns = d.requiredColumns() == null ? 0 : d.requiredColumns().size();
        return d.file() + (d.bytes() == null ? "" : String.format(Locale.ROOT, ", %.1f KB", d.bytes() / 1024.0))
                + "; needs " + columns + " input column" + (columns == 1 ? "" : "s");
    }

    private static String f(double v) {
        return Html.number(v);
    }

    static String render(RunRecord run) {
        Facts f = facts(run);
        StringBuilder answer = new StringBuilder();
        answer.append(f.task() == null ? "A run" : Html.escape(capitalised(f.task())));
        if (f.target() != null) {
            answer.append(" of <b>").append(Html.escape(f.target())).append("</b>");
        }
        if (f.model() != null) {
            answer.append(" with <b>").append(Html.escape(f.model())).append("</b>").append(f.tuned() ? " (tuned)" : "");
        }
        if (f.metric() != null && f.test() != null) {
            answer.append(": test ").append(Html.escape(f.metric())).append(" <b class=\"score\">").append(Html.number(f.test()))
                    .append("</b>");
            List<String> beside = new ArrayList<>();
            if (f.baseline() != null) {
                beside.add("baseline " + Html.number(f.baseline()));
            }
            if (f.cv() != null && f.cv().length == 2) {
                beside.add((f.tuned() ? "tuning cross-validation " : "cross-validation ") + Html.number(f.cv()[0])
                        + " &plusmn; " + Html.number(f.cv()[1]));
            }
            if (f.train() != null) {
                beside.add("train " + Html.number(f.train()));
            }
            if (!beside.isEmpty()) {
                answer.append(" (").append(String.join(", ", beside)).append(")");
            }
        }
        answer.append('.');
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("verdict", "<span class=\"verdict-" + f.verdict().kind().replace(' ', '-') + "\"><b>"
                + Html.escape(f.verdict().kind()) + "</b></span>: " + Html.escape(f.verdict().text()));
        String leakage = f.leaks().isEmpty() ? "no column flagged" : "<b class=\"warn\">possible leakage</b> in "
                + Html.escape(String.join(", ", f.leaks())) + " (see the data warnings)";
        if (f.labLeakage() != null) {
            leakage += "; the lab's leakage demo: " + Html.escape(f.labLeakage());
        }
        rows.put("leakage", leakage);
        rows.put("bundle", f.bundle() == null ? "not written (the run stopped before deployment)" : Html.escape(f.bundle()));
        StringBuilder sb = new StringBuilder("<section id=\"" + ID + "\" class=\"headline\"><h2>Result</h2>\n");
        sb.append("<p class=\"answer\">").append(answer).append("</p>\n<table class=\"kv\"><tbody>");
        rows.forEach((k, v) -> sb.append("<tr><td><b>").append(k).append("</b></td><td>").append(v).append("</td></tr>"));
        return sb.append("</tbody></table></section>\n").toString();
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }
}
