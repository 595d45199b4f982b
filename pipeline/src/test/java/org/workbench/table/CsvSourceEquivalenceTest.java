package org.workbench.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workbench.core.InputException;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The one-pass reader gives, cell for cell, the table of the slow reference read
 * ({@link TwoPassCsv}: Tablesaw's CsvReader reading text, then the documented number and column-type
 * rules applied column by column), or the same error.
 */
class CsvSourceEquivalenceTest {
    private static final List<String> MARKERS = List.of("", "NA", "?");

    @TempDir
    Path dir;

    private static DataConfig config(Path file, char delimiter, boolean header, List<String> markers,
                                     Map<String, String> types) {
        return new DataConfig(file, delimiter, '"', header, markers, types, new DataConfig.Split(0.2, true));
    }

    /** Same table, or the same InputException message; returns the table (null on error). */
    private static Table assertReadsAlike(DataConfig data, Set<String> only) {
        Table expected;
        try {
            expected = TwoPassCsv.read(data, only);
        } catch (InputException e) {
            InputException actual = assertThrows(InputException.class,
                    () -> CsvSource.read(data, only), data.source().toString());
            assertEquals(e.getMessage(), actual.getMessage());
            return null;
        }
        Table actual = CsvSource.read(data, only);
        assertTablesEqual(expected, actual, data.source() + " " + data.columnTypes() + " " + only);
        return actual;
    }

    static void assertTablesEqual(Table expected, Table actual, String what) {
        assertEquals(expected.name(), actual.name(), what);
        assertEquals(expected.columnNames(), actual.columnNames(), what);
        assertEquals(expected.rowCount(), actual.rowCount(), what);
        for (int c = 0; c < expected.columnCount(); c++) {
            Column<?> e = expected.column(c);
            Column<?> a = actual.column(c);
            String where = what + ", column " + e.name();
            // the read's number columns are DoubleColumns over the read's own arrays (ReadNumbers), not copies
            assertEquals(e.type(), a.type(), where);
            assertEquals(e instanceof DoubleColumn, a instanceof DoubleColumn, where);
            assertEquals(e.countMissing(), a.countMissing(), where);
            for (int row = 0; row < e.size(); row++) {
                if (e instanceof DoubleColumn numbers) {
                    double x = numbers.getDouble(row);
                    double y = ((DoubleColumn) a).getDouble(row);
                    if (Double.doubleToLongBits(x) != Double.doubleToLongBits(y)) {
                        fail(where + ", row " + row + ": expected " + x + " but was " + y);
                    }
                } else {
                    assertInstanceOf(StringColumn.class, e, where);
                    assertEquals(((StringColumn) e).get(row), ((StringColumn) a).get(row), where + ", row " + row);
                }
            }
        }
    }

    private static List<Path> shippedFiles() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("../datasets"))) {
            return files.filter(f -> f.toString().endsWith(".csv")).sorted().toList();
        }
    }

    /** Files above this size are read whole once; their other variants read their first {@link #HEAD_LINES} lines. */
    private static final long WHOLE_BELOW_BYTES = 256 * 1024;
    private static final int HEAD_LINES = 5000;

    /** The file itself when small, else a copy of its header and first lines (the reference reader is slow). */
    private Path headOf(Path file) throws IOException {
        if (Files.size(file) < WHOLE_BELOW_BYTES) {
            return file;
        }
        Path head = dir.resolve(file.getParent().getFileName() + "-head.csv");
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            Files.write(head, lines.limit(HEAD_LINES).toList(), StandardCharsets.UTF_8);
        }
        return head;
    }

    @Test
    void everyShippedDatasetReadsAsTablesawReadsIt() throws IOException {
        List<Path> files = shippedFiles();
        assertTrue(files.size() >= 8, files.toString());
        for (Path file : files) {
            assertReadsAlike(config(file, ',', true, MARKERS, Map.of()), null);
            Path head = headOf(file);
            assertReadsAlike(config(head, ',', true, List.of(""), Map.of()), null);
            assertReadsAlike(config(head, ',', true, List.of(), Map.of()), null);
        }
    }

    @Test
    void shippedDatasetsWithForcedTypesAndColumnSubsets() throws IOException {
        for (Path whole : shippedFiles()) {
            Path file = headOf(whole);
            DataConfig plain = config(file, ',', true, MARKERS, Map.of());
            List<String> names = CsvSource.header(plain);
            Table detected = CsvSource.read(plain);
            Map<String, String> flipped = new LinkedHashMap<>();
            Set<String> everyOther = new LinkedHashSet<>();
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                // numeric columns forced categorical, and text columns forced numeric (an error, unless all missing)
                flipped.put(name, detected.column(name) instanceof DoubleColumn ? "categorical" : "numeric");
                if (i % 2 == 1) {
                    everyOther.add(name);
                }
            }
            assertReadsAlike(config(file, ',', true, MARKERS, flipped), null);
            Map<String, String> categorical = new LinkedHashMap<>();
            flipped.forEach((name, type) -> {
                if (type.equals("categorical")) {
                    categorical.put(name, type);
                }
            });
            assertReadsAlike(config(file, ',', true, MARKERS, categorical), null);
            assertReadsAlike(config(file, ',', true, MARKERS, Map.of()), everyOther);
            assertReadsAlike(config(file, ',', true, MARKERS, Map.of()), Set.of(names.get(names.size() - 1)));
        }
    }

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void fixturesOfTheReaderTests() throws IOException {
        List<String> files = List.of(
                "a\n1\n\"\"\n\n2\n",
                "id,size\n1,3\n2,?\n",
                "age, workclass\n39, State-gov\n50, ?\n",
                "a,b\nNA,1\nN/A,2\n-,3\n",
                "tag,n\n#1,1\n#2,2\n",
                "flag,day,code\nT,2020-01-05,007\nF,2021-12-31,010\n",
                "a,b\n1,\n2,NA\n",
                "\uFEFFid,name\n1,a\n",
                "id,size\n1,3\n2,\"big\nger\"\n3,large\n",
                "id,size\n1,3\n2,NA\n3,large\n",
                "a,b\n1,2\n3,\"four\n5,6\n",
                "a,b\n1,2\n\n3,4,5\n",
                "a,b\n\n");
        for (int i = 0; i < files.size(); i++) {
            Path file = write("fixture" + i + ".csv", files.get(i));
            assertReadsAlike(config(file, ',', true, MARKERS, Map.of()), null);
            assertReadsAlike(config(file, ',', true, List.of("-"), Map.of()), null);
            assertReadsAlike(config(file, ',', false, MARKERS, Map.of()), null);
            assertReadsAlike(config(file, ',', true, MARKERS, Map.of("size", "numeric", "a", "categorical")), null);
        }
        Path semi = write("semi.csv", "x;label\r\n1.5;\"a;b\"\r\n2;c\r\n");
        assertReadsAlike(config(semi, ';', true, List.of(""), Map.of()), null);
    }

    @Test
    void numbersThenTextKeepTheirOriginalText() throws IOException {
        // "3504." and "007" read as numbers first; the column turns out to be text, written as in the file
        Path file = write("late-text.csv", "a,b,c\n3504.,1,\n007,NA,x\n1e3,2,5\n, 3 ,y\nlate,\"4\",z\n");
        Table t = assertReadsAlike(config(file, ',', true, MARKERS, Map.of()), null);
        assertEquals(List.of("3504.", "007", "1e3", "", "late"), t.stringColumn("a").asList());
        assertArrayEquals(new double[] {1, Double.NaN, 2, 3, 4}, t.doubleColumn("b").asDoubleArray());
        assertEquals(List.of("", "x", "5", "y", "z"), t.stringColumn("c").asList());
        assertReadsAlike(config(file, ',', true, MARKERS, Map.of()), Set.of("a", "c"));
        assertReadsAlike(config(file, ',', true, MARKERS, Map.of("a", "numeric")), null);
    }

    @Test
    void numbersFollowTheDocumentedRuleNotTablesawsParser() throws IOException {
        // no thousands commas dropped, no percentages, no Java literals (1d, 0x1p3): those cells are text;
        // infinities are numbers read as missing
        Path file = write("quirks.csv", "a,b,c,d,e\n\"1,234\",5%,1d,inf,1\n-0,\"12.5%\",0x1p3,Infinity,2\n"
                + "\" 7 \",1e5%,2f,-Infinity,-inf\n");
        Table t = assertReadsAlike(config(file, ',', true, MARKERS, Map.of()), null);
        assertEquals(List.of("1,234", "-0", " 7 "), t.stringColumn("a").asList());
        assertEquals(List.of("5%", "12.5%", "1e5%"), t.stringColumn("b").asList());
        assertEquals(List.of("1d", "0x1p3", "2f"), t.stringColumn("c").asList());
        assertArrayEquals(new double[] {1, 2, Double.NaN}, t.doubleColumn("e").asDoubleArray());
        assertEquals(3, t.doubleColumn("d").countMissing());
        assertReadsAlike(config(file, ',', true, MARKERS, Map.of("b", "numeric")), null);
        assertReadsAlike(config(file, ',', true, List.of(), Map.of()), null);
    }

    @Test
    void aFewOddCellsKeepAColumnNumericManyMakeItText() throws IOException {
        StringBuilder few = new StringBuilder("x,y\n");
        StringBuilder many = new StringBuilder("x,y\n");
        for (int i = 0; i < 100; i++) {
            few.append(i % 25 == 3 ? "#REF!" : String.valueOf(i)).append(',').append(i).append('\n');
            many.append(i % 10 == 3 ? "#REF!" : String.valueOf(i)).append(',').append(i).append('\n');
        }
        Table t = assertReadsAlike(config(write("few.csv", few.toString()), ',', true, MARKERS, Map.of()), null);
        assertEquals(4, t.doubleColumn("x").countMissing());
        t = assertReadsAlike(config(write("many.csv", many.toString()), ',', true, MARKERS, Map.of()), null);
        assertEquals("#REF!", t.stringColumn("x").get(3));
        assertEquals("4", t.stringColumn("x").get(4));
        // odd cells before the first number: the column still ends up numeric, and the warning names their lines
        StringBuilder first = new StringBuilder("x,y\n#REF!,a\n,b\nabc,c\n");
        for (int i = 0; i < 60; i++) {
            first.append(i).append(",d\n");
        }
        Path firstFile = write("first.csv", first.toString());
        t = assertReadsAlike(config(firstFile, ',', true, MARKERS, Map.of()), null);
        assertEquals(3, t.doubleColumn("x").countMissing());
        DataWarning w = CsvSource.load(config(firstFile, ',', true, MARKERS, Map.of())).warnings().get(0);
        assertTrue(w.message().contains("2 cells (\"#REF!\", \"abc\"; lines 2, 4)"), w.message());
        // eleven distinct odd texts are too many even at a small share
        StringBuilder varied = new StringBuilder("x\n");
        for (int i = 0; i < 400; i++) {
            varied.append(i % 30 == 0 ? "t" + i : String.valueOf(i)).append('\n');
        }
        t = assertReadsAlike(config(write("varied.csv", varied.toString()), ',', true, MARKERS, Map.of()), null);
        assertInstanceOf(StringColumn.class, t.column("x"));
    }

    @Test
    void randomFilesReadAsTablesawReadsThem() throws IOException {
        Random random = new Random(20240611);
        for (int n = 0; n < 300; n++) {
            RandomCsv csv = RandomCsv.make(random);
            Path file = write("random" + n + ".csv", csv.content());
            DataConfig data = config(file, csv.delimiter(), csv.header(), csv.markers(), csv.types());
            try {
                assertReadsAlike(data, csv.only());
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\n--- file ---\n" + csv.content(), e);
            }
        }
    }
}
