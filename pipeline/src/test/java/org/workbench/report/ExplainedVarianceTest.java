package org.workbench.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.workbench.core.Json;
import org.workbench.features.Pca;
import org.workbench.recipe.FittedRecipe;
import org.workbench.training.AllSteps;

/** The explained-variance chart of a recorded pca step: the lines it draws, and nothing for other steps. */
class ExplainedVarianceTest {
    private static final Pca.Fitted PCA = new Pca.Fitted(List.of("a", "b", "c"), List.of(0.0, 0.0, 0.0),
            List.of(List.of(1.0, 0.0, 0.0), List.of(0.0, 1.0, 0.0)), List.of(3.0, 1.5), List.of(0.6, 0.3, 0.1), false, 0.8, 10);

    /** A step as run.json records it: its JSON with its type. */
    private static ObjectNode recorded(Object fitted) throws Exception {
        String json = AllSteps.JSON.toJson(new FittedRecipe(List.of((org.workbench.recipe.FittedStep) fitted)));
        return (ObjectNode) Json.MAPPER.readTree(json).get("steps").get(0);
    }

    @Test
    void cumulativeAndEachShareWithTheKeptComponentsAndTheShareAskedFor() throws Exception {
        assertEquals(PCA, ExplainedVariance.read(recorded(PCA)));
        List<Charts.Line> lines = ExplainedVariance.lines(PCA);
        assertEquals(List.of("cumulative", "each component", "kept: 2 of 3", "asked: 0.8"), lines.stream().map(Charts.Line::name).toList());
        assertArrayEquals(new double[] {1, 2, 3}, lines.get(0).x());
        assertArrayEquals(new double[] {0.6, 0.9, 1.0}, lines.get(0).y(), 1e-12);
        assertArrayEquals(new double[] {0.6, 0.3, 0.1}, lines.get(1).y());
        assertArrayEquals(new double[] {2, 2}, lines.get(2).x());
        assertArrayEquals(new double[] {0.8, 0.8}, lines.get(3).y());
        // a count of components asks for no share
        Pca.Fitted counted = new Pca.Fitted(PCA.columns(), PCA.means(), PCA.components(), PCA.variances(), PCA.varianceRatios(),
                true, 2, 10);
        assertEquals(3, ExplainedVariance.lines(counted).size());
    }

    @Test
    void aPcaStepGetsAFigureAndOtherStepsNone() throws Exception {
        String figure = ExplainedVariance.figure(recorded(PCA), new Svg());
        assertTrue(figure.startsWith("<figure id=\"explained-variance\"><svg role=\"img\" aria-label=\"explained variance\""), figure);
        assertTrue(figure.contains("<figcaption>Each principal component's share"), figure);
        ObjectNode scale = recorded(new org.workbench.preprocessing.Scaler.Fitted("standard", List.of()));
        assertEquals("", ExplainedVariance.figure(scale, new Svg()));
    }
}
