package org.workbench.collection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.workbench.core.InputException;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import org.workbench.table.CsvSource;
import org.workbench.table.CsvSourceTest;

class DataProfileTest {
    private static final double EPS = 1e-12;

    /**
     * x = 1, 2, 2, NaN, 5: mean (1+2+2+5)/4 = 2.5; squared deviations 2.25+0.25+0.25+6.25 = 9,
     * sample variance 9/3 = 3, std sqrt(3). c = a, b, b, "", b. Rows 2 and 3 are the same row.
     */
    private static Table small() {
        return Table.create("small",
                DoubleColumn.create("x", 1, 2, 2, Double.NaN, 5),
                StringColumn.create("c", "a", "b", "b", "", "b"),
                DoubleColumn.create("empty", Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN));
    }

    @Test
    void numericColumn() {
        ColumnProfile x = DataProfile.of(small(), null).columnProfiles().get(0);
        assertEquals("x", x.name());
        assertEquals("numeric", x.type());
        assertEquals(1, x.missing());
        assertEquals(3, x.distinct());
        assertEquals(1.0, x.min(), EPS);
        assertEquals(2.5, x.mean(), EPS);
        assertEquals(5.0, x.max(), EPS);
        assertEquals(Math.sqrt(3), x.std(), EPS);
        assertNull(x.top());
    }

    @Test
    void quartilesOutliersAndFlags() {
        // sorted 1 2 2 5: q1 1.75, median 2, q3 2.75; IQR 1, so 5 > 2.75 + 1.5 is an outlier
        ColumnProfile x = DataProfile.of(small(), null).columnProfiles().get(0);
        assertEquals(1.75, x.q1(), EPS);
        assertEquals(2.0, x.median(), EPS);
        assertEquals(2.75, x.q3(), EPS);
        assertEquals(1, x.outliers());
        assertEquals(List.of(new ColumnProfile.ValueCount("b", 3), new ColumnProfile.ValueCount("a", 1)),
                DataProfile.of(small(), null).columnProfiles().get(1).topValues());
        Table ids = Table.create("ids", DoubleColumn.create("id", java.util.stream.IntStream.range(0, 30).asDoubleStream().toArray()),
                StringColumn.create("same", java.util.Collections.nCopies(30, "k")));
        assertTrue(DataProfile.of(ids, null).columnProfiles().get(0).identifierLike());
        assertTrue(DataProfile.of(ids, null).columnProfiles().get(1).constant());
        assertEquals(3.0, DataProfile.of(small(), "c").imbalanceRatio(), EPS);
    }

    @Test
    void categoricalColumn() {
        ColumnProfile c = DataProfile.of(small(), null).columnProfiles().get(1);
        assertEquals("categorical", c.type());
        assertEquals(1, c.missing());
        assertEquals(2, c.distinct());
        assertEquals("b", c.top());
        assertEquals(3, c.topCount());
        assertNull(c.mean());
    }

    @Test
    void allMissingColumnHasNoStatistics() {
        ColumnProfile e = DataProfile.of(small(), null).columnProfiles().get(2);
        assertEquals(5, e.missing());
        assertEquals(0, e.distinct());
        assertNull(e.min());
        assertNull(e.mean());
        assertNull(e.std());
    }

    @Test
    void sizeAndDuplicates() {
        DataProfile p = DataProfile.of(small(), null);
        assertEquals(5, p.rows());
        assertEquals(3, p.columns());
        assertEquals(1, p.duplicateRows());
        assertNull(p.targetDistribution());
        assertNull(p.targetQuartiles());
    }

    @Test
    void categoricalTargetCountsLabelsInOrder() {
        DataProfile p = DataProfile.of(small(), "c");
        assertEquals(Map.of("a", 1, "b", 3), p.targetDistribution());
        assertEquals(List.of("a", "b"), List.copyOf(p.targetDistribution().keySet()));
        assertNull(p.targetQuartiles());
    }

    @Test
    void numericTargetQuartiles() {
        // sorted 1, 2, 2, 5; positions 0.75, 1.5, 2.25 -> 1.75, 2, 2.75
        DataProfile.Quartiles q = DataProfile.of(small(), "x").targetQuartiles();
        assertEquals(new DataProfile.Quartiles(1, 1.75, 2, 2.75, 5), q);
    }

    @Test
    void describeLines() {
        List<String> lines = DataProfile.of(small(), "c").describe();
        assertEquals(List.of(
                "5 rows, 3 columns, 1 duplicate rows",
                "x: numeric, 1 missing (20.0%), 3 distinct, min 1.00 mean 2.50 max 5.00 std 1.73,"
                        + " quartiles 1.75 / 2.00 / 2.75, 1 outliers (IQR)",
                "c: categorical, 1 missing (20.0%), 2 distinct, top \"b\" (3)",
                "empty: numeric, 5 missing (100.0%), 0 distinct [constant]",
                "target c: a 1 (25.0%), b 3 (75.0%); imbalance ratio 3.00 (largest / smallest class)"), lines);
        assertEquals("target x: min 1.00 q1 1.75 median 2.00 q3 2.75 max 5.00",
                DataProfile.of(small(), "x").describe().get(4));
    }

    @Test
    void writesAsJsonWithoutNaN() throws Exception {
        String json = new ObjectMapper().writeValueAsString(DataProfile.of(small(), "x"));
        assertTrue(!json.contains("NaN"), json);
        JsonNode tree = new ObjectMapper().readTree(json);
        assertEquals(1, tree.get("duplicateRows").asInt());
        assertEquals(2.5, tree.get("columnProfiles").get(0).get("mean").asDouble(), EPS);
        assertEquals("b", tree.get("columnProfiles").get(1).get("top").asText());
        assertTrue(tree.get("columnProfiles").get(2).path("mean").isMissingNode());
        assertEquals(2.75, tree.get("targetQuartiles").get("q3").asDouble(), EPS);
    }

    @Test
    void unknownTargetSuggestsNearest() {
        InputException e = assertThrows(InputException.class, () -> DataProfile.of(small(), "X"));
        assertEquals("problem.target: no column 'X' in the data (did you mean 'x'?)", e.getMessage());
    }

    @Test
    void titanicAgeLine() {
        DataProfile p = DataProfile.of(CsvSource.read(CsvSourceTest.shipped("titanic")), "Survived");
        assertTrue(p.describe().contains(
                "Age: numeric, 177 missing (19.9%), 88 distinct, min 0.42 mean 29.70 max 80.00 std 14.53,"
                        + " quartiles 20.13 / 28.00 / 38.00, 11 outliers (IQR)"),
                String.join("\n", p.describe()));
        assertEquals(new DataProfile.Quartiles(0, 0, 0, 1, 1), p.targetQuartiles());
    }

    @Test
    void irisHasOneDuplicateRow() {
        DataProfile p = DataProfile.of(CsvSource.read(CsvSourceTest.shipped("iris")), "species");
        assertEquals(1, p.duplicateRows());
        assertEquals(Map.of("Iris-setosa", 50, "Iris-versicolor", 50, "Iris-virginica", 50), p.targetDistribution());
    }

    @Test
    void adultHas24DuplicateRowsAndItsIncomeCounts() {
        DataProfile p = DataProfile.of(CsvSource.read(CsvSourceTest.shipped("adult")), "income");
        assertEquals(24, p.duplicateRows());
        assertEquals(Map.of("<=50K", 24720, ">50K", 7841), p.targetDistribution());
    }

    @Test
    void sortingTheTrainingRowsApartGivesTheSameProfileAndTheirOwnBins() {
        java.util.Random random = new java.util.Random(11);
        int n = 3_000;
        // whole numbers with ties, both zeros and missing cells, so the merge order matters
        double[] x = random.doubles(n).map(v -> v < 0.05 ? Double.NaN : v < 0.1 ? -0.0 : Math.floor(v * 40) - 20).toArray();
        double[] y = random.doubles(n).map(v -> Math.round(v * 1e6) / 1e3).toArray();
        Table table = Table.create("t", DoubleColumn.create("x", x), StringColumn.create("c",
                java.util.stream.IntStream.range(0, n).mapToObj(i -> i % 3 == 0 ? "a" : "b").toList()), DoubleColumn.create("y", y));
        int[] trainRows = java.util.stream.IntStream.range(0, n).filter(i -> i % 4 != 1).toArray();

        DataProfile.Profiled profiled = DataProfile.of(table, "y", trainRows);
        assertEquals(DataProfile.of(table, "y"), profiled.profile());
        // the target is no input column of the bundle; the text column has no bins
        assertEquals(List.of("x"), List.copyOf(profiled.trainingNumbers().columns().keySet()));
        double[] train = java.util.Arrays.stream(trainRows).mapToDouble(i -> x[i]).filter(v -> !Double.isNaN(v)).sorted().toArray();
        assertEquals(org.workbench.stats.BinnedSample.of(train, trainRows.length - train.length),
                profiled.trainingNumbers().columns().get("x"));
    }
}
