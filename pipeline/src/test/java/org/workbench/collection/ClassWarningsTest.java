package org.workbench.collection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.workbench.data.Frame;
import org.workbench.data.Labels;
import org.workbench.data.Split;
import org.workbench.data.Splits;
import org.workbench.data.Target;
import tech.tablesaw.api.Table;
import org.workbench.table.CsvSource;
import org.workbench.table.CsvSourceTest;
import org.workbench.table.DataWarning;

/** Class imbalance, classes missing from a split, and warnings about columns the config drops. */
class ClassWarningsTest {

    /** Titanic with survivors thinned to every 5th one: 549 died, 69 survived (8.0 : 1), as in many real files. */
    private static Table imbalancedTitanic() {
        Table t = CsvSource.read(CsvSourceTest.shipped("titanic"));
        String[] survived = Labels.of(t.column("Survived"));
        List<Integer> keep = new ArrayList<>();
        int survivors = 0;
        for (int i = 0; i < survived.length; i++) {
            if (survived[i].equals("0") || survivors++ % 5 == 0) {
                keep.add(i);
            }
        }
        return t.rows(keep.stream().mapToInt(Integer::intValue).toArray());
    }

    @Test
    void classesThatDifferOnlyInCaseOrSpacesAreOneWarningPerGroup() {
        List<DataWarning> w = ClassWarnings.lookAlike("y", Map.of("Yes", 46, "no", 153, "yes", 49, "YES", 52, "no ", 2));
        assertEquals(List.of("target 'y' has classes that differ only in case or surrounding spaces: 'no' (153), 'no ' (2);"
                        + " they are separate classes: if they mean one, write them one way in the file",
                "target 'y' has classes that differ only in case or surrounding spaces: 'YES' (52), 'Yes' (46), 'yes' (49);"
                        + " they are separate classes: if they mean one, write them one way in the file"),
                w.stream().map(DataWarning::message).toList());
        assertEquals(147.0, w.get(1).value());
        assertTrue(ClassWarnings.lookAlike("y", Map.of("a", 3, "b", 4)).isEmpty());
    }

    private static List<DataWarning> warnings(Table table, String target, DataWarnings.Setting setting) {
        Frame all = new Frame(table.copy().removeColumns(target), Target.labels(target, Labels.of(table.column(target))));
        Split split = Splits.holdout(all.target(), 0.2, true, 42);
        DataWarnings.Screen screen = DataWarnings.screen(all, all.subset(split.train()), all.subset(split.test()));
        return DataWarnings.of(DataProfile.of(table, target), all, screen, setting);
    }

    @Test
    void imbalanceSuggestsMetricsThatSeeTheSmallClassWhenScoredByAccuracy() {
        List<DataWarning> found = warnings(imbalancedTitanic(), "Survived", new DataWarnings.Setting(Set.of(), "accuracy", 5));
        DataWarning w = found.stream().filter(x -> x.kind().equals("class_imbalance")).findFirst().orElseThrow();
        assertEquals(549.0 / 69, w.value(), 1e-12);
        assertEquals("class imbalance in 'Survived': '0' has 549 rows, '1' 69 (8.0 : 1); accuracy rewards always"
                + " predicting '0': consider problem.metric: balanced_accuracy, f1 or average_precision", w.message());
        assertEquals(0, found.indexOf(w), "the class warnings come before the column warnings");
    }

    @Test
    void imbalanceUnderAnotherMetricIsReportedWithoutAdvice() {
        List<DataWarning> found = warnings(imbalancedTitanic(), "Survived", new DataWarnings.Setting(Set.of(), "f1", 5));
        DataWarning w = found.stream().filter(x -> x.kind().equals("class_imbalance")).findFirst().orElseThrow();
        assertFalse(w.message().contains("consider"), w.message());
    }

    @Test
    void theThresholdIsThreeToOneAndMoreClassesGetF1Macro() {
        assertTrue(ClassWarnings.imbalance("y", Map.of("a", 29, "b", 10), "accuracy").isEmpty());
        DataWarning w = ClassWarnings.imbalance("y", Map.of("a", 30, "b", 10, "c", 12), "accuracy").orElseThrow();
        assertEquals("class imbalance in 'y': 'a' has 30 rows, 'b' 10 (3.0 : 1); accuracy rewards always predicting 'a':"
                + " consider problem.metric: balanced_accuracy, f1_macro or average_precision", w.message());
    }

    @Test
    void aClassTooRareForTheTestSplitIsNamed() {
        Table iris = CsvSource.read(CsvSourceTest.shipped("iris"));
        Table rare = iris.emptyCopy();
        rare.stringColumn("species").append("Iris-rare");
        for (String c : List.of("sepal_length", "sepal_width", "petal_length", "petal_width")) {
            rare.doubleColumn(c).append(5.0);
        }
        List<DataWarning> found = warnings(iris.append(rare), "species", new DataWarnings.Setting(Set.of(), "f1_macro", 5));
        List<String> kinds = found.stream().map(DataWarning::kind).toList();
        assertEquals(List.of("class_imbalance", "class_not_in_test", "class_fewer_than_folds"), kinds);
        assertEquals("class 'Iris-rare' (1 row) never reaches the test split: the test metrics list it with support 0"
                + " (precision, recall and F1 of 0, as scikit-learn reports them)", found.get(1).message());
        assertEquals("class 'Iris-rare' has 1 training row, fewer than the 5 cross-validation folds: some folds have no"
                + " row of it to score", found.get(2).message());
    }

    @Test
    void aClassWithNoTrainingRowIsNamed() {
        Target target = Target.labels("y", new String[] {"a", "a", "a", "b"});
        DataWarnings.Screen screen = new DataWarnings.Screen(Map.of(), 0, 1, Map.of("a", 3), Map.of("b", 1));
        List<DataWarning> found = ClassWarnings.of(target, screen, DataWarnings.Setting.NONE);
        assertEquals(List.of("class_imbalance", "class_not_in_test", "class_not_in_train"),
                found.stream().map(DataWarning::kind).toList());
        assertEquals("class 'b' (1 row) has no training row: the model cannot predict it; set data.split.stratify: true"
                + " or add rows of it", found.get(2).message());
    }

    @Test
    void columnsTheConfigDropsAreMarkedNotAdvisedAgainst() {
        Table titanic = CsvSource.read(CsvSourceTest.shipped("titanic"));
        DataWarnings.Setting setting = new DataWarnings.Setting(Set.of("PassengerId", "Cabin"), "accuracy", 5);
        List<String> lines = warnings(titanic, "Survived", setting).stream().map(DataWarning::message).toList();
        assertEquals(List.of(
                "'PassengerId' looks like an identifier (891 distinct values in 891 rows); dropped by preprocess.drop",
                "'Name' looks like an identifier (891 distinct values in 891 rows); drop it (preprocess.drop)",
                "'Cabin' is 77.1% missing (687 of 891 rows); dropped by preprocess.drop"), lines);
    }

    @Test
    void identifierTextColumnsTheFeaturesLeaveOutAreNamedOnOneLineWithTheKey() {
        Table titanic = CsvSource.read(CsvSourceTest.shipped("titanic"));
        // the features stage leaves text identifiers out; a numeric one (PassengerId) keeps its advice
        DataWarnings.Setting setting = new DataWarnings.Setting(Set.of("Cabin"), "accuracy", 5, true, Set.of("Ticket"));
        List<String> lines = warnings(titanic, "Survived", setting).stream().map(DataWarning::message).toList();
        assertEquals(List.of(
                "'PassengerId' looks like an identifier (891 distinct values in 891 rows); drop it (preprocess.drop)",
                "'Name' looks like an identifier (891 distinct values in 891 rows)",
                "'Cabin' is 77.1% missing (687 of 891 rows); dropped by preprocess.drop",
                "left out of the features as identifier-like: Name (features.keep_identifiers: true keeps them;"
                        + " features.encode_columns can give one frequency or target encoding)"), lines);
    }
}
