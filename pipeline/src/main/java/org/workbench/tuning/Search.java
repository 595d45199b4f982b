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
    /**
     * All trials (halving: every round's), the last round's trials, the halving plan, and the
     * configured setting's trial (number 0) when it was scored with the last round (null otherwise).
     */
    record Outcome(List<Trial> trials, List<Trial> finalRound, List<HalvingSchedule.Rung> rungs, boolean outOfTime,
                   Trial configured) {
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
            // the configured setting goes in the same batch (as trial 0), so no thread waits between batches
            List<Map<String, JsonNode>> batch = new ArrayList<>();
            batch.add(Map.of());
            batch.addAll(settings);
            List<Trial> scored = scorer.score(tune.method(), batch, 0, rawTrain, 0);
            List<Trial> trials = scored.subList(1, scored.size());
            return new Outcome(trials, trials, List.of(), trials.size() < settings.size(), scored.get(0));
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
        Trial configured = null;
        for (HalvingSchedule.Rung rung : plan) {
            Frame rows = subset(rawTrain, rung.rows(), tune, seed);
            boolean last = rung.index() == plan.size() - 1;
            List<Map<String, JsonNode>> batch = new ArrayList<>();
            if (last) {
                batch.add(Map.of()); // the configured setting, scored on the same rows and folds as the finalists
            }
            batch.addAll(alive);
            List<Trial> scored = scorer.score("halving round " + (rung.index() + 1) + "/" + plan.size(), batch,
                    last ? 0 : 1, rows, rung.index());
            if (last) {
                configured = scored.isEmpty() || scored.get(0).number() != 0 ? null : scored.get(0);
                scored = configured == null ? scored : scored.subList(1, scored.size());
            }
            if (scored.size() < alive.size()) {
                return new Outcome(all, round, plan, true, configured); // out of time: keep the last complete round
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
        return new Outcome(all, round, plan, false, configured);
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
