package org.workbench.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.workbench.config.Yaml;

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
    void svgLosesItsPrologueAndNamespacesAndGetsUniqueClipIds() {
        String raw = """
                <?xml version="1.0" encoding="UTF-8" standalone="no"?>
                <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
                <svg xmlns:xlink="http://www.w3.org/1999/xlink" height="400px" width="600px" xmlns="http://www.w3.org/2000/svg">
                  <defs><clipPath id="clip861274344"><rect height="323.609375" width="441.2"/></clipPath></defs>
                  <g clip-path="url(#clip861274344)"><path d="M-6.5625,-0.140625 L2,3"/></g>
                </svg>""";
        String clean = Svg.clean(raw, "c7_", "a <chart>");
        assertEquals("""
                <svg role="img" aria-label="a &lt;chart&gt;" class="chart" height="400px" width="600px">
                  <defs><clipPath id="c7_clip861274344"><rect height="323.61" width="441.2"/></clipPath></defs>
                  <g clip-path="url(#c7_clip861274344)"><path d="M-6.56,-0.14 L2,3"/></g>
                </svg>""", clean);
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
        assertEquals(List.of("x"), HtmlReport.text(Yaml.MAPPER.readTree("[x]")));
    }

    @Test
    void recordedImportanceAndWarningsAreShownInWhicheverShapeTheyCome() throws Exception {
        String run = """
                {"name": "x", "seed": 1, "config": {}, "data": {"sha256": "abc"},
                 "stages": [
                  {"stage": "collection", "summary": "read", "details": [], "data": {"warnings": [
                     {"kind": "identifier", "column": "id", "message": "id looks like an identifier"}, "plain text warning"]}},
                  {"stage": "evaluation", "summary": "scored", "details": [], "data": {
                     "test": {"accuracy": 0.8}, "train": {"accuracy": 0.9}, "baseline": {"accuracy": 0.5},
                     "importance": {"permutation": [{"feature": "age", "value": 0.05, "std": 0.01},
                                                    {"feature": "sex", "value": 0.20, "std": 0.02}], "model": []}}},
                  {"stage": "training", "summary": "trained", "details": [], "data": {"feature_importance": {"a": 1.0, "b": -2.0}}}]}
                """;
        String html = HtmlReport.render(Yaml.MAPPER.readTree(run), null);
        assertEquals(true, html.contains("<li>id looks like an identifier</li><li>plain text warning</li>"));
        assertEquals(true, html.contains("id=\"feature-importance-permutation\""));
        assertEquals(true, html.contains("id=\"feature-importance\""));
        assertEquals(false, html.contains("feature-importance-model"), "an empty list draws nothing");
        assertEquals(true, html.contains("aria-label=\"Feature importance (permutation)\""));
    }
}
