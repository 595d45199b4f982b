package org.workbench.tuning;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.workbench.config.PipelineConfig;
import org.workbench.data.Frame;
import org.workbench.data.Split;
import org.workbench.data.Splits;
import org.workbench.definition.Problem;
import org.workbench.data.MetricNames;
import org.workbench.training.Candidate;
import org.workbench.core.Workers;
import org.workbench.evaluation.FoldScore;
import org.workbench.table.DataConfig;

/**
 * Cross-validates settings on training rows: every (setting, fold) pair is one job for the
 * {@link Workers}, so two threads stay busy even when trials differ in cost. All settings share the
 * same seeded folds, and results are assembled in setting order, so they do not depend on the
 * number of threads. A trial not started before the time budget runs out is left out; the
 * configured setting (no overrides) is always scored.
 */
final class TrialScorer {
    private final PipelineConfig config;
    private final Problem problem;
    private final int folds;
    private final Workers workers;
    private final long deadlineNanos;
    private final TuningProgress progress;
    private double best = Double.NaN;

    TrialScorer(PipelineConfig config, Problem problem, int folds, Workers workers, long deadlineNanos,
                TuningProgress progress) {
        this.config = config;
        this.problem = problem;
        this.folds = folds;
        this.workers = workers;
        this.deadlineNanos = deadlineNanos;
        this.progress = progress;
    }

    /** Trials numbered from {@code firstNumber}, in setting order; unfinished ones are left out. */
    List<Trial> score(String what, List<Map<String, JsonNode>> settings, int firstNumber, Frame rows, int rung) {
        List<Candidate> candidates = settings.stream().map(s -> Candidate.from(config.with(s), problem.task())).toList();
        List<Split> splits = Splits.kFold(rows.target(), folds, config.section(DataConfig.class).split().stratify(), config.seed());
        int[] remaining = new int[settings.size()];
        java.util.Arrays.fill(remaining, splits.size());
        List<FoldScore[]> scores = new ArrayList<>();
        settings.forEach(s -> scores.add(new FoldScore[splits.size()]));
        best = Double.NaN; // rounds of successive halving use different rows: their scores do not compare
        progress.start(what, settings.size());
        List<Supplier<FoldScore>> jobs = new ArrayList<>();
        for (int s = 0; s < settings.size(); s++) {
            for (int f = 0; f < splits.size(); f++) {
                int setting = s;
                int fold = f;
                boolean always = settings.get(s).isEmpty(); // the configured setting is scored whatever the budget
                jobs.add(() -> {
                    if (!always && deadlineNanos > 0 && System.nanoTime() > deadlineNanos) {
                        return null;
                    }
                    FoldScore score = FoldScore.of(candidates.get(setting), rows, splits.get(fold), problem, false);
                    finished(setting, fold, score, scores, remaining, settings, firstNumber, rows.rows(), rung);
                    return score;
                });
            }
        }
        workers.run(jobs);
        progress.finish();
        List<Trial> trials = new ArrayList<>();
        for (int s = 0; s < settings.size(); s++) {
            if (remaining[s] == 0) {
                trials.add(trial(firstNumber + s, settings.get(s), scores.get(s), rows.rows(), rung));
            }
        }
        return trials;
    }

    private synchronized void finished(int setting, int fold, FoldScore score, List<FoldScore[]> scores, int[] remaining,
                                       List<Map<String, JsonNode>> settings, int firstNumber, int rows, int rung) {
        scores.get(setting)[fold] = score;
        if (--remaining[setting] == 0) {
            Trial t = trial(firstNumber + setting, settings.get(setting), scores.get(setting), rows, rung);
            if (Double.isNaN(best) || Tuning.better(t.mean(), best, problem.metric())) {
                best = t.mean();
            }
            progress.trialDone(t, problem.metric(), best);
        }
    }

    static Trial trial(int number, Map<String, JsonNode> params, FoldScore[] folds, int rows, int rung) {
        double[] values = new double[folds.length];
        long millis = 0;
        for (int i = 0; i < folds.length; i++) {
            values[i] = folds[i].validation();
            millis += folds[i].millis();
        }
        double[] ms = meanStd(values);
        return new Trial(number, params, ms[0], ms[1], values, rows, rung, millis);
    }

    /** Mean and sample standard deviation (n - 1), ignoring folds where the metric is undefined. */
    static double[] meanStd(double[] values) {
        double sum = 0;
        int n = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                sum += v;
                n++;
            }
        }
        double mean = n == 0 ? Double.NaN : sum / n;
        double squares = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                squares += (v - mean) * (v - mean);
            }
        }
        return new double[] {mean, n < 2 ? Double.NaN : Math.sqrt(squares / (n - 1))};
    }

    static boolean higherIsBetter(String metric) {
        return MetricNames.higherIsBetter(metric);
    }
}
