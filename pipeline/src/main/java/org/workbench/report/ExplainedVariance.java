package org.workbench.report;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.workbench.features.Pca;
import org.workbench.recipe.FittedStep;
import org.workbench.recipe.Numbers;
import org.workbench.recipe.RecipeRecord;
import org.workbench.training.AllSteps;

/**
 * The explained-variance chart of a fitted {@code pca} step: each component's share of the variance and
 * the cumulative share, with the components kept and the share asked for marked. The step is read
 * back as its fitted type, so a renamed field is a compile error here, not an empty chart.
 */
final class ExplainedVariance {
    private ExplainedVariance() {
    }

    /** The figure for a recorded step when it is a pca step, else "". */
    static String figure(ObjectNode step, Svg svg) {
        if (!RecipeRecord.FittedSteps.type(step).equals("pca")) {
            return "";
        }
        return Html.figure("explained-variance", () -> {
            Pca.Fitted pca = read(step);
            return svg.of(Charts.lines("Explained variance (training rows)", "components", "share of the variance",
                    lines(pca)), "explained variance");
        }, "Each principal component's share of the training variance and the running total; the step keeps the"
                + " components left of the dashed line.");
    }

    static Pca.Fitted read(ObjectNode step) {
        ObjectNode recipe = JsonNodeFactory.instance.objectNode();
        recipe.putArray("steps").add(step);
        FittedStep fitted = AllSteps.JSON.fromJson(recipe.toString()).steps().get(0);
        return (Pca.Fitted) fitted;
    }

    static List<Charts.Line> lines(Pca.Fitted pca) {
        List<Double> ratios = pca.varianceRatios();
        int p = ratios.size();
        double[] x = new double[p];
        double[] each = new double[p];
        double[] cumulative = new double[p];
        double sum = 0;
        for (int j = 0; j < p; j++) {
            x[j] = j + 1;
            each[j] = ratios.get(j);
            sum += ratios.get(j);
            cumulative[j] = sum;
        }
        int kept = pca.components().size();
        List<Charts.Line> lines = new ArrayList<>();
        lines.add(Charts.Line.of("cumulative", x, cumulative));
        lines.add(Charts.Line.of("each component", x, each));
        lines.add(Charts.Line.reference(String.format(Locale.ROOT, "kept: %d of %d", kept, p), new double[] {kept, kept},
                new double[] {0, 1}));
        if (pca.requested() < 1) {
            lines.add(Charts.Line.reference("asked: " + Numbers.format(pca.requested()),
                    new double[] {1, Math.max(1, p)}, new double[] {pca.requested(), pca.requested()}));
        }
        return lines;
    }
}
