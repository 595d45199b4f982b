package org.workbench.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Seeded hold-out and k-fold splits. Stratified versions deal each class's shuffled rows out
 * separately, so every part keeps the class proportions.
 */
public final class Splits {
    private Splits() {
    }

    public static Split holdout(Target target, double testFraction, boolean stratify, long seed) {
        boolean[] isTest = new boolean[target.size()];
        int tests = 0;
        for (int[] group : groups(target, stratify, seed)) {
            int nTest = (int) Math.round(group.length * testFraction);
            if (group.length > 1) {
                nTest = Math.max(1, Math.min(group.length - 1, nTest));
            }
            for (int i = 0; i < nTest; i++) {
                isTest[group[i]] = true;
            }
            tests += nTest;
        }
        return partition(isTest, tests);
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
            boolean[] isTest = new boolean[n];
            int tests = 0;
            for (int row = 0; row < n; row++) {
                isTest[row] = foldOf[row] == f;
                tests += isTest[row] ? 1 : 0;
            }
            folds.add(partition(isTest, tests));
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

    /**
     * Shuffled row groups: one per class (in label order) when stratifying a categorical target, else
     * one. Each group is shuffled exactly as {@code Collections.shuffle(rows, random)} would.
     */
    private static List<int[]> groups(Target target, boolean stratify, long seed) {
        Random random = new Random(seed);
        Map<String, int[]> byClass = new TreeMap<>();
        Map<String, Integer> filled = new HashMap<>();
        int n = target.size();
        boolean byLabel = stratify && target.isCategorical();
        Map<String, Integer> counts = new HashMap<>();
        for (int row = 0; row < n; row++) {
            counts.merge(byLabel ? target.labels()[row] : "", 1, Integer::sum);
        }
        counts.forEach((key, count) -> {
            byClass.put(key, new int[count]);
            filled.put(key, 0);
        });
        for (int row = 0; row < n; row++) {
            String key = byLabel ? target.labels()[row] : "";
            int at = filled.merge(key, 1, Integer::sum) - 1;
            byClass.get(key)[at] = row;
        }
        List<int[]> out = new ArrayList<>();
        for (int[] rows : byClass.values()) {
            for (int i = rows.length; i > 1; i--) {
                int j = random.nextInt(i);
                int t = rows[i - 1];
                rows[i - 1] = rows[j];
                rows[j] = t;
            }
            out.add(rows);
        }
        return out;
    }

    /** The rows marked test and the others, each in ascending order. */
    private static Split partition(boolean[] isTest, int tests) {
        int[] train = new int[isTest.length - tests];
        int[] test = new int[tests];
        int a = 0;
        int b = 0;
        for (int row = 0; row < isTest.length; row++) {
            if (isTest[row]) {
                test[b++] = row;
            } else {
                train[a++] = row;
            }
        }
        return new Split(train, test);
    }
}
