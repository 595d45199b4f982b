package org.workbench.collection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.workbench.data.Frame;
import org.workbench.data.Labels;
import org.workbench.data.Target;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import org.workbench.table.CsvSource;
import org.workbench.table.CsvSourceTest;
import org.workbench.table.DataWarning;

/** The linter on Titanic with deliberately leaking columns added, and its measures by hand. */
class DataWarningsTest {

    /**
     * Titanic plus two leaks: "boat" names the lifeboat of every survivor ("none" for the others), as
     * the original passenger list did, and "refund" is paid to survivors only.
     */
    private static Table leakyTitanic() {
        Table t = CsvSource.read(CsvSourceTest.shipped("titanic"));
        String[] survived = Labels.of(t.column("Survived"));
        String[] boat = new String[survived.length];
        double[] refund = new double[survived.length];
        for (int i = 0; i < boat.length; i++) {
            boat[i] = survived[i].equals("1") ? "boat " + (1 + i % 12) : "none";
            refund[i] = survived[i].equals("1") ? 100 + i % 7 : i % 5;
        }
        t.addColumns(StringColumn.create("boat", boat), DoubleColumn.create("refund", refund));
        return t;
    }

    private static List<DataWarning> warnings(Table table) {
        DataProfile profile = DataProfile.of(table, "Survived");
        Table features = table.copy().removeColumns("Survived");
        Frame all = new Frame(features, Target.labels("Survived", Labels.of(table.column("Survived"))));
        int[] first = java.util.stream.IntStream.range(0, 700).toArray();
        int[] rest = java.util.stream.IntStream.range(700, table.rowCount()).toArray();
        return DataWarnings.of(profile, all, all.subset(first), all.subset(rest));
    }

    @Test
    void anEngineWithoutTheRowsGetsTheSameWarningsFromASampleAndItsCounts() {
        Table table = leakyTitanic();
        DataProfile profile = DataProfile.of(table, "Survived");
        Frame all = new Frame(table.copy().removeColumns("Survived"), Target.labels("Survived", Labels.of(table.column("Survived"))));
        int[] first = java.util.stream.IntStream.range(0, 700).toArray();
        int[] rest = java.util.stream.IntStream.range(700, table.rowCount()).toArray();
        Frame train = all.subset(first);
        Frame test = all.subset(rest);
        DataWarnings.Screen screen = DataWarnings.screen(all, train, test);
        DataWarnings.Setting setting = new DataWarnings.Setting(java.util.Set.of("Name"), "accuracy", 5, true, java.util.Set.of());
        List<DataWarning> local = DataWarnings.of(profile, all, screen, setting);
        // the leaks judged on the rows themselves, the classes from counts alone, the columns from a 100-row sample
        assertEquals(screen.leaks(), DataWarnings.leaks(all));
        Frame sample = all.subset(java.util.stream.IntStream.range(0, 100).toArray());
        List<DataWarning> counted = DataWarnings.of(profile, sample.features(), "Survived", all.target().counts(),
                new DataWarnings.Screen(DataWarnings.leaks(all), screen.sharedRows(), test.rows(), train.target().counts(),
                        test.target().counts()), setting);
        assertEquals(local, counted);
        assertTrue(local.stream().anyMatch(w -> w.kind().equals("class_imbalance") || w.kind().equals("possible_leakage")), local.toString());
    }

    @Test
    void flagsTheLeakingColumnsAndNothingElseAsLeakage() {
        List<DataWarning> found = warnings(leakyTitanic());
        List<String> leaks = found.stream().filter(w -> w.kind().equals("possible_leakage")).map(DataWarning::column).toList();
        assertEquals(List.of("boat", "refund"), leaks);
        DataWarning boat = found.stream().filter(w -> "boat".equals(w.column())).findFirst().orElseThrow();
        assertEquals(1.0, boat.value());
        assertEquals("possible leakage: 'boat' alone predicts 'Survived' almost perfectly (accuracy 1.0000);"
                + " check it is known before the target", boat.message());
        DataWarning refund = found.stream().filter(w -> "refund".equals(w.column())).findFirst().orElseThrow();
        assertEquals("possible leakage: 'refund' alone predicts 'Survived' almost perfectly (ROC-AUC 1.0000);"
                + " check it is known before the target", refund.message());
    }

    @Test
    void largeTablesAreScreenedOnEvenlySpacedRowsAndSaySo() {
        int n = 50_000; // above LEAKAGE_SAMPLE: every 3rd row is judged, 16,667 rows
        java.util.Random random = new java.util.Random(3);
        String[] labels = new String[n];
        double[] leak = new double[n];
        double[] noise = new double[n];
        for (int i = 0; i < n; i++) {
            labels[i] = random.nextBoolean() ? "yes" : "no";
            leak[i] = (labels[i].equals("yes") ? 10 : 0) + random.nextDouble();
            noise[i] = random.nextGaussian();
        }
        Table features = Table.create("big", DoubleColumn.create("leak", leak), DoubleColumn.create("noise", noise));
        Frame all = new Frame(features, Target.labels("bought", labels));
        Table withTarget = features.copy().addColumns(StringColumn.create("bought", labels));
        int[] first = java.util.stream.IntStream.range(0, 40_000).toArray();
        int[] rest = java.util.stream.IntStream.range(40_000, n).toArray();
        List<DataWarning> found = DataWarnings.of(DataProfile.of(withTarget, "bought"), all, all.subset(first), all.subset(rest));
        List<DataWarning> leaks = found.stream().filter(w -> w.kind().equals("possible_leakage")).toList();
        assertEquals(1, leaks.size());
        assertEquals("possible leakage: 'leak' alone predicts 'bought' almost perfectly (ROC-AUC 1.0000 on every 3rd row,"
                + " 16667 rows); check it is known before the target", leaks.get(0).message());
    }

    @Test
    void titanicItselfHasIdentifiersAndAMostlyMissingCabin() {
        List<DataWarning> found = warnings(CsvSource.read(CsvSourceTest.shipped("titanic")));
        List<String> lines = found.stream().map(DataWarning::message).toList();
        assertEquals(List.of(
                "'PassengerId' looks like an identifier (891 distinct values in 891 rows); drop it (preprocess.drop)",
                "'Name' looks like an identifier (891 distinct values in 891 rows); drop it (preprocess.drop)",
                "'Cabin' is 77.1% missing (687 of 891 rows)"), lines);
        assertEquals(687.0 / 891, found.get(2).value(), 1e-12);
    }

    @Test
    void amountsWrittenAsTextAreNamedAsNumbersNotAsAnIdentifier() {
        // titanic's fares as a spreadsheet shows them: "$7.25", each one a category to the model
        Table t = CsvSource.read(CsvSourceTest.shipped("titanic"));
        String[] fares = new String[t.rowCount()];
        for (int i = 0; i < fares.length; i++) {
            fares[i] = "$" + (1000 + i) + "." + (i % 100);
        }
        t.replaceColumn("Fare", StringColumn.create("Fare", fares));
        List<DataWarning> found = warnings(t).stream().filter(w -> "Fare".equals(w.column())).toList();
        assertEquals(List.of("'Fare' holds numbers written as text (e.g. \"$1000.0\"), so each of its 891 distinct values is a"
                + " category of its own; write plain numbers in the file (data.thousands and data.decimal read other separators),"
                + " or drop it (preprocess.drop)"), found.stream().map(DataWarning::message).toList());
        assertEquals("numbers_as_text", found.get(0).kind());
    }

    @Test
    void constantColumnsAndRowsSharedBetweenSplits() {
        Table t = Table.create("t", DoubleColumn.create("x", 1, 2, 3, 1, 2), StringColumn.create("k", "a", "a", "a", "a", "a"));
        Frame all = new Frame(t, Target.labels("y", new String[] {"p", "q", "p", "p", "q"}));
        Table withTarget = t.copy();
        withTarget.addColumns(StringColumn.create("y", all.target().labels()));
        List<DataWarning> found = DataWarnings.of(DataProfile.of(withTarget, "y"), all,
                all.subset(new int[] {0, 1, 2}), all.subset(new int[] {3, 4}));
        assertEquals(List.of("'k' is constant (1 distinct value); it cannot help a model",
                "2 of 2 test rows are exact copies (features and target) of training rows; test scores on them are optimistic"),
                found.stream().map(DataWarning::message).toList());
    }

    @Test
    void measuresByHand() {
        // scores 1 2 3 4 with classes a a b b: every b above every a
        assertEquals(1.0, DataWarnings.auc(new double[] {1, 2, 3, 4}, new String[] {"a", "a", "b", "b"}));
        // pairs (b over a): 3>1, 3>2, 2=2 counts half, 2>1 -> 3.5 of 4
        assertEquals(0.875, DataWarnings.auc(new double[] {1, 2, 3, 2}, new String[] {"a", "a", "b", "b"}));
        assertEquals(0.75, DataWarnings.purity(new String[] {"u", "u", "v", "v"}, new String[] {"p", "p", "p", "q"}));
        assertEquals(1.0, org.workbench.stats.Association.eta(new double[] {1, 1, 5, 5}, new String[] {"g", "g", "h", "h"}), 1e-12);
        Target numeric = Target.values("v", new double[] {1, 2, 3, 4});
        assertTrue(DataWarnings.leakage(DoubleColumn.create("double", 2, 4, 6, 8), numeric).isPresent());
        assertTrue(DataWarnings.leakage(DoubleColumn.create("noise", 1, -1, -1, 1), numeric).isEmpty());
    }
}
