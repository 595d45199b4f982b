package org.workbench.explanation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.workbench.features.DateParts;
import org.workbench.features.DeriveColumns;
import org.workbench.features.OneHotEncoder;
import org.workbench.features.PolynomialFeatures;
import org.workbench.features.TargetEncoder;
import org.workbench.preprocessing.Imputer;
import org.workbench.preprocessing.OutlierHandler;
import org.workbench.recipe.ApplyLog;
import org.workbench.recipe.FittedRecipe;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Every processed feature is traced back to the raw columns it is computed from. */
class LineageTest {
    private static final Table RAW = Table.create("rows",
            DoubleColumn.create("SibSp", new double[] {1, 0}),
            DoubleColumn.create("Parch", new double[] {0, 2}),
            DoubleColumn.create("Age", new double[] {22, Double.NaN}),
            StringColumn.create("Sex", new String[] {"male", "female"}),
            StringColumn.create("Boarded", new String[] {"2024-03-01", "2024-07-15"}));

    @Test
    void stepsThatNameNewColumnsSayWhereTheyComeFrom() {
        FittedRecipe recipe = new FittedRecipe(List.of(
                new Imputer.Fitted(2, List.of(new Imputer.Fitted.NumberFill("Age", "median", 22, 1)), List.of(), List.of("Age"), 0),
                new DeriveColumns.Fitted(List.of(new DeriveColumns.Derived("Family", "SibSp + Parch + 1"),
                        new DeriveColumns.Derived("PerAge", "Family / Age"))),
                new OneHotEncoder.Fitted(List.of(new OneHotEncoder.Fitted.Levels("Sex", List.of("female", "male")))),
                new DateParts.Fitted("", List.of(new DateParts.Fitted.Part("Boarded", "month", 5))),
                new PolynomialFeatures.Fitted(2, List.of("Age", "SibSp"), List.of(List.of("Age", "SibSp"), List.of("Age", "Age")), 8)));
        Lineage lineage = Lineage.trace(recipe, RAW, new ApplyLog());

        assertEquals(List.of("Age"), lineage.rawColumns().get("Age"));
        assertEquals(List.of("Age"), lineage.rawColumns().get("Age_missing"));
        assertEquals("Parch & SibSp", lineage.group("Family"));
        assertEquals("Age & Parch & SibSp", lineage.group("PerAge"));
        assertEquals("Sex", lineage.group("Sex=female"));
        assertEquals("Sex", lineage.group("Sex=male"));
        assertEquals("Boarded", lineage.group("Boarded_month"));
        assertEquals("Age & SibSp", lineage.group("Age*SibSp"));
        assertEquals("Age", lineage.group("Age^2"));
        assertEquals(List.of("SibSp", "Parch", "Age", "Boarded_month", "Age_missing", "Family", "PerAge", "Sex=female", "Sex=male",
                "Age*SibSp", "Age^2"), lineage.processed().columnNames());
        assertEquals(List.of("SibSp", "Parch", "Age", "Boarded", "Parch & SibSp", "Age & Parch & SibSp", "Sex", "Age & SibSp"),
                lineage.groups(lineage.processed().columnNames()));
    }

    @Test
    void flagsAndTargetEncodingsKeepTheirColumn() {
        FittedRecipe recipe = new FittedRecipe(List.of(
                new OutlierHandler.Fitted("iqr", "flag", 2, List.of(new OutlierHandler.Fitted.Bounds("SibSp", 0, 0.5, 1)), 0),
                new TargetEncoder.Fitted(10, 2, List.of("0", "1"), List.of(0.6, 0.4), List.of(new TargetEncoder.Fitted.Encoding(
                        "Sex", List.of("female", "male"), List.of(1, 1), List.of(List.of(0.2, 0.8), List.of(0.9, 0.1)))))));
        Lineage lineage = Lineage.trace(recipe, RAW, new ApplyLog());
        assertEquals(List.of("SibSp", "Parch", "Age", "Sex_te=0", "Sex_te=1", "Boarded", "SibSp_outlier"),
                lineage.processed().columnNames());
        assertEquals("SibSp", lineage.group("SibSp_outlier"));
        assertEquals("Sex", lineage.group("Sex_te=0"));
        assertEquals("Sex", lineage.group("Sex_te=1"));
    }
}
