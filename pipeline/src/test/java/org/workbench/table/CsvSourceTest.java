package org.workbench.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Reads the shipped datasets and checks the counts their READMEs state. */
public class CsvSourceTest {

    static DataConfig data(Path file, Map<String, String> columnTypes) {
        return new DataConfig(file, ',', '"', true, List.of("", "NA", "?"), columnTypes,
                new DataConfig.Split(0.2, true));
    }

    public static DataConfig shipped(String name) {
        return data(Path.of("../datasets", name, "data.csv"), Map.of());
    }

    private static int missing(Table table, String column) {
        return table.column(column).countMissing();
    }

    @Test
    void titanicHasEmptyFieldsAsMissingAndQuotedNamesKeptExactly() {
        Table t = CsvSource.read(shipped("titanic"));
        assertEquals(891, t.rowCount());
        assertEquals(12, t.columnCount());
        assertEquals(List.of("PassengerId", "Survived", "Pclass", "Name", "Sex", "Age", "SibSp", "Parch", "Ticket",
                "Fare", "Cabin", "Embarked"), t.columnNames());
        assertInstanceOf(DoubleColumn.class, t.column("Age"));
        assertEquals(177, missing(t, "Age"));
        assertEquals(0.42, t.doubleColumn("Age").min());
        assertInstanceOf(StringColumn.class, t.column("Cabin"));
        assertEquals(687, missing(t, "Cabin"));
        assertEquals("", t.stringColumn("Cabin").get(0));
        assertEquals(2, missing(t, "Embarked"));
        assertInstanceOf(DoubleColumn.class, t.column("Survived"));
        assertEquals(342.0, t.doubleColumn("Survived").sum());
        // line 24: "McGowan, Miss. Anna ""Annie""" (comma and doubled quotes inside quotes)
        assertEquals("McGowan, Miss. Anna \"Annie\"", t.stringColumn("Name").get(22));
        // a quoted trailing space stays
        assertEquals(2, t.stringColumn("Name").asList().stream().filter(n -> n.endsWith(" ")).count());
        assertEquals("A/5 21171", t.stringColumn("Ticket").get(0));
    }

    @Test
    void penguinsReadNaAsMissing() {
        Table t = CsvSource.read(shipped("penguins"));
        assertEquals(344, t.rowCount());
        assertEquals(8, t.columnCount());
        for (String c : List.of("bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g")) {
            assertInstanceOf(DoubleColumn.class, t.column(c), c);
            assertEquals(2, missing(t, c), c);
        }
        assertEquals(11, missing(t, "sex"));
        assertEquals(Set.of("", "male", "female"), t.stringColumn("sex").asSet());
        assertEquals(0, missing(t, "species"));
        assertEquals(2007.0, t.doubleColumn("year").min());
    }

    @Test
    void autoMpgHorsepowerIsNumericWithSixMissingAndOriginCanBeForcedCategorical() {
        Table t = CsvSource.read(data(Path.of("../datasets/auto_mpg/data.csv"), Map.of("origin", "categorical")));
        assertEquals(398, t.rowCount());
        assertEquals(9, t.columnCount());
        assertInstanceOf(DoubleColumn.class, t.column("horsepower"));
        assertEquals(6, missing(t, "horsepower"));
        assertEquals(130.0, t.doubleColumn("horsepower").get(0));
        assertEquals(3504.0, t.doubleColumn("weight").get(0)); // written "3504." in the file
        assertInstanceOf(StringColumn.class, t.column("origin"));
        assertEquals(Set.of("1", "2", "3"), t.stringColumn("origin").asSet());
        assertEquals("chevrolet chevelle malibu", t.stringColumn("car_name").get(0));
    }

    @Test
    void autoMpgOriginIsNumericWithoutOverride() {
        Table t = CsvSource.read(shipped("auto_mpg"), Set.of("origin", "mpg"));
        assertEquals(List.of("mpg", "origin"), t.columnNames());
        assertInstanceOf(DoubleColumn.class, t.column("origin"));
        assertEquals(3.0, t.doubleColumn("origin").max());
    }

    @Test
    void adultQuestionMarksAreMissing() {
        Table t = CsvSource.read(shipped("adult"));
        assertEquals(32561, t.rowCount());
        assertEquals(15, t.columnCount());
        assertEquals(1836, missing(t, "workclass"));
        assertEquals(1843, missing(t, "occupation"));
        assertEquals(583, missing(t, "native-country"));
        assertInstanceOf(DoubleColumn.class, t.column("fnlwgt"));
        assertEquals(24720, t.stringColumn("income").countOccurrences("<=50K"));
    }

    @Test
    void irisShape() {
        Table t = CsvSource.read(shipped("iris"));
        assertEquals(150, t.rowCount());
        assertEquals(5, t.columnCount());
        assertEquals(50, t.stringColumn("species").countOccurrences("Iris-setosa"));
    }

    @Test
    void onlyRequestedColumnsAreRead() {
        Table t = CsvSource.read(shipped("iris"), Set.of("species"));
        assertEquals(List.of("species"), t.columnNames());
        assertEquals(150, t.rowCount());
    }

    @Test
    void aFewUnmarkedQuestionMarksKeepANumberColumnWithAWarning() {
        // without "?" as a marker, horsepower meets "?" on line 34 after 32 numbers; 6 of 398 cells are odd
        var data = new DataConfig(Path.of("../datasets/auto_mpg/data.csv"), ',', '"', true, List.of(""), Map.of(),
                new DataConfig.Split(0.2, true));
        CsvSource.CsvRead read = CsvSource.load(data, Set.of("horsepower", "weight"));
        Table t = read.table();
        assertEquals(6, t.doubleColumn("horsepower").countMissing());
        assertEquals(130.0, t.doubleColumn("horsepower").get(0));
        assertEquals(1, read.warnings().size());
        DataWarning w = read.warnings().get(0);
        assertEquals("non_numeric_cells", w.kind());
        assertEquals("horsepower", w.column());
        assertEquals(6, w.value());
        assertTrue(w.message().contains("6 cells (\"?\" x6; lines 34, 128, 332, 338, 356, ...)"), w.message());
        assertTrue(w.message().contains("data.column_types: {horsepower: categorical}"), w.message());
    }

    @Test
    void columnWithMuchTextAfterNumbersIsTextAsWritten() {
        // forced categorical keeps the text exactly as written
        var data = new DataConfig(Path.of("../datasets/auto_mpg/data.csv"), ',', '"', true, List.of(""),
                Map.of("horsepower", "categorical"), new DataConfig.Split(0.2, true));
        Table t = CsvSource.read(data, Set.of("horsepower", "weight"));
        assertInstanceOf(StringColumn.class, t.column("horsepower"));
        assertEquals(List.of("130.0", "165.0"), t.stringColumn("horsepower").asList().subList(0, 2));
        assertEquals("?", t.stringColumn("horsepower").get(32));
        assertEquals(3504.0, t.doubleColumn("weight").get(0));
    }

    @Test
    void headerListsColumnNames() {
        assertEquals(List.of("sepal_length", "sepal_width", "petal_length", "petal_width", "species"),
                CsvSource.header(shipped("iris")));
    }
}
