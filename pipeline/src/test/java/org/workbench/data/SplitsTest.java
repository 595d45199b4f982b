package org.workbench.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SplitsTest {
    /** 60 "a", 30 "b", 10 "c". */
    private static Target labels() {
        String[] l = new String[100];
        for (int i = 0; i < 100; i++) {
            l[i] = i < 60 ? "a" : i < 90 ? "b" : "c";
        }
        return Target.labels("y", l);
    }

    @Test
    void stratifiedHoldoutKeepsClassProportions() {
        Split s = Splits.holdout(labels(), 0.2, true, 7);
        assertEquals(80, s.train().length);
        assertEquals(20, s.test().length);
        Target test = labels().subset(s.test());
        assertEquals(12, test.counts().get("a"));
        assertEquals(6, test.counts().get("b"));
        assertEquals(2, test.counts().get("c"));
        Set<Integer> all = new HashSet<>();
        Arrays.stream(s.train()).forEach(all::add);
        Arrays.stream(s.test()).forEach(all::add);
        assertEquals(100, all.size());
    }

    @Test
    void sameSeedSameSplitDifferentSeedDifferentSplit() {
        assertArrayEquals(Splits.holdout(labels(), 0.2, true, 7).test(), Splits.holdout(labels(), 0.2, true, 7).test());
        assertEquals(false, Arrays.equals(Splits.holdout(labels(), 0.2, true, 7).test(),
                Splits.holdout(labels(), 0.2, true, 8).test()));
    }

    @Test
    void kFoldPartitionsEveryRowExactlyOnceAndStratifies() {
        List<Split> folds = Splits.kFold(labels(), 5, true, 1);
        int[] seen = new int[100];
        for (Split f : folds) {
            assertEquals(20, f.test().length);
            assertEquals(80, f.train().length);
            Arrays.stream(f.test()).forEach(i -> seen[i]++);
            Target t = labels().subset(f.test());
            assertEquals(12, t.counts().get("a"));
            assertEquals(2, t.counts().get("c"));
        }
        assertArrayEquals(IntStream.range(0, 100).map(i -> 1).toArray(), seen);
    }

    @Test
    void regressionTargetsAreShuffledNotStratified() {
        Target v = Target.values("y", IntStream.range(0, 10).asDoubleStream().toArray());
        Split s = Splits.holdout(v, 0.3, true, 3);
        assertEquals(3, s.test().length);
        assertEquals(7, s.train().length);
    }

    @Test
    void repeatedKFoldReshufflesEachRepetition() {
        List<Split> folds = Splits.repeatedKFold(labels(), 5, 3, true, 11);
        assertEquals(15, folds.size());
        List<Split> first = Splits.kFold(labels(), 5, true, 11);
        for (int f = 0; f < 5; f++) {
            assertArrayEquals(first.get(f).test(), folds.get(f).test()); // repetition 0 = plain k-fold, same seed
            assertArrayEquals(Splits.kFold(labels(), 5, true, 12).get(f).test(), folds.get(5 + f).test());
        }
        for (int r = 0; r < 3; r++) {
            Set<Integer> seen = new HashSet<>();
            for (Split s : folds.subList(5 * r, 5 * r + 5)) {
                assertEquals(20, s.test().length);
                assertEquals(80, s.train().length);
                // stratified: 12 a, 6 b, 2 c in every validation fold
                assertEquals(12, labels().subset(s.test()).counts().get("a"));
                assertEquals(2, labels().subset(s.test()).counts().get("c"));
                Arrays.stream(s.test()).forEach(seen::add);
            }
            assertEquals(100, seen.size()); // each repetition covers every row once
        }
        assertNotEquals(Arrays.toString(folds.get(0).test()), Arrays.toString(folds.get(5).test()));
    }

    @Test
    void moreFoldsThanRowsIsBadInputNamingTheConfigKeys() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(org.workbench.core.InputException.class,
                () -> Splits.kFold(labels(), 500, true, 1));
        assertEquals("cannot cut 500 cross-validation folds from 100 training rows; lower evaluate.cv_folds"
                + " (or tune.cv_folds, tune.lab.cv_folds) or data.split.test", e.getMessage());
    }
}
