package org.workbench.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.workbench.recipe.TableAssert.assertNoSharedColumns;
import static org.workbench.recipe.TableAssert.assertSameTable;
import static org.workbench.recipe.TableAssert.values;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.workbench.core.InputException;
import org.workbench.recipe.ApplyLog;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class OneHotEncoderTest {
    private static Table train() {
        return Table.create("t",
                DoubleColumn.create("Age", 30, 4, 61),
                StringColumn.create("Sex", "male", "female", "male"),
                DoubleColumn.create("Fare", 7.5, 20, 80),
                StringColumn.create("Port", "S", "C", ""));
    }

    /** c: a x3, b x2, c x1, d x1, one missing. */
    private static Table levels() {
        return Table.create("t", StringColumn.create("c", "a", "b", "a", "c", "b", "a", "d", ""));
    }

    private static Table oneColumn(String... values) {
        return Table.create("p", StringColumn.create("c", values));
    }

    @Test
    void learnsSortedLevelsAndPutsNumericColumnsFirst() {
        OneHotEncoder.Fitted fitted = new OneHotEncoder().fit(train());
        assertEquals(List.of(new OneHotEncoder.Fitted.Levels("Sex", List.of("female", "male")),
                new OneHotEncoder.Fitted.Levels("Port", List.of("C", "S"))), fitted.columns());
        Table out = fitted.apply(train(), new ApplyLog());
        assertEquals(List.of("Age", "Fare", "Sex=female", "Sex=male", "Port=C", "Port=S"), out.columnNames());
        assertArrayEquals(new double[] {30, 4, 61}, values(out, "Age"));
        assertArrayEquals(new double[] {0, 1, 0}, values(out, "Sex=female"));
        assertArrayEquals(new double[] {1, 0, 1}, values(out, "Sex=male"));
        assertArrayEquals(new double[] {0, 1, 0}, values(out, "Port=C"));
        assertArrayEquals(new double[] {1, 0, 0}, values(out, "Port=S"));
        assertEquals("Sex: 2 levels (female, male); Port: 2 levels (C, S)", fitted.summary());
    }

    @Test
    void unseenAndMissingCategoriesBecomeAllZerosAndAreCounted() {
        OneHotEncoder.Fitted fitted = new OneHotEncoder().fit(train());
        Table test = Table.create("p",
                DoubleColumn.create("Age", 1e6, 2),
                StringColumn.create("Sex", "female", "unknown"),
                DoubleColumn.create("Fare", 1.0, 2.0),
                StringColumn.create("Port", "Q", ""));
        Table before = test.copy();
        ApplyLog log = new ApplyLog();
        Table out = fitted.apply(test, log);
        assertArrayEquals(new double[] {1, 0}, values(out, "Sex=female"));
        assertArrayEquals(new double[] {0, 0}, values(out, "Sex=male"));
        assertArrayEquals(new double[] {0, 0}, values(out, "Port=C"));
        assertArrayEquals(new double[] {0, 0}, values(out, "Port=S"));
        assertEquals(Map.of("unseen categories in Sex", 1L, "unseen categories in Port", 1L, "missing Port", 1L),
                log.counts());
        assertSameTable(before, test);
        assertNoSharedColumns(test, out);
        assertEquals(new OneHotEncoder().fit(train()), fitted);
    }

    @Test
    void fitLeavesTheTrainingTableUnchanged() {
        Table t = train();
        new OneHotEncoder().fit(t).apply(t, new ApplyLog());
        assertSameTable(train(), t);
    }

    @Test
    void summaryShortensLongLevelLists() {
        Table t = Table.create("t", StringColumn.create("c", "g", "f", "e", "d", "c", "b", "a"));
        assertEquals("c: 7 levels (a, b, c, d, e, ... 2 more)", new OneHotEncoder().fit(t).summary());
    }

    @Test
    void levelsDifferingOnlyInCaseOrSurroundingSpacesAreAnInputError() {
        // column names ignore case, and Tablesaw trims them: a quoted "male " keeps its space as a level
        for (List<String> levels : List.of(List.of("Yes", "yes"), List.of("male", "male "))) {
            Table t = Table.create("t", StringColumn.create("c", levels));
            InputException e = assertThrows(InputException.class, () -> new OneHotEncoder().fit(t));
            assertEquals("features.encode: one-hot would make the feature 'c=" + levels.get(1).trim() + "' twice (names ignore case"
                    + " and surrounding spaces): from column 'c', level '" + levels.get(0) + "' and from column 'c', level '"
                    + levels.get(1) + "'; make the levels of 'c' differ by more than case and spaces in the data", e.getMessage());
        }
    }

    @Test
    void encodingThatCouldNotFitInTheHeapIsRefusedBeforeAllocatingNamingTheWidestColumn() {
        // 1,000,000 kept levels x 10,000 rows: 80 GB of numbers, more than half of any heap a test runs with
        List<String> many = java.util.stream.IntStream.range(0, 1_000_000).mapToObj(i -> "l" + i).sorted().toList();
        OneHotEncoder.Fitted fitted = new OneHotEncoder.Fitted(List.of(new OneHotEncoder.Fitted.Levels("code", many),
                new OneHotEncoder.Fitted.Levels("Sex", List.of("female", "male"))));
        String[] codes = new String[10_000];
        java.util.Arrays.fill(codes, "l7");
        Table rows = Table.create("t", StringColumn.create("code", codes), StringColumn.create("Sex", codes));
        InputException e = assertThrows(InputException.class, () -> fitted.apply(rows, new ApplyLog()));
        assertTrue(e.getMessage().startsWith("features.encode: one-hot would make 1,000,002 columns x 10,000 rows (80.0 GB as"
                + " numbers; 'code' alone makes 1,000,000), more than 50% of the "), e.getMessage());
        assertTrue(e.getMessage().endsWith("encode 'code' otherwise (features.encode_columns: {code: frequency}), or give the JVM"
                + " more memory (WORKBENCH_JAVA_OPTS=-Xmx...)"), e.getMessage());
    }


    @Test
    void aFeatureNameMadeByTwoColumnsIsAnInputErrorNamingBoth() {
        // "a" + "=" + "b=c" and "a=b" + "=" + "c" are the same name
        Table t = Table.create("t", StringColumn.create("a", "b=c", "d"), StringColumn.create("a=b", "c", "e"));
        InputException e = assertThrows(InputException.class, () -> new OneHotEncoder().fit(t));
        assertEquals("features.encode: one-hot would make the feature 'a=b=c' twice (names ignore"
                + " case and surrounding spaces): from column 'a', level 'b=c'"
                + " and from column 'a=b', level 'c'; rename one of these columns in the data, or leave it out (preprocess.drop)",
                e.getMessage());
        // a column already named as a one-hot feature
        Table named = Table.create("t", StringColumn.create("Sex", "male", "female"), DoubleColumn.create("sex=Male", 1, 0));
        e = assertThrows(InputException.class, () -> new OneHotEncoder().fit(named));
        assertEquals("features.encode: one-hot would make the feature 'Sex=male' twice (names ignore"
                + " case and surrounding spaces): from column 'sex=Male'"
                + " and from column 'Sex', level 'male'; rename one of these columns in the data, or leave it out (preprocess.drop)",
                e.getMessage());
    }

    @Test
    void aKeptLevelNamedOtherKeepsItsColumnAndTheRareLevelsGetAnotherOne() {
        // "other" x3 and "paris" x2 are kept (min_frequency 2); "x" and "y" are rare
        Table t = Table.create("t", StringColumn.create("city", "other", "paris", "other", "x", "paris", "other", "y"));
        OneHotEncoder.Fitted fitted = new OneHotEncoder(0, 2, CategoricalColumns.ALL).fit(t);
        Table out = fitted.apply(t, new ApplyLog());
        assertEquals(List.of("city=other", "city=paris", "city=other (pooled)"), out.columnNames());
        assertArrayEquals(new double[] {1, 0, 1, 0, 0, 1, 0}, values(out, "city=other"));
        assertArrayEquals(new double[] {0, 0, 0, 1, 0, 0, 1}, values(out, "city=other (pooled)"));
        assertEquals("city: 2 levels (other, paris) + other (pooled) (2 rarer levels: x, y)", fitted.summary());
        assertEquals("other", OneHotEncoder.poolName(List.of("paris")));
        assertEquals("other (pooled 2)", OneHotEncoder.poolName(List.of("Other", "OTHER (pooled)")));
    }

    @Test
    void aCategoricalColumnMissingAtApplyIsAnInputError() {
        OneHotEncoder.Fitted fitted = new OneHotEncoder().fit(train());
        Table noPort = train().removeColumns("Port");
        InputException e = assertThrows(InputException.class, () -> fitted.apply(noPort, new ApplyLog()));
        assertEquals("onehot: column 'Port' was in the training data but is missing here", e.getMessage());
    }

    @Test
    void onehotWithMaxLevelsPoolsRareLevelsAndZeroesUnseen() {
        OneHotEncoder.Fitted fitted = new OneHotEncoder(2, CategoricalColumns.ALL).fit(levels());
        assertEquals(List.of(new OneHotEncoder.Fitted.Levels("c", List.of("a", "b"), List.of("c", "d"))), fitted.columns());
        ApplyLog log = new ApplyLog();
        Table out = fitted.apply(oneColumn("a", "d", "zzz", "b", ""), log);
        assertEquals(List.of("c=a", "c=b", "c=other"), out.columnNames());
        assertArrayEquals(new double[] {1, 0, 0, 0, 0}, values(out, "c=a"));
        assertArrayEquals(new double[] {0, 0, 0, 1, 0}, values(out, "c=b"));
        assertArrayEquals(new double[] {0, 1, 0, 0, 0}, values(out, "c=other"));
        assertEquals(Map.of("unseen categories in c", 1L, "missing c", 1L), log.counts());
        assertEquals("c: 2 levels (a, b) + other (2 rarer levels: c, d)", fitted.summary());
    }

    @Test
    void minFrequencyCountPoolsLevelsSeenInFewerRows() {
        // a x3, b x2, c x1, d x1: a count of 2 keeps a and b
        OneHotEncoder.Fitted fitted = new OneHotEncoder(0, 2, CategoricalColumns.ALL).fit(levels());
        assertEquals(List.of(new OneHotEncoder.Fitted.Levels("c", List.of("a", "b"), List.of("c", "d"))), fitted.columns());
        Table out = fitted.apply(oneColumn("c", "a", "d"), new ApplyLog());
        assertEquals(List.of("c=a", "c=b", "c=other"), out.columnNames());
        assertArrayEquals(new double[] {1, 0, 1}, values(out, "c=other"));
    }

    @Test
    void minFrequencyShareIsOfAllTrainingRowsAndMaxLevelsCapsWhatRemains() {
        // 8 rows (one missing): a share of 0.3 needs 2.4 rows, so only a (3 rows) is frequent
        assertEquals(List.of(new OneHotEncoder.Fitted.Levels("c", List.of("a"), List.of("b", "c", "d"))),
                new OneHotEncoder(0, 0.3, CategoricalColumns.ALL).fit(levels()).columns());
        // a share of 0.2 (1.6 rows) keeps a and b; max_levels 1 then keeps a alone
        assertEquals(List.of(new OneHotEncoder.Fitted.Levels("c", List.of("a"), List.of("b", "c", "d"))),
                new OneHotEncoder(1, 0.2, CategoricalColumns.ALL).fit(levels()).columns());
        // off (0) keeps every level, as before
        assertEquals(List.of(new OneHotEncoder.Fitted.Levels("c", List.of("a", "b", "c", "d"))),
                new OneHotEncoder(0, 0, CategoricalColumns.ALL).fit(levels()).columns());
    }
}
