package org.workbench.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BackgroundTest {
    @Test
    void joinGivesTheResultComputedOnAnotherThread() {
        Thread caller = Thread.currentThread();
        Background<Thread> work = Background.start("test", Thread::currentThread);
        Thread worker = work.join();
        assertNotEquals(caller, worker);
        assertEquals("workbench-test", worker.getName());
    }

    @Test
    void joinRethrowsTheWorksOwnException() {
        InputException thrown = new InputException("data.csv: line 3 has 2 fields, expected 3");
        Background<Object> work = Background.start("failing", () -> {
            throw thrown;
        });
        assertSame(thrown, assertThrows(InputException.class, work::join));
    }

    @Test
    void runnableWorkCompletes() {
        int[] box = {0};
        Background.start("runnable", () -> {
            box[0] = 7;
        }).join();
        assertEquals(7, box[0]);
    }
}
