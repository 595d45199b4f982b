package org.workbench.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.workbench.core.InputException;
import org.workbench.data.Predictions;

class ClassificationMetricsTest {
    private static final double TOL = 1e-9;

    private static String[] split(String labels) {
        return labels.split(" ");
    }

    private static ClassificationReport labelsOnly(String truth, String predicted, List<String> classes, String positive) {
        return ClassificationMetrics.compute(split(truth), Predictions.classification(split(predicted), null, classes),
                classes, positive);
    }

    /** Binary rows for the positive-class probability {@code score} (class order "0", "1"). */
    private static ClassificationReport binaryScores(String truth, double... score) {
        double[][] probs = new double[score.length][];
        String[] labels = new String[score.length];
        for (int i = 0; i < score.length; i++) {
            probs[i] = new double[] {1 - score[i], score[i]};
            labels[i] = score[i] >= 0.5 ? "1" : "0";
        }
        List<String> classes = List.of("0", "1");
        return ClassificationMetrics.compute(split(truth), Predictions.classification(labels, probs, classes), classes, null);
    }

    @Test
    void binaryScoresFromASmallConfusionMatrix() {
        // positive = "yes": TP = 3, FN = 1, FP = 2, TN = 4, n = 10
        ClassificationReport r = labelsOnly("yes yes yes yes no no no no no no", "yes yes yes no yes yes no no no no",
                List.of("no", "yes"), null);
        assertEquals(List.of("no", "yes"), r.classes());
        assertArrayEquals(new int[][] {{4, 2}, {1, 3}}, r.confusionMatrix()); // rows truth, columns predicted
        assertEquals("yes", r.positive().label()); // default: second class in sorted order
        assertEquals(0.7, r.accuracy(), TOL); // (TP + TN) / n = 7 / 10
        assertEquals(0.6, r.positive().precision(), TOL); // TP / (TP + FP) = 3 / 5
        assertEquals(0.75, r.positive().recall(), TOL); // TP / (TP + FN) = 3 / 4
        assertEquals(2.0 / 3, r.positive().f1(), TOL); // 2TP / (2TP + FP + FN) = 6 / 9
        // (TP TN - FP FN) / sqrt((TP+FP)(TP+FN)(TN+FP)(TN+FN)) = (12 - 2) / sqrt(5 * 4 * 6 * 5) = 10 / sqrt(600)
        assertEquals(0.408248290463863, r.mcc(), TOL);
        // p_o = 0.7; p_e = (4/10)(5/10) + (6/10)(5/10) = 0.5; kappa = (0.7 - 0.5) / (1 - 0.5)
        assertEquals(0.4, r.kappa(), TOL);
        // recall(yes) = 3/4, recall(no) = 4/6; mean = 0.708333...
        assertEquals(0.7083333333333333, r.balancedAccuracy(), TOL);
        // F1(no) = 2*4 / (2*4 + 1 + 2) = 8/11; macro F1 = (2/3 + 8/11) / 2 = 0.696969...
        assertEquals(0.6969696969696970, r.macro().f1(), TOL);
        // weighted F1 = (4 * 2/3 + 6 * 8/11) / 10 = 0.703030...
        assertEquals(0.7030303030303030, r.weighted().f1(), TOL);
        // without probabilities there is no ROC-AUC or log loss
        assertNull(r.rocAuc());
        assertNull(r.logLoss());

        Map<String, Double> h = r.headline();
        assertEquals(List.of("accuracy", "balanced_accuracy", "precision", "recall", "f1", "precision_macro",
                "recall_macro", "f1_macro", "f1_weighted", "mcc", "kappa"), new ArrayList<>(h.keySet()));
        assertEquals(0.6, h.get("precision"), TOL); // binary headline precision = positive class
        assertEquals((0.6 + 0.8) / 2, h.get("precision_macro"), TOL); // precision(no) = 4/5
    }

    @Test
    void explicitPositiveClassAndUnknownPositiveClass() {
        ClassificationReport r = labelsOnly("yes yes yes yes no no no no no no", "yes yes yes no yes yes no no no no",
                List.of("no", "yes"), "no");
        // positive = "no": TP = 4, FP = 1, FN = 2
        assertEquals("no", r.positive().label());
        assertEquals(0.8, r.positive().precision(), TOL); // 4 / 5
        assertEquals(4.0 / 6, r.positive().recall(), TOL); // 4 / 6
        assertEquals(8.0 / 11, r.headline().get("f1"), TOL); // 8 / 11

        InputException e = assertThrows(InputException.class, () -> labelsOnly("yes no", "yes no", List.of("no", "yes"), "Yes"));
        assertEquals("problem.positive_class: 'Yes' is not a class of the target; classes: no, yes", e.getMessage());
    }

    @Test
    void threeClassMacroAndWeightedAverages() {
        // confusion (rows truth a, b, c; columns predicted a, b, c):
        //   a: 3 1 0   (support 4)
        //   b: 2 2 0   (support 4)
        //   c: 0 1 1   (support 2)
        // predicted counts: a 5, b 4, c 1; correct 6 of 10
        ClassificationReport r = labelsOnly("a a a a b b b b c c", "a a a b a a b b b c", List.of("a", "b", "c"), null);
        assertArrayEquals(new int[][] {{3, 1, 0}, {2, 2, 0}, {0, 1, 1}}, r.confusionMatrix());
        assertNull(r.positive());
        assertEquals(0.6, r.accuracy(), TOL);
        // precision a = 3/5, b = 2/4, c = 1/1; recall a = 3/4, b = 2/4, c = 1/2
        // F1 a = 6/9, b = 4/8, c = 2/3
        var a = r.perClass().get(0);
        assertEquals("a", a.label());
        assertEquals(0.6, a.precision(), TOL);
        assertEquals(0.75, a.recall(), TOL);
        assertEquals(2.0 / 3, a.f1(), TOL);
        assertEquals(4, a.support());
        assertEquals(0.7, r.macro().precision(), TOL); // (0.6 + 0.5 + 1) / 3
        assertEquals(0.5833333333333334, r.macro().recall(), TOL); // (0.75 + 0.5 + 0.5) / 3
        assertEquals(0.6111111111111112, r.macro().f1(), TOL); // (2/3 + 1/2 + 2/3) / 3 = 11/18
        assertEquals(0.64, r.weighted().precision(), TOL); // (4*0.6 + 4*0.5 + 2*1) / 10
        assertEquals(0.6, r.weighted().recall(), TOL); // weighted recall = accuracy
        assertEquals(0.6, r.weighted().f1(), TOL); // (4*2/3 + 4*1/2 + 2*2/3) / 10 = 6/10
        assertEquals(0.5833333333333334, r.balancedAccuracy(), TOL); // mean recall
        // Gorodkin: c = 6, s = 10, t = (4, 4, 2), p = (5, 4, 1)
        // (6*10 - (20 + 16 + 2)) / sqrt((100 - (25 + 16 + 1)) (100 - (16 + 16 + 4))) = 22 / sqrt(58 * 64)
        assertEquals(0.361092690364237, r.mcc(), TOL); // 22 / 60.9262
        // p_e = (4*5 + 4*4 + 2*1) / 100 = 0.38; kappa = (0.6 - 0.38) / (1 - 0.38) = 0.22 / 0.62
        assertEquals(0.3548387096774194, r.kappa(), TOL);
        // multiclass headline precision/recall/f1 are the macro averages
        assertEquals(0.6111111111111112, r.headline().get("f1"), TOL);
    }

    @Test
    void neverPredictedClassHasPrecisionZeroAndAbsentClassIsLeftOutOfMacro() {
        // d is a training class absent from truth and predictions; c is never predicted
        ClassificationReport r = labelsOnly("a a b c", "a b b b", List.of("a", "b", "c", "d"), null);
        var c = r.perClass().get(2);
        assertEquals(0.0, c.precision()); // 0 / 0 -> 0 (scikit-learn's zero_division)
        assertEquals(0.0, c.recall()); // 0 / 1
        assertEquals(0.0, c.f1());
        var d = r.perClass().get(3);
        assertEquals(0, d.support());
        assertEquals(0.0, d.precision());
        // per class: a P 1/1 R 1/2 F1 2/3; b P 1/3 R 1/1 F1 2/4; c 0 0 0 -> macro over a, b, c
        assertEquals(0.4444444444444444, r.macro().precision(), TOL); // (1 + 1/3 + 0) / 3
        assertEquals(0.5, r.macro().recall(), TOL); // (1/2 + 1 + 0) / 3
        assertEquals(0.3888888888888889, r.macro().f1(), TOL); // (2/3 + 1/2 + 0) / 3
        assertEquals(0.5, r.balancedAccuracy(), TOL); // mean recall over a, b, c (d has no rows)
        assertEquals(0.5, r.accuracy(), TOL);
    }

    @Test
    void labelUnknownAtTrainingTimeExtendsTheClassList() {
        ClassificationReport r = labelsOnly("no yes maybe", "no yes no", List.of("no", "yes"), null);
        assertEquals(List.of("maybe", "no", "yes"), r.classes());
        assertArrayEquals(new int[][] {{0, 1, 0}, {0, 1, 0}, {0, 0, 1}}, r.confusionMatrix());
        assertEquals(1, r.perClass().get(0).support());
        assertNull(r.positive()); // three classes now: no positive class
    }

    @Test
    void rocAucByRanks() {
        // positives score 0.35 and 0.8; negatives 0.1 and 0.4: 3 of 4 pairs ordered correctly
        assertEquals(0.75, binaryScores("0 0 1 1", 0.1, 0.4, 0.35, 0.8).rocAuc(), TOL);
        // positives {0.5, 0.9, 0.5}, negatives {0.2, 0.5}: pairs won 0.5>0.2, 0.9>0.2, 0.9>0.5, 0.5>0.2 = 4,
        // tied 0.5=0.5 twice = 2 * 1/2; AUC = 5 / 6
        assertEquals(5.0 / 6, binaryScores("0 0 1 1 1", 0.2, 0.5, 0.5, 0.9, 0.5).rocAuc(), TOL);
        // all scores tied: 0.5
        assertEquals(0.5, binaryScores("0 1 0 1", 0.3, 0.3, 0.3, 0.3).rocAuc(), TOL);
        // a single class in the truth: undefined
        ClassificationReport oneClass = binaryScores("1 1", 0.3, 0.7);
        assertNull(oneClass.rocAuc());
        assertFalse(oneClass.headline().containsKey("roc_auc"));
    }

    @Test
    void oneVsRestRocAucForThreeClasses() {
        List<String> classes = List.of("a", "b", "c");
        double[][] probs = {{0.7, 0.2, 0.1}, {0.3, 0.4, 0.3}, {0.2, 0.5, 0.3}, {0.4, 0.3, 0.3}};
        var p = Predictions.classification(split("a b b a"), probs, classes);
        ClassificationReport r = ClassificationMetrics.compute(split("a b c a"), p, classes, null);
        // a: positives {0.7, 0.4} beat negatives {0.3, 0.2}: 1
        // b: positive 0.4 vs {0.2, 0.5, 0.3}: 2/3
        // c: positive 0.3 vs {0.1, 0.3, 0.3}: (1 + 1/2 + 1/2) / 3 = 2/3
        assertEquals(7.0 / 9, r.rocAuc(), TOL); // (1 + 2/3 + 2/3) / 3
    }

    @Test
    void averagePrecisionBinaryAndOneVsRest() {
        assertEquals(0.5 + 1.0 / 3, binaryScores("0 0 1 1", 0.1, 0.4, 0.35, 0.8).averagePrecision(), TOL);
        List<String> classes = List.of("a", "b", "c");
        double[][] probs = {{0.7, 0.2, 0.1}, {0.3, 0.4, 0.3}, {0.2, 0.5, 0.3}, {0.4, 0.3, 0.3}};
        var p = Predictions.classification(split("a b b a"), probs, classes);
        ClassificationReport r = ClassificationMetrics.compute(split("a b c a"), p, classes, null);
        // a: both positives (0.7, 0.4) rank first: 1
        // b: 0.5 (neg) then 0.4 (pos): recall 1 reached at precision 1/2
        // c: 0.3 x3 (neg, pos, neg) tied first: recall 1 at precision 1/3
        assertEquals((1 + 0.5 + 1.0 / 3) / 3, r.averagePrecision(), TOL);
        assertEquals((1 + 0.5 + 1.0 / 3) / 3, r.headline().get("average_precision"), TOL);
    }

    @Test
    void logLossByHand() {
        // probability of the true class: 0.9, 0.6, 0.35, 0.8
        // -(ln 0.9 + ln 0.6 + ln 0.35 + ln 0.8) / 4 = (0.105360516 + 0.510825624 + 1.049822124 + 0.223143551) / 4
        assertEquals(0.4722879537, binaryScores("0 0 1 1", 0.1, 0.4, 0.35, 0.8).logLoss(), 1e-9);
        // p(true) = 0 is clipped to 1e-15: (-ln 1e-15 + -ln(1 - 1e-15)) / 2 = 34.538776394910684 / 2
        assertEquals(17.269388197455342, binaryScores("1 0", 0.0, 0.0).logLoss(), 1e-9);
    }

    @Test
    void brierBinaryIsTheMeanSquaredErrorOfThePositiveProbability() {
        // (0.9 - 1)^2 + (0.6 - 0)^2 + (0.2 - 1)^2 + (0.1 - 0)^2 = 0.01 + 0.36 + 0.64 + 0.01 = 1.02; / 4 rows
        ClassificationReport r = binaryScores("1 0 1 0", 0.9, 0.6, 0.2, 0.1);
        assertEquals(0.255, r.brier(), TOL);
        assertEquals(0.255, r.headline().get("brier"), TOL);
    }

    @Test
    void brierMulticlassSumsOverClassesAndAveragesOverRows() {
        List<String> classes = List.of("a", "b", "c");
        double[][] probs = {{0.7, 0.2, 0.1}, {0.5, 0.25, 0.25}};
        var p = Predictions.classification(split("a a"), probs, classes);
        // row 1, truth a: 0.3^2 + 0.2^2 + 0.1^2 = 0.14; row 2, truth b: 0.5^2 + 0.75^2 + 0.25^2 = 0.875
        ClassificationReport r = ClassificationMetrics.compute(split("a b"), p, classes, null);
        assertEquals((0.14 + 0.875) / 2, r.brier(), TOL);
        assertNull(labelsOnly("a b", "a a", classes, null).brier());
        assertFalse(labelsOnly("a b", "a a", classes, null).headline().containsKey("brier"));
    }

    @Test
    void probabilityColumnsAreMatchedByName() {
        // the model lists classes as ("1", "0"); the report uses sorted order
        double[][] probs = {{0.1, 0.9}, {0.4, 0.6}, {0.35, 0.65}, {0.8, 0.2}};
        var p = Predictions.classification(split("0 0 0 1"), probs, List.of("1", "0"));
        ClassificationReport r = ClassificationMetrics.compute(split("0 0 1 1"), p, List.of("0", "1"), null);
        assertEquals(0.75, r.rocAuc(), TOL);
        assertEquals(0.4722879537, r.logLoss(), 1e-9);
    }

    @Test
    void degenerateCasesStayFinite() {
        // everything predicted "a": MCC's denominator is 0 -> 0; kappa = (0.5 - 0.5) / (1 - 0.5) = 0
        ClassificationReport allA = labelsOnly("a b a b", "a a a a", List.of("a", "b"), null);
        assertEquals(0.0, allA.mcc());
        assertEquals(0.0, allA.kappa(), TOL);
        // truth and predictions are one and the same class: kappa undefined (chance agreement is 1)
        ClassificationReport same = labelsOnly("a a", "a a", List.of("a", "b"), null);
        assertNull(same.kappa());
        assertFalse(same.headline().containsKey("kappa"));
        assertEquals(1.0, same.accuracy());
        assertEquals(1.0, same.balancedAccuracy()); // only "a" has rows
    }

    @Test
    void minorityClass() {
        assertEquals("M", ClassificationMetrics.minorityClass(split("B B M B M")));
        assertEquals("yes", ClassificationMetrics.minorityClass(split("no yes yes no"))); // tie: later in sorted order
    }

    @Test
    void reportSerialisesToPlainJson() throws Exception {
        ClassificationReport r = labelsOnly("a b", "a a", List.of("a", "b"), null);
        JsonNode json = new ObjectMapper().valueToTree(r);
        List<String> keys = new ArrayList<>();
        json.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("rows", "classes", "accuracy", "balanced_accuracy", "per_class", "macro", "weighted",
                "positive", "roc_auc", "average_precision", "log_loss", "brier", "mcc", "kappa", "confusion_matrix"), keys);
        assertTrue(json.get("brier").isNull()); // labels only: no probabilities
        assertTrue(json.get("roc_auc").isNull());
        assertEquals("b", json.get("positive").get("label").asText());
        assertEquals("[[1,0],[1,0]]", json.get("confusion_matrix").toString());
        assertEquals("{\"label\":\"a\",\"precision\":0.5,\"recall\":1.0,\"f1\":0.6666666666666666,\"support\":1}",
                json.get("per_class").get(0).toString());
    }

    /**
     * A training class ("d") absent from the test rows and never predicted, and one ("c") in the truth but
     * never predicted. Expected numbers from scikit-learn 1.9.1:
     * {@code precision_recall_fscore_support(list("aabbc"), list("abbba"), labels=list("abcd"), zero_division=0)},
     * the same with {@code average="macro"} / {@code "weighted"} and no labels (labels=None: the classes in
     * the truth or the predictions), and {@code balanced_accuracy_score}.
     */
    @Test
    void zeroSupportClassesScoreAsScikitLearnDoes() {
        ClassificationReport r = labelsOnly("a a b b c", "a b b b a", List.of("a", "b", "c", "d"), null);
        assertEquals(List.of("a", "b", "c", "d"), r.classes());
        double[][] perClass = {{0.5, 0.5, 0.5, 2}, {2.0 / 3, 1.0, 0.8, 2}, {0, 0, 0, 1}, {0, 0, 0, 0}};
        for (int c = 0; c < 4; c++) {
            ClassificationReport.ClassScores s = r.perClass().get(c);
            assertEquals(perClass[c][0], s.precision(), TOL, s.label());
            assertEquals(perClass[c][1], s.recall(), TOL, s.label());
            assertEquals(perClass[c][2], s.f1(), TOL, s.label());
            assertEquals((int) perClass[c][3], s.support(), s.label());
        }
        // macro over a, b, c only: "d" is in neither the truth nor the predictions
        assertEquals(0.388889, r.macro().precision(), 1e-6);
        assertEquals(0.5, r.macro().recall(), TOL);
        assertEquals(0.433333, r.macro().f1(), 1e-6);
        assertEquals(0.466667, r.weighted().precision(), 1e-6);
        assertEquals(0.6, r.weighted().recall(), TOL);
        assertEquals(0.52, r.weighted().f1(), TOL);
        assertEquals(0.6, r.accuracy(), TOL);
        assertEquals(0.5, r.balancedAccuracy(), TOL);
    }

    /**
     * A class predicted once but absent from the truth counts in the macro average with recall 0, and is
     * left out of balanced accuracy. scikit-learn 1.9.1 on {@code list("aabb"), list("adbb")}: macro
     * (0.666667, 0.5, 0.555556), weighted (1.0, 0.75, 0.833333), balanced accuracy 0.75.
     */
    @Test
    void aPredictedClassAbsentFromTheTruthCountsInTheMacroAverage() {
        ClassificationReport r = labelsOnly("a a b b", "a d b b", List.of("a", "b", "c", "d"), null);
        assertEquals(0, r.perClass().get(3).support());
        assertEquals(0.0, r.perClass().get(3).precision());
        assertEquals(0.666667, r.macro().precision(), 1e-6);
        assertEquals(0.5, r.macro().recall(), TOL);
        assertEquals(0.555556, r.macro().f1(), 1e-6);
        assertEquals(1.0, r.weighted().precision(), TOL);
        assertEquals(0.75, r.weighted().recall(), TOL);
        assertEquals(0.833333, r.weighted().f1(), 1e-6);
        assertEquals(0.75, r.balancedAccuracy(), TOL);
    }
}
