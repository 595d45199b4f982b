package org.workbench.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.DoubleColumn;

/** Missing markers, odd cells in number columns, infinities and missing-value codes. */
class DirtyNumbersTest {
    @TempDir
    Path dir;

    /** Iris with these texts written into sepal_width on data rows 10, 30, 50, ... */
    private Path irisWith(String name, List<String> cells) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(Path.of("../datasets/iris/data.csv")));
        for (int i = 0; i < cells.size(); i++) {
            int row = 10 + 20 * i;
            String[] fields = lines.get(row).split(",");
            fields[1] = cells.get(i);
            lines.set(row, String.join(",", fields));
        }
        Path file = dir.resolve(name);
        Files.write(file, lines);
        return file;
    }

    private static CsvSource.CsvRead load(Path file) {
        return CsvSource.load(CsvDialectTest.auto(file));
    }

    @Test
    void pandasMissingMarkersKeepIrisNumeric() throws IOException {
        CsvSource.CsvRead read = load(irisWith("na.csv", List.of("#N/A", "#N/A", "#N/A", "#N/A", "#N/A")));
        assertInstanceOf(DoubleColumn.class, read.table().column("sepal_width"));
        assertEquals(5, read.table().column("sepal_width").countMissing());
        assertEquals(List.of(), read.warnings());
        for (String marker : DataConfig.DEFAULT_MISSING) {
            if (!marker.isEmpty()) {
                Path file = irisWith("marker.csv", List.of(marker, marker));
                assertEquals(2, load(file).table().doubleColumn("sepal_width").countMissing(), marker);
            }
        }
    }

    @Test
    void infinitiesAreMissingWithOneWarning() throws IOException {
        CsvSource.CsvRead read = load(irisWith("inf.csv", List.of("inf", "Infinity", "-inf", "INF", "inf")));
        DoubleColumn column = read.table().doubleColumn("sepal_width");
        assertEquals(5, column.countMissing());
        assertEquals(4.4, column.max());
        assertEquals(1, read.warnings().size());
        DataWarning w = read.warnings().get(0);
        assertEquals(new DataWarning("infinite_values", "sepal_width", 5,
                "column 'sepal_width' has 5 infinite values (\"inf\" x2, \"Infinity\", \"-inf\", \"INF\"; lines 11, 31, 51, "
                        + "71, 91), read as missing: no model can use them"), w);
    }

    @Test
    void aStrayTextIsMissingWithOneWarningThatSaysHowToKeepIt() throws IOException {
        CsvSource.CsvRead read = load(irisWith("abc.csv", List.of("abc", "#REF!", "abc")));
        assertEquals(3, read.table().doubleColumn("sepal_width").countMissing());
        assertEquals(List.of(new DataWarning("non_numeric_cells", "sepal_width", 3,
                "column 'sepal_width' is numeric except for 3 cells (\"abc\" x2, \"#REF!\"; lines 11, 31, 51), read as "
                        + "missing; to keep it as text set data.column_types: {sepal_width: categorical}, or add the "
                        + "tokens to data.missing_values")), read.warnings());
        // the config's word wins
        DataConfig text = CsvDialectTest.auto(irisWith("abc2.csv", List.of("abc"))).forFile(dir.resolve("abc2.csv"),
                Map.of("sepal_width", "categorical"));
        assertEquals("abc", CsvSource.read(text).stringColumn("sepal_width").get(9));
    }

    @Test
    void tooManyOddCellsMakeText() throws IOException {
        List<String> odd = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            odd.add("n" + i);
        }
        // 8 of 150 cells is more than 5%
        CsvSource.CsvRead read = load(irisWith("text.csv", odd));
        assertEquals("3.0", read.table().stringColumn("sepal_width").get(1));
        assertEquals("n0", read.table().stringColumn("sepal_width").get(9));
        // a few distinct texts among numbers: the read says it made the numbers categories, and how to undo it
        assertEquals(1, read.warnings().size(), read.warnings().toString());
        DataWarning w = read.warnings().get(0);
        assertEquals("numbers_with_text", w.kind());
        assertEquals(8, w.value());
        assertTrue(w.message().startsWith("column 'sepal_width' is numbers except for 8 cells (\"n0\", \"n1\""), w.message());
        assertTrue(w.message().contains("5.3% of its values"), w.message());
        assertTrue(w.message().endsWith("add them to data.missing_values"), w.message());
    }

    @Test
    void aPlaceholderInMoreThanOneRowInTwentyIsNamedWhereverItFirstAppears() throws IOException {
        // "-" in 8.5% of the rows, the first data row among them: read as text, with the reason and the fix
        StringBuilder csv = new StringBuilder("x,y\n");
        for (int i = 0; i < 400; i++) {
            csv.append(i % 12 == 0 ? "-" : String.valueOf(i % 61)).append(',').append(i % 2).append('\n');
        }
        Path file = Files.writeString(dir.resolve("dash.csv"), csv);
        CsvSource.CsvRead read = load(file);
        assertInstanceOf(tech.tablesaw.api.StringColumn.class, read.table().column("x"));
        DataWarning w = read.warnings().stream().filter(d -> d.kind().equals("numbers_with_text")).findFirst().orElseThrow();
        assertEquals("x", w.column());
        assertTrue(w.message().startsWith("column 'x' is numbers except for 34 cells (\"-\" x34; lines 2, 14, 26, 38, 50, ...), 8.5%"),
                w.message());
        // the fix it names works: the column is numbers, the placeholders missing
        DataConfig fixed = new DataConfig(file, DataConfig.AUTO, '"', true, List.of("", "-"), Map.of(),
                new DataConfig.Split(0.2, true), DataConfig.AUTO, DataConfig.NONE, java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(34, CsvSource.read(fixed).doubleColumn("x").countMissing());
    }

    @Test
    void aRepeatedOutOfRangeCodeIsWarnedOnceForAllItsColumns() throws IOException {
        Path file = AirLikeFile.write(dir.resolve("air.csv"));
        CsvSource.CsvRead read = load(file);
        List<DataWarning> codes = read.warnings().stream().filter(w -> w.kind().equals("missing_code")).toList();
        assertEquals(1, codes.size(), read.warnings().toString());
        DataWarning w = codes.get(0);
        assertEquals(-200, w.value());
        assertEquals("horsepower, acceleration", w.column());
        assertTrue(w.message().startsWith("-200 looks like a missing-value code: it is the extreme value of 2 columns "
                + "('horsepower' 1.5%, 'acceleration' 9.8% of rows)"), w.message());
        assertTrue(w.message().endsWith("add it to data.missing_values (e.g. [\"\", \"NA\", \"-200\"])"), w.message());
        // the file's real values, decimal commas included
        assertEquals(46.6, read.table().doubleColumn("mpg").max());
        assertEquals(9.0, read.table().doubleColumn("mpg").min());
        assertEquals(-200, read.table().doubleColumn("horsepower").min());
        // a numeric marker also matches the same number written "-200,0"
        DataConfig marked = new DataConfig(file, DataConfig.AUTO, '"', true, List.of("", "-200"), Map.of(),
                new DataConfig.Split(0.2, true), DataConfig.AUTO, DataConfig.NONE, java.nio.charset.StandardCharsets.UTF_8);
        CsvSource.CsvRead clean = CsvSource.load(marked);
        assertEquals(46.0, clean.table().doubleColumn("horsepower").min());
        assertEquals(8.0, clean.table().doubleColumn("acceleration").min());
        assertEquals(List.of(), clean.warnings());
    }

    @Test
    void codesAreJudgedByTheDocumentedRule() {
        assertTrue(MissingCodes.looksLikeCode(-200));
        assertTrue(MissingCodes.looksLikeCode(-1));
        assertTrue(MissingCodes.looksLikeCode(999));
        assertTrue(MissingCodes.looksLikeCode(-9999));
        assertTrue(!MissingCodes.looksLikeCode(0));
        assertTrue(!MissingCodes.looksLikeCode(-201));
        assertTrue(!MissingCodes.looksLikeCode(99.5));
        // the top of a count or a rating scale (titanic's SibSp 8, a wine quality of 8) is no code
        assertTrue(!MissingCodes.looksLikeCode(8));
        assertTrue(MissingCodes.looksLikeCode(-9));
        assertTrue(MissingCodes.looksLikeCode(99));
        // -1 in a column otherwise positive, in 2% of the rows
        double[] ages = new double[200];
        for (int i = 0; i < ages.length; i++) {
            ages[i] = i < 4 ? -1 : 20 + i % 50;
        }
        assertEquals(List.of(-1.0), MissingCodes.candidates(ages, ages.length));
        // a 0/1 column's 1 is no code
        double[] flags = new double[100];
        for (int i = 0; i < 30; i++) {
            flags[i] = 1;
        }
        assertEquals(List.of(), MissingCodes.candidates(flags, flags.length));
        // a netCDF fill value in 2% of a measurement's rows, whatever its digits
        assertTrue(MissingCodes.looksLikeCode(9.96921e36) && MissingCodes.looksLikeCode(-1e20));
        double[] temperatures = new double[200];
        for (int i = 0; i < temperatures.length; i++) {
            temperatures[i] = i % 50 == 0 ? 9.96921e36 : 10 + i % 17 * 0.5;
        }
        assertEquals(List.of(9.96921e36), MissingCodes.candidates(temperatures, temperatures.length));
        List<DataWarning> warned = MissingCodes.find(Map.of("t", temperatures), temperatures.length);
        assertTrue(warned.get(0).message().startsWith("9.96921E36 looks like a missing-value code"), warned.toString());
    }

    @Test
    void shippedDatasetsReadWithoutReadWarnings() throws IOException {
        // their configs' markers: the data reads as before, and no column gets a read warning
        Map<String, List<String>> markers = Map.of("adult", List.of("?", ""), "auto_mpg", List.of("?"),
                "penguins", List.of("", "NA"));
        try (var files = Files.list(Path.of("../datasets"))) {
            for (Path folder : files.filter(Files::isDirectory).sorted().toList()) {
                Path file = folder.resolve("data.csv");
                if (!Files.exists(file)) {
                    continue;
                }
                String name = folder.getFileName().toString();
                DataConfig data = new DataConfig(file, DataConfig.AUTO, '"', true,
                        markers.getOrDefault(name, DataConfig.DEFAULT_MISSING), Map.of(), new DataConfig.Split(0.2, true),
                        DataConfig.AUTO, DataConfig.NONE, java.nio.charset.StandardCharsets.UTF_8);
                CsvSource.CsvRead read = CsvSource.load(data);
                assertEquals(List.of(), read.warnings(), name);
                assertTrue(read.dialect().plain(), name);
            }
        }
    }

    @Test
    void rowsSwallowedBetweenTwoStrayQuotesAreNamedWithBothLines() throws IOException {
        StringBuilder csv = new StringBuilder("x,name,y\n");
        for (int i = 0; i < 200; i++) {
            String name = i == 50 ? "\"Bob" : i == 120 ? "Smith\"" : "n" + i;
            csv.append(i).append(',').append(name).append(',').append(i % 2).append('\n');
        }
        Path file = Files.writeString(dir.resolve("quotes.csv"), csv);
        CsvSource.CsvRead read = load(file);
        assertEquals(130, read.table().rowCount(), "RFC 4180 reading: the rows between the quotes are one value");
        DataWarning w = read.warnings().stream().filter(d -> d.kind().equals("rows_in_quotes")).findFirst().orElseThrow();
        assertEquals("name", w.column());
        assertEquals(69, w.value());
        assertTrue(w.message().startsWith("lines 52-122 are one quoted value of column 'name' holding 69 lines shaped like rows"),
                w.message());
        // a real multi-line value (an address) is not reported
        Path address = Files.writeString(dir.resolve("address.csv"), "a,addr,y\n1,\"12 High St\nFlat 2\nLeeds\",0\n2,x,1\n3,y,0\n");
        assertEquals(List.of(), load(address).warnings().stream().filter(d -> d.kind().equals("rows_in_quotes")).toList());
    }

    @Test
    void dotsThatGroupThousandsInASemicolonFileAreNamedNotSilentlyReadAsDecimals() throws IOException {
        StringBuilder grouped = new StringBuilder("amount;y\n");
        StringBuilder decimals = new StringBuilder("amount;y\n");
        for (int i = 0; i < 60; i++) {
            int euros = 1000 + 997 * i;
            grouped.append(euros / 1000).append('.').append(String.format(java.util.Locale.ROOT, "%03d", euros % 1000))
                    .append(';').append(i % 2).append('\n');
            decimals.append(String.format(java.util.Locale.ROOT, "%.2f;%d%n", i * 1.37, i % 2));
        }
        grouped.append("890;1\n");
        CsvSource.CsvRead read = load(Files.writeString(dir.resolve("grouped.csv"), grouped));
        DataWarning w = read.warnings().stream().filter(d -> d.kind().equals("formatted_numbers")).findFirst().orElseThrow();
        assertEquals("amount", w.column());
        assertTrue(w.message().endsWith("set data.thousands: \".\" and data.decimal: \",\""), w.message());
        assertEquals(List.of(), load(Files.writeString(dir.resolve("decimals.csv"), decimals)).warnings());
        // a value without a '.' from 1000 up says the dots are decimals
        grouped.append("1500;0\n");
        assertEquals(List.of(), load(Files.writeString(dir.resolve("mixed.csv"), grouped)).warnings());
    }

    @Test
    void numbersWrittenOtherwiseThanAsPlainIntegersAreNamedForTheirLabels() throws IOException {
        assertTrue(ColumnBuilder.plainInteger("10") && ColumnBuilder.plainInteger("-3") && ColumnBuilder.plainInteger("0"));
        for (String cell : List.of("010", "1.0", "+1", "1e3", "-0", "9007199254740993", " 1")) {
            assertFalse(ColumnBuilder.plainInteger(cell), cell);
        }
        Path file = Files.writeString(dir.resolve("labels.csv"), "a,b,c\n1,1.0,001\n2,2.0,010\n");
        assertEquals(List.of("b", "c"), load(file).reformattedNumbers());
    }
}
