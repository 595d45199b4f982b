package org.workbench.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class PredictionsTest {
    private static final Split SPLIT = new Split(new int[] {0, 2, 3}, new int[] {1, 4});

    @Test
    void mergePutsEachPartBackAtItsRows() {
        Predictions train = Predictions.classification(new String[] {"a", "b", "a"},
                new double[][] {{0.9, 0.1}, {0.2, 0.8}, {0.6, 0.4}}, List.of("a", "b"));
        Predictions test = Predictions.classification(new String[] {"b", "a"},
                new double[][] {{0.3, 0.7}, {0.55, 0.45}}, List.of("a", "b"));
        Predictions all = Predictions.merge(SPLIT, train, test);
        assertArrayEquals(new String[] {"a", "b", "b", "a", "a"}, all.labels());
        assertArrayEquals(new double[] {0.3, 0.7}, all.probabilities()[1]);
        assertArrayEquals(new double[] {0.6, 0.4}, all.probabilities()[3]);
        assertSame(train.probabilities()[0], all.probabilities()[0]);
        assertEquals(List.of("a", "b"), all.classes());
        assertNull(all.values());
    }

    @Test
    void mergeRegressionValues() {
        Predictions all = Predictions.merge(SPLIT, Predictions.regression(new double[] {1, 3, 4}),
                Predictions.regression(new double[] {2, 5}));
        assertArrayEquals(new double[] {1, 2, 3, 4, 5}, all.values());
        assertNull(all.labels());
    }

    @Test
    void concatKeepsThePartsInOrder() {
        Predictions all = Predictions.concat(List.of(Predictions.regression(new double[] {1, 2}),
                Predictions.regression(new double[] {3}), Predictions.regression(new double[] {4, 5})));
        assertArrayEquals(new double[] {1, 2, 3, 4, 5}, all.values());
        Predictions labels = Predictions.concat(List.of(Predictions.clusters(new String[] {"0"}), Predictions.clusters(new String[] {"1", "noise"})));
        assertArrayEquals(new String[] {"0", "1", "noise"}, labels.labels());
        assertThrows(IllegalArgumentException.class, () -> Predictions.concat(List.of(Predictions.regression(new double[] {1}),
                Predictions.clusters(new String[] {"0"}))));
    }

    @Test
    void mergeRefusesPartsThatDoNotFit() {
        Predictions two = Predictions.regression(new double[] {1, 2});
        assertThrows(IllegalArgumentException.class, () -> Predictions.merge(SPLIT, two, two));
        Predictions labels = Predictions.clusters(new String[] {"0", "1"});
        assertThrows(IllegalArgumentException.class,
                () -> Predictions.merge(SPLIT, Predictions.regression(new double[] {1, 2, 3}), labels));
    }
}
