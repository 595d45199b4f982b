package org.workbench.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class WorkersTest {
    @Test
    void resultsComeBackInJobOrderWhateverFinishesFirst() {
        List<Supplier<Integer>> jobs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            int n = i;
            jobs.add(() -> {
                try {
                    Thread.sleep(5L * (6 - n)); // later jobs finish first
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return n * n;
            });
        }
        assertEquals(List.of(0, 1, 4, 9, 16, 25), new Workers(3).run(jobs));
        assertEquals(List.of(0, 1, 4, 9, 16, 25), new Workers(1).run(jobs));
    }

    @Test
    void aFailingJobFailsTheBatchWithItsOwnException() {
        InputException bad = new InputException("train.params.max_depth: expected an integer >= 1, got 0");
        List<Supplier<Integer>> jobs = List.of(() -> 1, () -> {
            throw bad;
        });
        assertSame(bad, assertThrows(InputException.class, () -> new Workers(2).run(jobs)));
    }

    @Test
    void zeroThreadsMeansOnePerProcessor() {
        assertEquals(Runtime.getRuntime().availableProcessors(), new Workers(0).threads());
    }
}
