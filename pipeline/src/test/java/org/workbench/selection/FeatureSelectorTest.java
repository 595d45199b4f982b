package org.workbench.selection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.workbench.recipe.TableAssert.assertNoSharedColumns;
import static org.workbench.recipe.TableAssert.assertSameTable;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.workbench.core.InputException;
import org.workbench.recipe.ApplyLog;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

class FeatureSelectorTest {
    private static Table features() {
        return Table.create("t",
                DoubleColumn.create("Age", 30, 4),
                DoubleColumn.create("Fare", 7.5, 20),
                DoubleColumn.create("Sex=female", 0, 1),
                DoubleColumn.create("Sex=male", 1, 0),
                DoubleColumn.create("Pclass", 3, 1));
    }

    private static FeatureSelector.Fitted fit(List<String> include, List<String> exclude) {
        return new FeatureSelector(include, exclude).fit(features());
    }

    @Test
    void aSourceColumnNameSelectsAllItsOneHotFeatures() {
        FeatureSelector.Fitted fitted = fit(List.of("Sex", "Age"), List.of());
        assertEquals(List.of("Age", "Sex=female", "Sex=male"), fitted.features());
        assertEquals(List.of("Fare", "Pclass"), fitted.dropped());
        Table out = fitted.apply(features(), new ApplyLog());
        assertEquals(List.of("Age", "Sex=female", "Sex=male"), out.columnNames());
        assertArrayEquals(new double[] {0, 1}, out.doubleColumn("Sex=female").asDoubleArray());
        assertEquals("kept 3 of 5 features: Age, Sex=female, Sex=male; dropped: Fare, Pclass", fitted.summary());
    }

    @Test
    void excludeRemovesExactAndSourceMatches() {
        assertEquals(List.of("Age", "Fare"), fit(List.of(), List.of("Sex", "Pclass")).features());
        assertEquals(List.of("Sex=female"), fit(List.of("Sex"), List.of("Sex=male")).features());
    }

    @Test
    void unknownNamesAreInputErrorsWithSuggestions() {
        InputException include = assertThrows(InputException.class, () -> fit(List.of("Sexx"), List.of()));
        assertEquals("select.include: no feature 'Sexx'; did you mean 'Sex'?", include.getMessage());
        InputException exclude = assertThrows(InputException.class, () -> fit(List.of(), List.of("fare")));
        assertEquals("select.exclude: no feature 'fare'; did you mean 'Fare'?", exclude.getMessage());
        InputException far = assertThrows(InputException.class, () -> fit(List.of("Cabin"), List.of()));
        assertEquals("select.include: no feature 'Cabin'", far.getMessage());
    }

    @Test
    void selectingNothingIsAnInputError() {
        InputException e = assertThrows(InputException.class, () -> fit(List.of("Age"), List.of("Age")));
        assertEquals("select: include [Age] and exclude [Age] leave none of the 5 features", e.getMessage());
    }

    @Test
    void applyIsPureAndRejectsAMissingFeature() {
        FeatureSelector.Fitted fitted = fit(List.of("Age", "Fare"), List.of());
        Table input = features();
        Table out = fitted.apply(input, new ApplyLog());
        assertSameTable(features(), input);
        assertNoSharedColumns(input, out);
        Table withoutFare = features().removeColumns("Fare");
        assertThrows(IllegalStateException.class, () -> fitted.apply(withoutFare, new ApplyLog()));
    }

    @Test
    void configWithoutNamesBuildsNoStep() {
        assertEquals(List.of(), SelectionSteps.from(new SelectConfig("none", List.of(), List.of()), 42).steps());
        assertEquals(List.of(new FeatureSelector(List.of("Age"), List.of())),
                SelectionSteps.from(new SelectConfig("none", List.of("Age"), List.of()), 42).steps());
    }
}
