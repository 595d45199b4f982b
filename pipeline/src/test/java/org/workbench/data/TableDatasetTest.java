package org.workbench.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.classification.Label;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.baseline.DummyRegressionTrainer;
import org.workbench.core.InputException;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

class TableDatasetTest {

    private static Table table() {
        return Table.create("f",
                DoubleColumn.create("b", new double[] {1.5, 0.0, 0.0, 2.0}),
                DoubleColumn.create("a", new double[] {0.0, 3.25, 0.0, -1.0}));
    }

    @Test
    void examplesAreMadeOnDemandAsTribuoDataMakesThem() {
        Target target = Target.labels("y", new String[] {"q", "p", "q", "r"});
        List<Example<Label>> expected = TribuoData.classification(table(), target).getData();
        TableDataset<Label> rows = TableDataset.classification(table(), target);
        assertEquals(4, rows.size());
        int row = 0;
        for (Example<Label> example : rows) {
            // every cell, zeros included, sorted by name
            assertEquals(expected.get(row).toString(), example.toString());
            assertEquals(expected.get(row).getOutput(), rows.output(row));
            row++;
        }
        assertEquals(4, row);
        assertEquals(expected.get(2).toString(), rows.getExample(2).toString());
        assertEquals(List.of("a", "b"), rows.rows().names());
        assertThrows(IllegalArgumentException.class, () -> rows.getExample(4));
    }

    @Test
    void theRowsAreReadOnly() {
        TableDataset<Label> rows = TableDataset.classification(table(), Target.labels("y", new String[] {"q", "p", "q", "r"}));
        Example<Label> first = rows.getExample(0);
        assertThrows(UnsupportedOperationException.class, () -> rows.add(first));
        assertThrows(UnsupportedOperationException.class, () -> rows.setWeights(Map.of()));
        assertThrows(UnsupportedOperationException.class, rows::serialize);
        assertThrows(UnsupportedOperationException.class, () -> rows.shuffle(true));
    }

    @Test
    void theMeanBaselineReadsTheTargetsOneRowAtATime() {
        Target target = Target.values("price", new double[] {10.0, 20.5, 0.25, 7.0});
        var fromExamples = DummyRegressionTrainer.createMeanTrainer().train(TribuoData.regression(table(), target));
        var fromTable = DummyRegressionTrainer.createMeanTrainer().train(TableDataset.regression(table(), target));
        Example<Regressor> any = TribuoData.examples(table(), TribuoData.unknownRegressor()).get(0);
        assertEquals(fromExamples.predict(any).getOutput().getValues()[0], fromTable.predict(any).getOutput().getValues()[0]);
        assertEquals(9.4375, fromTable.predict(any).getOutput().getValues()[0], 1e-12);
    }

    @Test
    void badInputIsRefusedWithTheSameMessagesAsTribuoData() {
        Table t = table();
        t.doubleColumn("a").set(1, Double.NaN);
        Target target = Target.labels("y", new String[] {"q", "p", "q", "r"});
        InputException expected = assertThrows(InputException.class, () -> TribuoData.classification(t, target));
        InputException actual = assertThrows(InputException.class, () -> TableDataset.classification(t, target));
        assertEquals(expected.getMessage(), actual.getMessage());
        InputException missingTarget = assertThrows(InputException.class,
                () -> TableDataset.regression(table(), Target.values("y", new double[] {1, Double.NaN, 2, 3})));
        assertEquals("target 'y' is missing in row 2 of the training rows; set problem.missing_target: drop",
                missingTarget.getMessage());
    }
}
