package org.workbench.fairness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.workbench.data.Predictions;
import org.workbench.data.Target;
import org.workbench.data.Task;
import org.workbench.fairness.FairnessRecord.Audit;
import org.workbench.fairness.FairnessRecord.Gap;
import org.workbench.fairness.FairnessRecord.Group;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The audit on tables small enough to count by hand. */
class FairnessAuditTest {
    private static final double EPS = 1e-12;

    /**
     * Group A (5 rows): truth yes yes no no no, predicted yes no yes no no: selection 2/5, accuracy 3/5,
     * precision 1/2, TPR 1/2, FPR 1/3. Group B (4 rows): truth yes no no no, predicted the same:
     * selection 1/4, accuracy 1, precision 1, TPR 1, FPR 0. Two rows with no group: too small at 3.
     */
    private static final String[] GROUP = {"A", "A", "A", "A", "A", "B", "B", "B", "B", "", ""};
    private static final String[] TRUTH = {"yes", "yes", "no", "no", "no", "yes", "no", "no", "no", "yes", "no"};
    private static final String[] SAID = {"yes", "no", "yes", "no", "no", "yes", "no", "no", "no", "yes", "yes"};

    private static Table table(String[]... columns) {
        Table t = Table.create("raw");
        String[] names = {"g", "h"};
        for (int i = 0; i < columns.length; i++) {
            t.addColumns(StringColumn.create(names[i], columns[i]));
        }
        return t;
    }

    private static List<Audit> classify(int minGroupSize, Table raw, String[] truth, String[] said) {
        FairnessAudit audit = new FairnessAudit(new FairnessConfig(raw.columnNames(), minGroupSize, 50), Task.CLASSIFICATION, "yes");
        return audit.audit(raw, Target.labels("y", truth), Predictions.classification(said, null, List.of("no", "yes")));
    }

    @Test
    void groupMetricsAndGapsAreTheHandCountedOnes() {
        Audit a = classify(3, table(GROUP), TRUTH, SAID).get(0);
        assertEquals("g", a.by());
        assertEquals(List.of("A", "B", "(missing)"), a.groups().stream().map(Group::name).toList());
        Group groupA = a.groups().get(0);
        assertEquals(5, groupA.count());
        assertFalse(groupA.tooSmall());
        assertEquals(0.4, groupA.baseRate(), EPS);
        assertEquals(0.4, groupA.selectionRate(), EPS);
        assertEquals(0.6, groupA.accuracy(), EPS);
        assertEquals(0.5, groupA.precision(), EPS);
        assertEquals(0.5, groupA.recall(), EPS);
        assertEquals(1.0 / 3, groupA.falsePositiveRate(), EPS);
        Group groupB = a.groups().get(1);
        assertEquals(0.25, groupB.selectionRate(), EPS);
        assertEquals(1.0, groupB.accuracy(), EPS);
        assertEquals(1.0, groupB.recall(), EPS);
        assertEquals(0.0, groupB.falsePositiveRate(), EPS);
        // the missing group is its own group, too small to have numbers
        Group missing = a.groups().get(2);
        assertEquals(2, missing.count());
        assertTrue(missing.tooSmall());
        assertNull(missing.selectionRate());
        assertNull(missing.accuracy());

        Gap parity = a.demographicParity();
        assertEquals("selection_rate", parity.metric());
        assertEquals(0.15, parity.difference(), EPS);
        assertEquals(0.625, parity.ratio(), EPS);
        assertEquals("B", parity.lowest());
        assertEquals("A", parity.highest());
        assertEquals("selection rate of 'yes': 'B' 0.2500 vs 'A' 0.4000; difference 0.1500, ratio 0.6250"
                + " (below 0.8: fails the four-fifths rule)", parity.words());

        // TPR differs by 1/2, FPR by 1/3: the larger is the equalized-odds difference; the ratio is the smaller (0 / (1/3))
        Gap odds = a.equalizedOdds();
        assertEquals("true_positive_rate", odds.metric());
        assertEquals(0.5, odds.difference(), EPS);
        assertEquals(0.0, odds.ratio(), EPS);
        assertEquals("A", odds.lowest());
        assertEquals("B", odds.highest());
        assertEquals("equalized odds difference 0.5000, the larger of the true positive rate gap ('A' 0.5000 vs 'B' 1.0000)"
                + " and the false positive rate gap ('B' 0.0000 vs 'A' 0.3333)", odds.words());
        assertNull(a.rmse());
        assertNull(a.note());
    }

    @Test
    void tooSmallGroupsLeaveNoGap() {
        Audit a = classify(5, table(GROUP), TRUTH, SAID).get(0);
        assertEquals(List.of(false, true, true), a.groups().stream().map(Group::tooSmall).toList());
        assertNull(a.demographicParity());
        assertNull(a.equalizedOdds());
        assertEquals("fewer than 2 groups have at least 5 rows (evaluate.fairness.min_group_size): no gap to measure", a.note());
    }

    @Test
    void twoColumnsAreAuditedAloneAndIntersected() {
        String[] h = {"x", "x", "x", "y", "y", "x", "x", "y", "y", "x", "y"};
        List<Audit> audits = classify(1, table(GROUP, h), TRUTH, SAID);
        assertEquals(List.of("g", "h", "g & h"), audits.stream().map(Audit::by).toList());
        assertEquals(List.of("A & x", "A & y", "B & x", "B & y", "(missing) & x", "(missing) & y"),
                audits.get(2).groups().stream().map(Group::name).toList());
        assertEquals(List.of(3, 2, 2, 2, 1, 1), audits.get(2).groups().stream().map(Group::count).toList());
        // h: x has rows 0,1,2,5,6,9 (predicted yes at 0,2,5,9: 4/6); y has rows 3,4,7,8,10 (yes at 10: 1/5)
        assertEquals(0.2 / (4.0 / 6), audits.get(1).demographicParity().ratio(), EPS);
    }

    @Test
    void withMoreClassesThePositiveClassIsAuditedAgainstTheRest() {
        Table raw = table(new String[] {"A", "A", "A", "B", "B", "B"});
        String[] truth = {"a", "b", "c", "a", "b", "c"};
        String[] said = {"a", "c", "b", "b", "b", "a"};
        FairnessAudit audit = new FairnessAudit(new FairnessConfig(List.of("g"), 1, 50), Task.CLASSIFICATION, "a");
        Audit a = audit.audit(raw, Target.labels("y", truth), Predictions.classification(said, null, List.of("a", "b", "c"))).get(0);
        Group groupA = a.groups().get(0);
        // 'c' predicted as 'b' is wrong, but is a true negative for class 'a'
        assertEquals(1.0 / 3, groupA.selectionRate(), EPS);
        assertEquals(1.0 / 3, groupA.accuracy(), EPS);
        assertEquals(1.0, groupA.recall(), EPS);
        assertEquals(0.0, groupA.falsePositiveRate(), EPS);
        Group groupB = a.groups().get(1);
        assertEquals(0.0, groupB.recall(), EPS);
        assertEquals(0.5, groupB.falsePositiveRate(), EPS);
        assertEquals(1.0, a.equalizedOdds().difference(), EPS);
    }

    @Test
    void regressionComparesErrorsPerGroup() {
        Table raw = Table.create("raw", DoubleColumn.create("g", 1, 1, 1, 2, 2, 2));
        double[] truth = {1, 2, 3, 0, 0, 0};
        double[] predicted = {1, 2, 5, 1, 1, 1};
        FairnessAudit audit = new FairnessAudit(new FairnessConfig(List.of("g"), 1, 50), Task.REGRESSION, null);
        Audit a = audit.audit(raw, Target.values("y", truth), Predictions.regression(predicted)).get(0);
        assertEquals(List.of("1", "2"), a.groups().stream().map(Group::name).toList());
        assertEquals(Math.sqrt(4.0 / 3), a.groups().get(0).rmse(), EPS);
        assertEquals(2.0 / 3, a.groups().get(0).mae(), EPS);
        assertEquals(1.0, a.groups().get(1).rmse(), EPS);
        assertEquals(Math.sqrt(4.0 / 3) - 1, a.rmse().difference(), EPS);
        assertEquals("2", a.rmse().lowest());
        assertEquals(1.0 / 3, a.mae().difference(), EPS);
        assertEquals("1", a.mae().lowest());
        assertNull(a.demographicParity());
        assertNull(a.groups().get(0).selectionRate());
    }

    @Test
    void foldGapsAreMeanAndSampleStd() {
        Gap first = new Gap("selection_rate", 0.1, 0.5, "B", "A", "");
        Gap second = new Gap("selection_rate", 0.3, 0.7, "B", "A", "");
        List<FairnessRecord.FoldGaps> gaps = FairnessAudit.overFolds(List.of(
                new FairnessRecord.FoldAudit(1, List.of(new Audit("g", List.of(), first, null, null, null, null))),
                new FairnessRecord.FoldAudit(2, List.of(new Audit("g", List.of(), second, null, null, null, null)))));
        assertEquals(1, gaps.size());
        Map<String, double[]> g = gaps.get(0).gaps();
        assertEquals(List.of("demographic_parity_difference", "demographic_parity_ratio"), List.copyOf(g.keySet()));
        assertEquals(0.2, g.get("demographic_parity_difference")[0], EPS);
        assertEquals(Math.sqrt(0.02), g.get("demographic_parity_difference")[1], EPS);
        assertEquals(0.6, g.get("demographic_parity_ratio")[0], EPS);
    }
}
