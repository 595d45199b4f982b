package org.workbench.preprocessing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.workbench.recipe.TableAssert.assertSameTable;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.workbench.core.InputException;
import org.workbench.data.Frame;
import org.workbench.data.Target;
import org.workbench.recipe.ApplyLog;
import org.workbench.recipe.Recipe;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class DropColumnsTest {
    private static Table passengers() {
        return Table.create("t",
                DoubleColumn.create("PassengerId", 1, 2, 3),
                StringColumn.create("Name", "Ann", "Bob", "Cy"),
                DoubleColumn.create("Age", 30, Double.NaN, 4));
    }

    @Test
    void dropsListedColumnsAndKeepsTheRestInOrder() {
        Table train = passengers();
        Table before = train.copy();
        DropColumns.Fitted fitted = new DropColumns(List.of("Name", "PassengerId")).fit(train);
        Table out = fitted.apply(train, new ApplyLog());
        assertEquals(List.of("Age"), out.columnNames());
        assertEquals(List.of("Name", "PassengerId"), fitted.columns());
        assertEquals("dropped 2 columns: Name, PassengerId", fitted.summary());
        assertSameTable(before, train);
    }

    @Test
    void aDropThatFoundNothingIsLeftOutOfTheFittedRecipe() {
        Frame train = new Frame(passengers(), Target.values("y", new double[] {1, 2, 3}));
        Recipe.Fit fit = new Recipe(List.of(new DropColumns(List.of()), new DropColumns(List.of("Name")))).fit(train);
        assertEquals(1, fit.recipe().steps().size(), "only the drop that removes a column is replayed");
        assertEquals(List.of("PassengerId", "Age"), fit.train().features().columnNames());
    }

    @Test
    void misspelledColumnIsAnInputErrorWithASuggestion() {
        InputException e = assertThrows(InputException.class,
                () -> new DropColumns(List.of("Nmae")).fit(passengers()));
        assertEquals("preprocess.drop: no column 'Nmae'; did you mean 'Name'?", e.getMessage());
    }

    @Test
    void unknownColumnWithoutNearMatchListsTheColumns() {
        InputException e = assertThrows(InputException.class,
                () -> new DropColumns(List.of("Survived")).fit(passengers()));
        assertEquals("preprocess.drop: no column 'Survived'; the columns are PassengerId, Name, Age", e.getMessage());
    }

    @Test
    void applyDropsOnlyTheColumnsPresent() {
        DropColumns.Fitted fitted = new DropColumns(List.of("PassengerId", "Name")).fit(passengers());
        Table withoutId = Table.create("p", StringColumn.create("Name", "Di"), DoubleColumn.create("Age", 7.0));
        Table out = fitted.apply(withoutId, new ApplyLog());
        assertEquals(List.of("Age"), out.columnNames());
        assertEquals(7.0, out.doubleColumn("Age").getDouble(0));
    }
}
