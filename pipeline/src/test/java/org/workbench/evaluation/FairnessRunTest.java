package org.workbench.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workbench.collection.CollectionStage;
import org.workbench.data.Frame;
import org.workbench.data.Labels;
import org.workbench.fairness.FairnessRecord;
import org.workbench.report.RunSchemas;
import org.workbench.run.ConfigLoader;
import org.workbench.run.Runner;
import org.workbench.stage.StageResult;

/**
 * Adult audited by sex while sex is not a feature: the groups come from the raw rows, the numbers are
 * the ones counted from the raw test rows and the final predictions, and every output carries them.
 */
class FairnessRunTest {
    @TempDir
    static Path out;
    static Runner.Outcome run;
    static FairnessRecord audit;
    static StageResult evaluation;

    @BeforeAll
    static void run() {
        run = Runner.run(ConfigLoader.load(Path.of("../configs/adult.yaml"), List.of("train.model=logistic_regression",
                "train.params={epochs: 1}", "evaluate.cv_folds=2", "preprocess.drop=[fnlwgt, sex]",
                "evaluate.fairness.groups=[sex]")), out, null, r -> { });
        evaluation = run.results().stream().filter(r -> r.stage().equals("evaluation")).findFirst().orElseThrow();
        audit = ((EvaluationRecord) evaluation.data()).fairness();
    }

    @Test
    void theTestRowsAreCountedByTheRawGroupColumn() {
        Frame rawTest = run.context().get(CollectionStage.RAW_TEST);
        String[] sex = Labels.of(rawTest.features().column("sex"));
        String[] truth = rawTest.target().labels();
        String[] said = run.context().get(EvaluationStage.EVALUATED_MODEL).testPredictions().labels();
        FairnessRecord.Audit bySex = audit.test().get(0);
        assertEquals("sex", bySex.by());
        assertEquals(List.of("Female", "Male"), bySex.groups().stream().map(FairnessRecord.Group::name).toList());
        for (FairnessRecord.Group g : bySex.groups()) {
            int rows = 0;
            int positive = 0;
            int selected = 0;
            for (int i = 0; i < sex.length; i++) {
                if (sex[i].equals(g.name())) {
                    rows++;
                    positive += truth[i].equals(">50K") ? 1 : 0;
                    selected += said[i].equals(">50K") ? 1 : 0;
                }
            }
            assertEquals(rows, g.count(), g.name());
            assertEquals((double) positive / rows, g.baseRate(), 1e-12, g.name());
            assertEquals((double) selected / rows, g.selectionRate(), 1e-12, g.name());
        }
        double female = bySex.groups().get(0).selectionRate();
        double male = bySex.groups().get(1).selectionRate();
        assertEquals(Math.min(female, male) / Math.max(female, male), bySex.demographicParity().ratio(), 1e-12);
        assertTrue(bySex.demographicParity().ratio() < 0.8, bySex.demographicParity().words());
        assertEquals("Female", bySex.demographicParity().lowest());
        assertEquals(">50K", audit.positiveClass());
    }

    @Test
    void everyFoldIsAuditedOnItsHeldOutRows() {
        assertEquals(2, audit.cvFolds().size());
        int rows = audit.cvFolds().stream().mapToInt(f -> f.audits().get(0).groups().stream()
                .mapToInt(FairnessRecord.Group::count).sum()).sum();
        assertEquals(run.context().get(CollectionStage.RAW_TRAIN).rows(), rows);
        double[] ratio = audit.cv().get(0).gaps().get("demographic_parity_ratio");
        double mean = (audit.cvFolds().get(0).audits().get(0).demographicParity().ratio()
                + audit.cvFolds().get(1).audits().get(0).demographicParity().ratio()) / 2;
        assertEquals(mean, ratio[0], 1e-12);
    }

    @Test
    void theTerminalTheFilesAndTheReportCarryIt() throws IOException {
        List<FairnessRecord.Group> groups = audit.test().get(0).groups();
        assertTrue(evaluation.summary().endsWith(String.format(java.util.Locale.ROOT, "; by sex: selection rate of '>50K'"
                + " Female %.4f, Male %.4f, parity ratio %.4f", groups.get(0).selectionRate(), groups.get(1).selectionRate(),
                audit.test().get(0).demographicParity().ratio())), evaluation.summary());
        assertTrue(evaluation.details().contains("    " + audit.test().get(0).demographicParity().words()), evaluation.details().toString());
        String metrics = Files.readString(run.dir().resolve("metrics.json"), StandardCharsets.UTF_8);
        assertTrue(metrics.contains("\"demographic_parity\""), "metrics.json");
        assertEquals(List.of(), RunSchemas.problems(run.dir()));
        String html = Files.readString(run.dir().resolve("report.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("<section id=\"fairness\"><h2>Fairness</h2>"), "fairness section");
        int chart = html.indexOf("<figure id=\"fairness-0-chart\">");
        assertTrue(chart > 0 && html.startsWith("<svg", chart + "<figure id=\"fairness-0-chart\">".length()), "fairness bars");
    }

    @Test
    void withoutTheSectionNothingIsRecorded() {
        assertFalse(ConfigLoader.load(Path.of("../configs/adult.yaml"), List.of()).resolved().path("evaluate").has("fairness"));
        assertTrue(run.context().config().resolved().path("evaluate").path("fairness").path("groups").isArray());
    }
}
