package org.workbench.spark;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How trials share the driver: several in flight at once, results in trial order, a failure as it was thrown. */
class TuningOnSparkTest {
    @Test
    void trialsRunTogetherAndComeBackInTrialOrder() {
        // every trial waits until two are in flight: with one thread this could never finish
        CountDownLatch bothStarted = new CountDownLatch(2);
        List<Integer> out = TuningOnSpark.concurrently(6, 2, i -> {
            bothStarted.countDown();
            try {
                assertTrue(bothStarted.await(30, TimeUnit.SECONDS), "a second trial ran beside the first");
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return i * 10;
        });
        assertEquals(List.of(0, 10, 20, 30, 40, 50), out);
    }

    @Test
    void oneThreadRunsTheTrialsInOrderOnTheCallersThread() {
        Thread caller = Thread.currentThread();
        assertEquals(List.of("0", "1", "2"), TuningOnSpark.concurrently(3, 1, i -> {
            assertSame(caller, Thread.currentThread());
            return Integer.toString(i);
        }));
    }

    @Test
    void aFailingTrialFailsTheSearchWithItsOwnError() {
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> TuningOnSpark.concurrently(4, 2, i -> {
            if (i == 2) {
                throw new IllegalArgumentException("trial 2 has no such parameter");
            }
            return i;
        }));
        assertEquals("trial 2 has no such parameter", thrown.getMessage());
    }

    @Test
    void noTrialButTheConfiguredOneStartsAfterTheTimeBudget() {
        long spent = System.nanoTime() - 1;
        for (int threads : new int[] {1, 2}) {
            assertEquals(java.util.Arrays.asList(0, null, null), TuningOnSpark.concurrently(3, threads, spent, i -> i));
            // no budget: every trial
            assertEquals(List.of(0, 1, 2), TuningOnSpark.concurrently(3, threads, 0, i -> i));
        }
    }
}
