package org.workbench.collection;

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
 * The one-pass reader gives, cell for cell, the table of the two-pass read it replaced
 * ({@link TwoPassCsv}: Tablesaw's CsvReader with the detected column types), or the same error.
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
            String cannotRead = data.source() + ": cannot read CSV: ";
            if (only != null && e.getMessage().startsWith(cannotRead)) {
                // with skipped columns Tablesaw named the wrong column, or failed on the name itself
                assertTrue(actual.getMessage().startsWith(cannotRead + "Error while adding cell"), actual.getMessage());
            } else {
                assertEquals(e.getMessage(), actual.getMessage());
            }
            return null;
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            // the old read crashed (NumberFormatException or StringIndexOutOfBoundsException) on a
            // forced-numeric cell Tablesaw's parser accepts but cannot read ("1,5%", "5%,,")
            InputException actual = assertThrows(InputException.class,
                    () -> CsvSource.read(data, only), data.source().toString());
            assertTrue(actual.getMessage().contains("but data.column_types says numeric"), actual.getMessage());
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
            assertEquals(e.getClass(), a.getClass(), where);
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

    @Test
    void everyShippedDatasetReadsAsTablesawReadsIt() throws IOException {
        List<Path> files = shippedFiles();
        assertTrue(files.size() >= 8, files.toString());
        for (Path file : files) {
            assertReadsAlike(config(file, ',', true, MARKERS, Map.of()), null);
            assertReadsAlike(config(file, ',', true, List.of(""), Map.of()), null);
            assertReadsAlike(config(file, ',', true, List.of(), Map.of()), null);
        }
    }

    @Test
    void shippedDatasetsWithForcedTypesAndColumnSubsets() throws IOException {
        for (Path file : shippedFiles()) {
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
        Path semi = write("semi.csv", "x;label\r\n1,5;\"a;b\"\r\n2;c\r\n");
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
    void tablesawNumberQuirks() throws IOException {
        // thousands commas dropped, percentages divided, Java literals such as 1d and 0x1p3 accepted
        Path file = write("quirks.csv", "a,b,c,d\n\"1,234\",5%,1d,NaN\n-0,\"12.5%\",0x1p3,Infinity\n"
                + "\" 7 \",1e5%,2f,-Infinity\n");
        assertReadsAlike(config(file, ',', true, MARKERS, Map.of()), null);
        assertReadsAlike(config(file, ',', true, MARKERS, Map.of("b", "numeric")), null);
    }

    @Test
    void aPercentTablesawCannotReadFailsAsItDid() throws IOException {
        Path file = write("pct.csv", "a,p,q\n1,5%,x\n2,\"1,5%\",y\n");
        assertReadsAlike(config(file, ',', true, MARKERS, Map.of()), null);
        InputException e = assertThrows(InputException.class,
                () -> CsvSource.read(config(file, ',', true, MARKERS, Map.of())));
        assertEquals(file + ": cannot read CSV: Error while adding cell from row 2 and column p(position:1): "
                + "Error adding value to column p: For input string: \"15%\"", e.getMessage());
        assertReadsAlike(config(file, ',', true, MARKERS, Map.of("p", "categorical")), null);
        assertReadsAlike(config(file, ',', true, MARKERS, Map.of("p", "numeric")), null);
        // text later in the column makes it categorical, so nothing is parsed
        Path later = write("pct-later.csv", "a,p\n1,5%\n2,\"1,5%\"\n3,\"5%,,\"\n4,text\n");
        assertReadsAlike(config(later, ',', true, MARKERS, Map.of()), null);
        Path commas = write("pct-commas.csv", "a,p\n1,5%\n2,\"5%,,\"\n");
        assertReadsAlike(config(commas, ',', true, MARKERS, Map.of()), null);
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
