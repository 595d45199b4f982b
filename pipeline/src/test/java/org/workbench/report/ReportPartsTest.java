package org.workbench.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.workbench.config.Yaml;
import org.workbench.core.InputException;

class ReportPartsTest {
    @Test
    void rocSweepsThresholdsFromHighToLow() {
        // scores 0.9 (pos), 0.8 (neg), 0.7 (pos), 0.6 (neg): 2 positives, 2 negatives
        RocPr.Curve roc = RocPr.roc(new double[] {0.6, 0.9, 0.7, 0.8}, new boolean[] {false, true, true, false});
        assertArrayEquals(new double[] {0, 0, 0.5, 0.5, 1}, roc.x(), 1e-12);
        assertArrayEquals(new double[] {0, 0.5, 0.5, 1, 1}, roc.y(), 1e-12);
        // precision after each row: 1/1, 1/2, 2/3, 2/4 at recall 0.5, 0.5, 1, 1
        RocPr.Curve pr = RocPr.precisionRecall(new double[] {0.6, 0.9, 0.7, 0.8}, new boolean[] {false, true, true, false});
        assertArrayEquals(new double[] {0.5, 0.5, 1, 1}, pr.x(), 1e-12);
        assertArrayEquals(new double[] {1, 0.5, 2.0 / 3, 0.5}, pr.y(), 1e-12);
    }

    @Test
    void tiedScoresEnterTogether() {
        RocPr.Curve roc = RocPr.roc(new double[] {0.9, 0.9, 0.1}, new boolean[] {true, false, false});
        assertArrayEquals(new double[] {0, 0.5, 1}, roc.x(), 1e-12);
        assertArrayEquals(new double[] {0, 1, 1}, roc.y(), 1e-12);
    }

    @Test
    void svgLosesItsNamespacesAndIsLabelled() {
        String raw = "<svg xmlns='http://www.w3.org/2000/svg' xmlns:xlink='http://www.w3.org/1999/xlink'"
                + " width='600' height='400' viewBox='0 0 600 400'><g clip-path='url(#c7_clip-0)'/></svg>";
        assertEquals("<svg role=\"img\" aria-label=\"a &lt;chart&gt;\" class=\"chart\" width='600' height='400'"
                + " viewBox='0 0 600 400'><g clip-path='url(#c7_clip-0)'/></svg>", Svg.clean(raw, "a <chart>"));
    }

    @Test
    void coordinatesHaveAtMostTwoDecimals() {
        assertEquals("12.35", Svg.twoDecimals(12.3456));
        assertEquals("3", Svg.twoDecimals(3.0004));
        assertEquals("0", Svg.twoDecimals(-0.001));
        assertEquals("-6.56", Svg.twoDecimals(-6.5625));
        assertEquals("0.1", Svg.twoDecimals(0.1));
        assertEquals("-0.05", Svg.twoDecimals(-0.05));
        assertEquals("1000", Svg.twoDecimals(999.999));
        assertEquals("760", Svg.twoDecimals(760));
    }

    @Test
    void everyChartOnAPageHasItsOwnClipIds() {
        Svg svg = new Svg();
        String first = svg.of(Charts.bars("a", "x", "y", List.of("p", "q"), Map.of("s", List.of(1.0, 2.0))), "first");
        String second = svg.of(Charts.bars("b", "x", "y", List.of("p", "q"), Map.of("s", List.of(1.0, 2.0))), "second");
        assertTrue(first.startsWith("<svg role=\"img\" aria-label=\"first\" class=\"chart\""), first.substring(0, 120));
        assertTrue(first.contains("id='c1_clip-0'") && second.contains("id='c2_clip-0'"), second.substring(0, 300));
        assertTrue(!first.contains("http://") && first.contains("viewBox='0 0 "), first.substring(0, 300));
    }

    @Test
    void csvFieldsMayBeQuoted() {
        assertArrayEquals(new String[] {"1", "a,b", "say \"hi\"", ""}, PredictionRows.split("1,\"a,b\",\"say \"\"hi\"\"\","));
    }

    @Test
    void jsonListsOfObjectsBecomeOneTableWithEveryKey() throws Exception {
        String html = Html.json(Yaml.MAPPER.readTree("[{name: a, min: 1.5}, {name: b, top: x}]"));
        assertEquals("<table><thead><tr><th>name</th><th>min</th><th>top</th></tr></thead><tbody>"
                + "<tr><td>a</td><td>1.5000</td><td></td></tr><tr><td>b</td><td></td><td>x</td></tr></tbody></table>", html);
        assertEquals("a &amp; b &lt;c&gt;", Html.escape("a & b <c>"));
    }

    @Test
    void recordedImportanceAndWarningsAreShown() {
        String run = """
                {"name": "x", "seed": 1, "config": {}, "data": {"sha256": "abc"},
                 "stages": [
                  {"stage": "collection", "summary": "read", "details": [], "data": {"warnings": [
                     {"kind": "identifier", "column": "id", "value": 1.0, "message": "id looks like an identifier"},
                     {"kind": "constant", "column": "c", "value": 0.0, "message": "c <is> constant"}]}},
                  {"stage": "evaluation", "summary": "scored", "details": [], "data": {
                     "test": {"accuracy": 0.8}, "train": {"accuracy": 0.9}, "baseline": {"accuracy": 0.5},
                     "importance": {"permutation": [{"feature": "age", "value": 0.05, "std": 0.01},
                                                    {"feature": "sex", "value": 0.20, "std": 0.02}], "model": []}}}]}
                """;
        String html = HtmlReport.render(RunRecord.parse(run, "run.json"), null);
        assertEquals(true, html.contains("<li>id looks like an identifier</li><li>c &lt;is&gt; constant</li>"), html);
        assertEquals(true, html.contains("id=\"feature-importance-permutation\""));
        assertEquals(false, html.contains("feature-importance-model"), "an empty list draws nothing");
        assertEquals(true, html.contains("aria-label=\"Feature importance (permutation)\""));
    }

    /** A run.json in another shape (an older version's, or edited by hand) is one line naming the file and the field. */
    @Test
    void aRunJsonThatDoesNotMatchNamesTheFileAndTheField() {
        String legacy = """
                {"name": "x", "stages": [
                  {"stage": "training", "summary": "trained", "details": [], "data": {"feature_importance": {"a": 1.0}}}]}
                """;
        InputException e = assertThrows(InputException.class, () -> RunRecord.parse(legacy, "runs/a/run.json"));
        assertTrue(e.getMessage().startsWith("runs/a/run.json: field stages[0].data.feature_importance: unknown field;"),
                e.getMessage());
        String wrongType = "{\"name\": \"x\", \"seed\": \"soon\"}";
        e = assertThrows(InputException.class, () -> RunRecord.parse(wrongType, "r.json"));
        assertTrue(e.getMessage().startsWith("r.json: field seed: not a value of type long;"), e.getMessage());
        e = assertThrows(InputException.class, () -> RunRecord.parse("{\"stages\": [{\"stage\": \"polishing\", \"data\": {}}]}", "r.json"));
        assertTrue(e.getMessage().startsWith("r.json: field stages[0].stage: unknown stage 'polishing' (stages are definition,"),
                e.getMessage());
        e = assertThrows(InputException.class, () -> RunRecord.parse("{\"name\": ", "r.json"));
        assertTrue(e.getMessage().startsWith("r.json: not valid JSON at line 1"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }
}
