package org.workbench.tuning;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.workbench.data.Frame;
import org.workbench.data.Splits;

/**
 * Runs the configured search method over the training rows and returns every trial scored.
 * Grid: every combination. Random: {@code n_trials} seeded draws. Halving: the grid's combinations
 * (or {@code n_trials} draws from the space) raced by {@link HalvingSchedule} on growing subsets.
 */
final class Search {
    /** All trials (halving: every round's), the last round's trials, and the halving plan. */
    record Outcome(List<Trial> trials, List<Trial> finalRound, List<HalvingSchedule.Rung> rungs, boolean outOfTime) {
    }

    private Search() {
    }

    static List<Map<String, JsonNode>> settings(TuneConfig tune, long seed) {
        return switch (tune.method()) {
            case "grid" -> GridSearch.combinations(tune.grid());
            case "random" -> RandomSearch.sample(tune.randomSpace(), tune.nTrials(), seed);
            case "halving" -> tune.space().isEmpty() ? GridSearch.combinations(tune.grid())
                    : RandomSearch.sample(tune.randomSpace(), tune.nTrials(), seed);
            default -> throw new IllegalStateException("unknown search method " + tune.method());
        };
    }

    static Outcome run(TuneConfig tune, long seed, Frame rawTrain, TrialScorer scorer, String metric) {
        List<Map<String, JsonNode>> settings = settings(tune, seed);
        if (!tune.method().equals("halving")) {
            List<Trial> trials = scorer.score(tune.method(), settings, 1, rawTrain, 0);
            return new Outcome(trials, trials, List.of(), trials.size() < settings.size());
        }
        List<HalvingSchedule.Rung> plan = HalvingSchedule.plan(settings.size(), rawTrain.rows(), tune.factor(),
                Math.max(30, 4 * tune.cvFolds()));
        List<Trial> all = new ArrayList<>();
        List<Map<String, JsonNode>> alive = settings;
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < settings.size(); i++) {
            numbers.add(i + 1);
        }
        List<Trial> round = List.of();
        for (HalvingSchedule.Rung rung : plan) {
            Frame rows = subset(rawTrain, rung.rows(), tune, seed);
            List<Trial> scored = scorer.score("halving round " + (rung.index() + 1) + "/" + plan.size(), alive,
                    1, rows, rung.index());
            if (scored.size() < alive.size()) {
                return new Outcome(all, round, plan, true); // out of time: keep the last complete round
            }
            round = new ArrayList<>();
            for (int i = 0; i < scored.size(); i++) {
                Trial t = scored.get(i);
                round.add(new Trial(numbers.get(i), t.params(), t.mean(), t.std(), t.folds(), t.rows(), t.rung(), t.millis()));
            }
            all.addAll(round);
            if (rung.index() + 1 < plan.size()) {
                int keep = plan.get(rung.index() + 1).candidates();
                List<Trial> best = Tuning.ranked(round, metric).subList(0, Math.min(keep, round.size()));
                List<Trial> kept = round.stream().filter(best::contains).toList(); // keep setting order
                alive = kept.stream().map(Trial::params).toList();
                numbers = kept.stream().map(Trial::number).toList();
            }
        }
        return new Outcome(all, round, plan, false);
    }

    /** A seeded, stratified subset of {@code n} training rows (all rows when n is the total). */
    private static Frame subset(Frame rawTrain, int n, TuneConfig tune, long seed) {
        if (n >= rawTrain.rows()) {
            return rawTrain;
        }
        boolean stratify = rawTrain.target().isCategorical();
        int[] rows = Splits.holdout(rawTrain.target(), (double) n / rawTrain.rows(), stratify, seed).test();
        return rawTrain.subset(rows);
    }
}
