package org.workbench.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The one definition of overfitting: a gap judged against the room between the baseline and a perfect score. */
class OverfittingTest {
    @Test
    void theLimitIsAShareOfTheRoomAboveTheBaseline() {
        // iris: baseline 1/3, so 0.10 of the room is a gap of 0.0667
        Overfitting iris = new Overfitting("accuracy", 1.0 / 3, 0.10);
        assertEquals(2.0 / 3, iris.room(), 1e-12);
        assertEquals(0.0667, iris.limit(), 1e-4);
        assertTrue(iris.overfits(0.9917, 0.9000), "a gap of 0.0917 is above 0.0667");
        assertFalse(iris.overfits(0.95, 0.90), "a gap of 0.05 is below it");
        // titanic: a baseline of 0.616 leaves less room, so a smaller gap already counts
        Overfitting titanic = new Overfitting("accuracy", 0.616, 0.10);
        assertEquals(0.0384, titanic.limit(), 1e-12);
        assertTrue(titanic.overfits(0.85, 0.81));
    }

    @Test
    void forErrorsLowerIsBetterAndPerfectIsZero() {
        Overfitting rmse = new Overfitting("rmse", 8.0, 0.10);
        assertEquals(8.0, rmse.room(), 1e-12);
        assertEquals(1.0, rmse.gap(2.0, 3.0), 1e-12, "training error 2 vs held-out 3: training is better by 1");
        assertTrue(rmse.overfits(2.0, 3.0));
        assertFalse(rmse.overfits(2.0, 2.5));
        assertFalse(rmse.overfits(3.0, 2.0), "scoring better on held-out rows is never overfitting");
    }

    @Test
    void aPerfectBaselineLeavesTheWholeScaleAsRoom() {
        Overfitting perfect = new Overfitting("accuracy", 1.0, 0.10);
        assertEquals(1.0, perfect.room(), 1e-12);
        assertEquals(0.10, perfect.limit(), 1e-12);
    }
}
