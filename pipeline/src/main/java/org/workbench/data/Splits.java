package org.workbench.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded hold-out and k-fold splits. Stratified versions deal each class's shuffled rows out
 * separately, so every part keeps the class proportions.
 */
public final class Splits {
    private Splits() {
    }

    public static Split holdout(Target target, double testFraction, boolean stratify, long seed) {
        List<int[]> groups = groups(target, stratify, seed);
        List<Integer> train = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (int[] group : groups) {
            int nTest = (int) Math.round(group.length * testFraction);
            if (group.length > 1) {
                nTest = Math.max(1, Math.min(group.length - 1, nTest));
            }
            for (int i = 0; i < group.length; i++) {
                (i < nTest ? test : train).add(group[i]);
            }
        }
        return new Split(sorted(train), sorted(test));
    }

    /** k folds; fold i's test part is every k-th row of each shuffled class starting at i. */
    public static List<Split> kFold(Target target, int k, boolean stratify, long seed) {
        int n = target.size();
        if (k < 2) {
            throw new IllegalArgumentException("k-fold needs k >= 2, got " + k);
        }
        if (k > n) {
            // reachable from a config (many folds, or a large test split on a small file): bad input
            throw new org.workbench.core.InputException("cannot cut " + k + " cross-validation folds from " + n
                    + " training rows; lower evaluate.cv_folds (or tune.cv_folds, tune.lab.cv_folds) or data.split.test");
        }
        int[] foldOf = new int[n];
        int dealt = 0;
        for (int[] group : groups(target, stratify, seed)) {
            for (int row : group) {
                foldOf[row] = dealt++ % k;
            }
        }
        List<Split> folds = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            List<Integer> train = new ArrayList<>();
            List<Integer> test = new ArrayList<>();
            for (int row = 0; row < n; row++) {
                (foldOf[row] == f ? test : train).add(row);
            }
            folds.add(new Split(sorted(train), sorted(test)));
        }
        return folds;
    }

    /**
     * k-fold repeated {@code repeats} times, each repetition reshuffled (repetition r uses seed + r,
     * so the first repetition equals {@link #kFold} with the same seed); folds in repetition order.
     */
    public static List<Split> repeatedKFold(Target target, int k, int repeats, boolean stratify, long seed) {
        if (repeats < 1) {
            throw new IllegalArgumentException("repeats must be at least 1, got " + repeats);
        }
        List<Split> out = new ArrayList<>();
        for (int r = 0; r < repeats; r++) {
            out.addAll(kFold(target, k, stratify, seed + r));
        }
        return out;
    }

    /** Shuffled row groups: one per class when stratifying a categorical target, else one. */
    private static List<int[]> groups(Target target, boolean stratify, long seed) {
        Random random = new Random(seed);
        Map<String, List<Integer>> byClass = new LinkedHashMap<>();
        for (int row = 0; row < target.size(); row++) {
            String key = stratify && target.isCategorical() ? target.labels()[row] : "";
            byClass.computeIfAbsent(key, x -> new ArrayList<>()).add(row);
        }
        List<String> keys = new ArrayList<>(byClass.keySet());
        keys.sort(null);
        List<int[]> out = new ArrayList<>();
        for (String key : keys) {
            List<Integer> rows = byClass.get(key);
            java.util.Collections.shuffle(rows, random);
            out.add(rows.stream().mapToInt(Integer::intValue).toArray());
        }
        return out;
    }

    private static int[] sorted(List<Integer> rows) {
        int[] out = rows.stream().mapToInt(Integer::intValue).toArray();
        Arrays.sort(out);
        return out;
    }
}
