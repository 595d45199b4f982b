package org.workbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.workbench.core.Json;
import org.workbench.definition.DefinitionRecord;
import org.workbench.evaluation.EvaluationRecord;
import org.workbench.stage.StageResult;

/** The headline's verdict applies the run's own limits to the recorded scores. */
class HeadlineTest {
    /** accuracy with a baseline of 0.5: the room is 0.5, overfitting from a gap of 0.05, underfitting below 0.75. */
    private static RunRecord run(double train, double test) {
        ObjectNode config = Json.MAPPER.createObjectNode();
        config.putObject("evaluate").put("overfit_gap", 0.1);
        config.putObject("tune").putObject("lab").put("underfit_share", 0.5).put("still_rising", 0.01);
        DefinitionRecord definition = new DefinitionRecord("classification", "y", "accuracy", "tree", Map.of("a", 5, "b", 5),
                "b", 0, null, null, null, null);
        EvaluationRecord evaluation = new EvaluationRecord(Map.of("accuracy", test), Map.of("accuracy", train),
                Map.of("accuracy", 0.5), null, List.of(), Map.of("accuracy", new double[] {0.8, 0.02}), null, null, null, null,
                null, null, null, null);
        return new RunRecord("r", "r.yaml", null, null, 1, Map.of(), null, config,
                List.of(StageResult.of("definition", "", List.of(), definition), StageResult.of("evaluation", "", List.of(),
                        evaluation)), null);
    }

    @Test
    void verdictsFollowTheRunsLimits() {
        assertEquals("fine", Headline.facts(run(0.90, 0.88)).verdict().kind());
        Headline.Verdict over = Headline.facts(run(0.95, 0.85)).verdict();
        assertEquals("overfitting", over.kind());
        assertTrue(over.text().contains("beats test 0.8500 by 0.1000, at least the limit 0.0500"), over.text());
        Headline.Verdict under = Headline.facts(run(0.70, 0.69)).verdict();
        assertEquals("underfitting", under.kind());
        assertTrue(under.text().contains("is below 0.7500"), under.text());
        assertEquals("overfitting and underfitting", Headline.facts(run(0.74, 0.6)).verdict().kind());
    }

    @Test
    void theBoxLeadsWithTheTestScoreBesideBaselineAndCrossValidation() {
        Headline.Facts f = Headline.facts(run(0.90, 0.88));
        assertEquals(0.88, f.test());
        assertEquals(0.5, f.baseline());
        String html = Headline.render(run(0.90, 0.88));
        assertTrue(html.startsWith("<section id=\"headline\" class=\"headline\">"), html);
        assertTrue(html.contains("Classification of <b>y</b> with <b>tree</b>: test accuracy <b class=\"score\">0.8800</b>"
                + " (baseline 0.5000, cross-validation 0.8000 &plusmn; 0.0200, train 0.9000)."), html);
        // the run stopped before deployment: no bundle
        assertTrue(html.contains("not written (the run stopped before deployment)"), html);
    }
}
