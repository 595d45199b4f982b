package org.workbench.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.workbench.recipe.TableAssert.values;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.workbench.core.InputException;
import org.workbench.recipe.ApplyLog;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Derived columns follow their expressions; mistakes name the expression and the column. */
class DeriveColumnsTest {
    private static Table people() {
        return Table.create("t",
                DoubleColumn.create("SibSp", 1, 0, 3),
                DoubleColumn.create("Parch", 0, 2, 1),
                DoubleColumn.create("weight", 80, 45, 0),
                DoubleColumn.create("height", 200, 150, 0),
                StringColumn.create("Sex", "m", "f", "m"));
    }

    private static DeriveColumns derive(String column, String expression) {
        return new DeriveColumns(List.of(new DeriveColumns.Derived(column, expression)));
    }

    @Test
    void derivedColumnsFollowTheirExpressions() {
        DeriveColumns step = new DeriveColumns(List.of(
                new DeriveColumns.Derived("FamilySize", "SibSp + Parch + 1"),
                new DeriveColumns.Derived("BMI", "weight / (height/100)^2"),
                new DeriveColumns.Derived("Big", "FamilySize ^ 2")));
        ApplyLog log = new ApplyLog();
        Table out = step.fit(people()).apply(people(), log);
        assertEquals(List.of("SibSp", "Parch", "weight", "height", "Sex", "FamilySize", "BMI", "Big"), out.columnNames());
        assertArrayEquals(new double[] {2, 3, 5}, values(out, "FamilySize"));
        assertEquals(20.0, values(out, "BMI")[0], 1e-12);  // 80 / 2^2
        assertEquals(20.0, values(out, "BMI")[1], 1e-12);  // 45 / 1.5^2
        assertTrue(Double.isNaN(values(out, "BMI")[2]));   // 0 / 0
        assertEquals(Map.of("rows where BMI = weight / (height/100)^2 failed (NaN)", 1L), log.counts());
        assertArrayEquals(new double[] {4, 9, 25}, values(out, "Big"));
    }

    @Test
    void expressionErrorsNameTheExpressionAndTheColumn() {
        InputException unknown = assertThrows(InputException.class, () -> derive("BMI", "weight / hight^2").fit(people()));
        assertTrue(unknown.getMessage().startsWith("features.derive.BMI: cannot use expression 'weight / hight^2':"
                + " Unknown function or variable 'hight'"), unknown.getMessage());
        assertTrue(unknown.getMessage().endsWith("numeric columns are SibSp, Parch, weight, height"), unknown.getMessage());
        InputException text = assertThrows(InputException.class, () -> derive("X", "Sex * 2").fit(people()));
        assertEquals("features.derive.X: expression 'Sex * 2' uses column 'Sex', which is categorical;"
                + " only numeric columns can be used", text.getMessage());
        InputException clash = assertThrows(InputException.class, () -> derive("Parch", "SibSp").fit(people()));
        assertEquals("features.derive.Parch: a column 'Parch' already exists; choose another name", clash.getMessage());
    }
}
