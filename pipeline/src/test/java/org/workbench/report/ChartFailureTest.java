package org.workbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.workbench.evaluation.EvaluationRecord;
import org.workbench.stage.StageResult;

/** A chart that cannot be drawn leaves a sentence saying why in its place; the page is still written. */
class ChartFailureTest {

    @Test
    void aFailingChartBecomesOneSentence() {
        // XChart refuses a line without points: the failure that once ended whole runs
        String html = Html.figure("empty", () -> new Svg().of(Charts.lines("t", "x", "y",
                List.of(Charts.Line.of("nothing", new double[0], new double[0]))), "empty"), "A caption.");
        assertTrue(html.startsWith("<figure id=\"empty\"><p class=\"chart-missing\">This chart could not be drawn: "), html);
        assertTrue(html.contains("Y-Axis data cannot be empty"), html);
        assertTrue(html.contains("<figcaption>A caption.</figcaption>"), html);
        assertFalse(html.contains("<svg"), html);
    }

    @Test
    void theReasonIsOneEscapedLine() {
        String html = Html.figure("x", () -> {
            throw new IllegalStateException("bad <value>\n  at the end!!!");
        }, "c");
        assertTrue(html.contains("This chart could not be drawn: bad &lt;value&gt; at the end.</p>"), html);
        assertEquals("NullPointerException", Html.reason(new NullPointerException()));
    }

    /** Three classes known to the model; the test rows hold only "a" and "b" (class "c" has support 0). */
    @Test
    void aClassWithoutTestRowsGetsNoCurveAndTheOthersDo() throws IOException {
        RunRecord run = RunRecord.parse("{\"config\": {\"problem\": {}}, \"stages\": [{\"stage\": \"evaluation\","
                + " \"summary\": \"scored\", \"details\": [], \"data\": {\"test\": {\"accuracy\": 0.75}, \"train\": {\"accuracy\": 1.0},"
                + " \"test_report\": {\"classes\": [\"a\", \"b\", \"c\"],"
                + " \"confusion_matrix\": [[2, 0, 0], [1, 1, 0], [0, 0, 0]]}}}]}", "run.json");
        StageResult stage = run.stages().get(0);
        PredictionRows rows = new PredictionRows(Map.of("truth", new String[] {"a", "a", "b", "b"}), Map.of(
                "prob_a", new double[] {0.8, 0.7, 0.6, 0.2},
                "prob_b", new double[] {0.1, 0.2, 0.3, 0.7},
                "prob_c", new double[] {0.1, 0.1, 0.1, 0.1}));
        String html = EvaluationSection.render(run, stage, (EvaluationRecord) stage.data(), rows, new Svg());
        assertTrue(html.contains("<p>No curve for 'c': a curve needs test rows of the class and of the others, and the test"
                + " split has no row of it.</p>"), html);
        assertTrue(html.contains("id=\"roc-curve\"><svg"), "the curves of a and b are drawn");
        assertFalse(html.contains("chart-missing"), html);
    }

    /** A probability that is not a number (a damaged predictions file): the evaluation part fails, the page does not. */
    @Test
    void aSectionThatCannotBeRenderedSaysWhyAndThePageGoesOn() throws IOException {
        RunRecord run = RunRecord.parse("{\"name\": \"t\", \"config\": {\"problem\": {}}, \"stages\": [{\"stage\":"
                + " \"evaluation\", \"summary\": \"scored\", \"data\": {\"test\": {\"accuracy\": 0.5},"
                + " \"test_report\": {\"classes\": [\"a\", \"b\"], \"confusion_matrix\": [[1, 0], [1, 0]]}}}]}", "run.json");
        PredictionRows rows = new PredictionRows(Map.of("truth", new String[] {"a", "b"}, "prob_a", new String[] {"0.9", "0.8"},
                "prob_b", new String[] {"0.1", "oops"}), Map.of());
        String html = HtmlReport.render(run, rows);
        assertTrue(html.contains("<p class=\"chart-missing\">This part of the report could not be rendered: "), html);
        assertTrue(html.contains("<p class=\"summary\">scored</p>"), "the stage's summary is still shown");
        assertTrue(html.contains("<section id=\"provenance\">"), "the sections after it are still written");
    }
}
