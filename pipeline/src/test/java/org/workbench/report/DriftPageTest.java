package org.workbench.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workbench.core.Json;
import org.workbench.monitoring.ColumnDrift;
import org.workbench.monitoring.DriftResult;
import org.workbench.monitoring.Performance;
import org.workbench.monitoring.Verdict;

class DriftPageTest {
    /** Metrics in insertion order f1, accuracy (drift.json sorts them); a NaN p-value, which drift.json holds as text. */
    private static DriftResult result() {
        ColumnDrift age = new ColumnDrift("Age", "numeric", 40, 0.42, "ks", 0.3, 1e-6, 0.1, 0.25, 0.03, null, "drifted",
                List.of("(-inf, 20]", "(20, 40]", "(40, inf)"), List.of(0.3, 0.5, 0.2), List.of(0.1, 0.3, 0.6));
        ColumnDrift sex = new ColumnDrift("Sex", "categorical", 40, 0.01, "chi2", Double.NaN, Double.NaN, 0, 0, null, 0.05,
                "stable", List.of("female", "male"), List.of(0.35, 0.65), List.of(0.4, 0.6));
        ColumnDrift predictions = new ColumnDrift("predictions", "categorical", 40, null, "chi2", null, null, 0, 0, null, null,
                "moderate", List.of("0", "1"), List.of(0.6, 0.4), List.of(0.45, 0.55));
        Map<String, Double> now = new LinkedHashMap<>();
        now.put("f1", 0.7);
        now.put("accuracy", 0.8);
        Map<String, Double> then = new LinkedHashMap<>();
        then.put("f1", 0.75);
        then.put("accuracy", 0.78);
        Map<String, Double> change = new LinkedHashMap<>();
        change.put("f1", -0.05);
        change.put("accuracy", 0.02);
        return new DriftResult("model.bundle", "new.csv", "titanic", "logistic_regression", "classification", "Survived", 40, 700,
                Map.of("psi_major", 0.25), "a column drifts when ...", List.of(age, sex), predictions,
                Verdict.of(List.of(age, sex), predictions), new Performance("f1", 40, now, then, change, "f1 now 0.7000"),
                List.of("warning: one odd cell"));
    }

    @Test
    void theResultAndItsDriftJsonGiveTheSamePage(@TempDir Path dir) throws Exception {
        DriftResult result = result();
        Path handed = DriftPage.write(Files.createDirectory(dir.resolve("a")), result);
        Path read = DriftPage.write(Files.createDirectory(dir.resolve("b")), Json.write(result) + "\n");
        assertArrayEquals(Files.readAllBytes(handed), Files.readAllBytes(read));
    }

    @Test
    void pageShowsScoresMetricsAndChangedColumns() {
        String html = DriftPage.render(result());
        assertTrue(html.contains("<p class=\"diagnosis\">DRIFT: 1 of 2 input columns drifted"), "the verdict");
        assertTrue(html.indexOf("<td>accuracy</td>") < html.indexOf("<td>f1</td>"), "metrics in drift.json's (sorted) order");
        assertTrue(html.contains("KS D 0.3000, p &lt; 0.0001"));
        assertTrue(html.contains("chi2 not possible (too few values)"), "a NaN p-value is no test result");
        assertTrue(html.contains("aria-label=\"training and new shares of Age\""));
        assertTrue(html.contains("aria-label=\"training and new shares of predictions\""));
        assertFalse(html.contains("training and new shares of Sex"), "a stable column is not charted");
        assertTrue(html.contains("warning: one odd cell"));
    }
}
