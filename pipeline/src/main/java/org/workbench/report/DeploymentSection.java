package org.workbench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.workbench.deployment.DeploymentRecord;
import org.workbench.deployment.PartialDependence;
import org.workbench.stage.StageResult;

/**
 * The deployment part of the report when the run drew partial dependence ({@code deploy.partial_dependence}):
 * one chart per column, the average prediction as the column alone changes, then the stage's lines
 * and recorded values without the curves' numbers.
 */
final class DeploymentSection {
    private DeploymentSection() {
    }

    static String render(StageResult stage, DeploymentRecord d, Svg svg) {
        StringBuilder sb = new StringBuilder(Html.lines(stage.details()));
        sb.append("<h3>Partial dependence</h3><p>How the average prediction over ").append(d.partialDependence().isEmpty()
                        ? 0 : d.partialDependence().get(0).rows())
                .append(" training rows changes when one input column alone is set to each value shown (at most ")
                .append(PartialDependence.GRID).append(" values: quantiles from 5% to 95%, or the most frequent levels),"
                        + " every other column kept as it was. The columns whose curves move most come first."
                        + " A flat curve means the model barely uses the column on its own; it may still act with others.</p>\n");
        int i = 0;
        for (PartialDependence c : d.partialDependence()) {
            String id = "partial-dependence-" + i++;
            String title = "Partial dependence on " + c.column();
            String yTitle = c.curves().size() == 1 ? c.curves().keySet().iterator().next() : "average prediction";
            String caption = c.column() + ": spread " + Html.number(c.spread()) + " (largest rise or fall of the curve)";
            if (c.values() != null) {
                sb.append(Html.figure(id, () -> svg.of(Charts.lines(title, c.column(), yTitle, lines(c)), title), caption));
            } else {
                sb.append(Html.figure(id, () -> svg.of(Charts.bars(title, c.column(), yTitle, c.levels(), c.curves()), title),
                        caption));
            }
        }
        var data = (com.fasterxml.jackson.databind.node.ObjectNode) Html.tree(d);
        data.remove("partial_dependence");
        return sb + "<details><summary>recorded values</summary>" + Html.json(data) + "</details>";
    }

    private static List<Charts.Line> lines(PartialDependence c) {
        double[] x = c.values().stream().mapToDouble(Double::doubleValue).toArray();
        List<Charts.Line> out = new ArrayList<>();
        for (Map.Entry<String, List<Double>> curve : c.curves().entrySet()) {
            out.add(Charts.Line.of(curve.getKey(), x, curve.getValue().stream().mapToDouble(Double::doubleValue).toArray()));
        }
        return out;
    }
}
