package org.workbench.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workbench.core.InputException;
import tech.tablesaw.api.Table;

/** Sniffing the delimiter and decimal mark, encodings, byte order marks and blank-named columns. */
class CsvDialectTest {
    @TempDir
    Path dir;

    private static final List<String> IRIS = readIris();

    private static List<String> readIris() {
        try {
            return Files.readAllLines(Path.of("../datasets/iris/data.csv"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sniffs everything sniffable, with the given encoding. */
    static DataConfig auto(Path file, Charset encoding) {
        return new DataConfig(file, DataConfig.AUTO, '"', true, DataConfig.DEFAULT_MISSING, Map.of(),
                new DataConfig.Split(0.2, true), DataConfig.AUTO, DataConfig.NONE, encoding);
    }

    static DataConfig auto(Path file) {
        return auto(file, StandardCharsets.UTF_8);
    }

    @Test
    void excelsSepLineSetsTheDelimiterAndIsNotPartOfTheTable() throws IOException {
        // as Excel writes it in a locale with decimal commas: "sep=;" first, CRLF line ends, a byte-order mark
        Path file = dir.resolve("excel.csv");
        Files.writeString(file, "\uFEFFsep=;\r\na;b;y\r\n1,5;x;yes\r\n2,5;z;no\r\n3,25;x;no\r\n");
        CsvSource.CsvRead read = CsvSource.load(auto(file));
        assertEquals(List.of("a", "b", "y"), read.table().columnNames());
        assertEquals(3, read.table().rowCount());
        assertArrayEquals(new double[] {1.5, 2.5, 3.25}, read.table().doubleColumn("a").asDoubleArray());
        assertEquals(';', read.dialect().delimiter());
        assertEquals(',', read.dialect().decimal());
        assertTrue(CsvSource.startsWithSeparatorLine(auto(file)));
        // errors still name the file's physical lines: the sep line is line 1, the header line 2
        Files.writeString(file, "SEP=|\na|y\n1|yes\n2|no|extra\n");
        InputException e = assertThrows(InputException.class, () -> CsvSource.load(auto(file)));
        assertEquals(file + ": line 4 has 3 fields, expected 2 as in the header (delimiter '|')", e.getMessage());
        // a header whose first name merely starts with "sep=" is a header
        Files.writeString(file, "sep=1,b\n1,2\n3,4\n");
        assertEquals(List.of("sep=1", "b"), CsvSource.load(auto(file)).table().columnNames());
        assertFalse(CsvSource.startsWithSeparatorLine(auto(file)));
    }

    /** Iris with another delimiter, and decimal commas when asked. */
    private Path iris(String name, String delimiter, boolean decimalComma) throws IOException {
        StringBuilder out = new StringBuilder();
        for (String line : IRIS) {
            String row = String.join(delimiter, line.split(",", -1));
            out.append(decimalComma ? row.replace('.', ',') : row).append('\n');
        }
        Path file = dir.resolve(name);
        Files.writeString(file, out.toString());
        return file;
    }

    private static double[] sepalLengths(Table t) {
        return t.doubleColumn("sepal_length").asDoubleArray();
    }

    @Test
    void everyCandidateDelimiterIsSniffedAndNumbersReadTheSame() throws IOException {
        double[] expected = sepalLengths(CsvSource.read(CsvSourceTest.shipped("iris")));
        for (String delimiter : List.of(",", ";", "\t", "|")) {
            CsvSource.CsvRead read = CsvSource.load(auto(iris("iris" + (int) delimiter.charAt(0) + ".csv", delimiter, false)));
            assertEquals(delimiter.charAt(0), read.dialect().delimiter());
            assertTrue(read.dialect().delimiterSniffed());
            assertEquals('.', read.dialect().decimal());
            assertArrayEquals(expected, sepalLengths(read.table()), delimiter);
            assertEquals(5, read.table().columnCount());
        }
    }

    @Test
    void decimalCommasAreSniffedWithSemicolonsAndTabs() throws IOException {
        double[] expected = sepalLengths(CsvSource.read(CsvSourceTest.shipped("iris")));
        for (String delimiter : List.of(";", "\t")) {
            CsvSource.CsvRead read = CsvSource.load(auto(iris("comma" + (int) delimiter.charAt(0) + ".csv", delimiter, true)));
            assertEquals(',', read.dialect().decimal());
            assertTrue(read.dialect().decimalSniffed());
            assertArrayEquals(expected, sepalLengths(read.table()));
            assertTrue(read.notes().contains("decimal mark ',' (sniffed; set data.decimal to override), no thousands separator"),
                    read.notes().toString());
        }
    }

    @Test
    void aThousandsSeparatorIsStrippedOnlyWhenConfigured() throws IOException {
        Path file = dir.resolve("money.csv");
        Files.writeString(file, "id;amount\n1;\"1.234,5\"\n2;12,25\n3;7\n");
        DataConfig sniffed = auto(file);
        // no thousands separator: "1.234,5" is not a number, and one odd cell in three is too many
        assertEquals("1.234,5", CsvSource.read(sniffed).stringColumn("amount").get(0));
        DataConfig dotted = new DataConfig(file, DataConfig.AUTO, '"', true, DataConfig.DEFAULT_MISSING, Map.of(),
                new DataConfig.Split(0.2, true), DataConfig.AUTO, '.', StandardCharsets.UTF_8);
        CsvSource.CsvRead read = CsvSource.load(dotted);
        assertArrayEquals(new double[] {1234.5, 12.25, 7}, read.table().doubleColumn("amount").asDoubleArray());
        assertEquals("';' delimited, decimal ',', thousands '.', sniffed", read.dialect().describe());
    }

    @Test
    void aDotThousandsSeparatorMakesTheCommaTheDecimalMarkEvenWithoutDecimals() throws IOException {
        // grouped whole numbers only: "1.234" looks like a decimal point to a sniffer, but thousands '.' settles it
        Path file = dir.resolve("grouped.csv");
        Files.writeString(file, "id;amount\n1;1.234\n2;15.000\n3;2.500.000\n4;7\n");
        DataConfig dotted = new DataConfig(file, DataConfig.AUTO, '"', true, DataConfig.DEFAULT_MISSING, Map.of(),
                new DataConfig.Split(0.2, true), DataConfig.AUTO, '.', StandardCharsets.UTF_8);
        CsvSource.CsvRead read = CsvSource.load(dotted);
        assertArrayEquals(new double[] {1234, 15000, 2500000, 7}, read.table().doubleColumn("amount").asDoubleArray());
        assertEquals(',', read.dialect().decimal());
    }

    @Test
    void aConfiguredDecimalCommaIsNoDelimiterCandidate() throws IOException {
        Path file = dir.resolve("headerless.csv");
        // without a header every row has as many commas as semicolons: ',' alone would look consistent
        Files.writeString(file, "1,5;2,5\n3,5;4,5\n");
        DataConfig data = new DataConfig(file, DataConfig.AUTO, '"', false, DataConfig.DEFAULT_MISSING, Map.of(),
                new DataConfig.Split(0.2, true), ',', DataConfig.NONE, StandardCharsets.UTF_8);
        CsvSource.CsvRead read = CsvSource.load(data);
        assertEquals(';', read.dialect().delimiter());
        assertArrayEquals(new double[] {2.5, 4.5}, read.table().doubleColumn("C1").asDoubleArray());
    }

    @Test
    void aDelimiterOnlyInsideQuotesIsNeverChosen() throws IOException {
        Path file = dir.resolve("quoted.csv");
        // ';' appears in every row, but only inside quotes; '|' only in a quoted value too
        Files.writeString(file, "name,score\n\"a;b\",1\n\"c;d|e\",2\n\"f;g\",3\n");
        CsvSource.CsvRead read = CsvSource.load(auto(file));
        assertEquals(',', read.dialect().delimiter());
        assertEquals(List.of("a;b", "c;d|e", "f;g"), read.table().stringColumn("name").asList());
        Path multiline = dir.resolve("multiline.csv");
        Files.writeString(multiline, "a;b\n1;\"x,\ny,z\"\n2;w\n");
        assertEquals(';', CsvSource.load(auto(multiline)).dialect().delimiter());
    }

    @Test
    void noConsistentCandidateListsWhatWasTried() throws IOException {
        Path file = dir.resolve("ragged.csv");
        Files.writeString(file, "a,b;c\n1,2\n3;4;5|6\n7,8,9\n");
        InputException e = assertThrows(InputException.class, () -> CsvSource.read(auto(file)));
        assertEquals(file + ": cannot tell the delimiter: no candidate splits the first 4 lines into the same number "
                + "of fields (',' gives 1 to 3 fields, ';' gives 1 to 3 fields, '|' gives 1 to 2 fields); "
                + "set data.delimiter (e.g. ';' or tab) or check the quoting", e.getMessage());
    }

    @Test
    void aRaggedLineInAFileWithOneCandidateIsNamed() throws IOException {
        Path file = dir.resolve("ragged-commas.csv");
        Files.writeString(file, "a,b,y\n1,2,x\n3,4,z\n5,6\n7,8,x\n");
        InputException e = assertThrows(InputException.class, () -> CsvSource.read(auto(file)));
        assertEquals(file + ": line 4 has 2 fields, expected 3 as in the header (delimiter ',')", e.getMessage());
    }

    @Test
    void oneColumnAndHeaderOnlyFiles() throws IOException {
        Path one = dir.resolve("one.csv");
        Files.writeString(one, "x\n1.5\n2\nNA\n");
        CsvSource.CsvRead read = CsvSource.load(auto(one));
        assertEquals(List.of("x"), read.table().columnNames());
        assertEquals(1, read.table().doubleColumn("x").countMissing());
        Path header = dir.resolve("header.csv");
        Files.writeString(header, "a;b;c\n");
        InputException e = assertThrows(InputException.class, () -> CsvSource.read(auto(header)));
        assertEquals(header + ": has a header but no data rows", e.getMessage());
        assertEquals(List.of("a", "b", "c"), CsvSource.header(auto(header)));
    }

    @Test
    void windows1252BytesNameTheirLineAndSuggestAnEncoding() throws IOException {
        Path file = dir.resolve("cp1252.csv");
        String text = "city;temp\nZ\u00fcrich;11,9\nK\u00f6ln;-3,5\n";
        Files.write(file, text.getBytes(Charset.forName("windows-1252")));
        InputException e = assertThrows(InputException.class, () -> CsvSource.read(auto(file)));
        assertEquals(file + ": line 2, column 2 (byte offset 11): byte 0xFC is not valid UTF-8; set data.encoding to the "
                + "file's encoding (e.g. windows-1252 or latin1 for Western European spreadsheet exports)", e.getMessage());
        for (String encoding : List.of("windows-1252", "latin1")) {
            Table t = CsvSource.read(auto(file, Charset.forName(encoding)));
            assertEquals(List.of("Z\u00fcrich", "K\u00f6ln"), t.stringColumn("city").asList());
            assertArrayEquals(new double[] {11.9, -3.5}, t.doubleColumn("temp").asDoubleArray());
        }
    }

    @Test
    void aCommentFirstLineTakenForTheHeaderIsNamed() throws IOException {
        Path file = Files.writeString(dir.resolve("comment.csv"), "# exported 2026-01-01\na,b,y\n1,2,x\n3,4,z\n");
        InputException e = assertThrows(InputException.class, () -> CsvSource.read(auto(file)));
        assertTrue(e.getMessage().endsWith("line 1 starts with '#', so it was taken for the header: if it is a comment,"
                + " delete it (comment lines are not skipped)"), e.getMessage());
    }

    @Test
    void aCompressedFileOrWorkbookIsNamedForWhatItIs() throws IOException {
        Path gz = dir.resolve("data.csv");
        try (java.io.OutputStream out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write("a,b\n1,2\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        InputException e = assertThrows(InputException.class, () -> CsvSource.read(auto(gz)));
        assertEquals(gz + ": is gzip-compressed, not a CSV text file; decompress it first (gunzip FILE, or zcat FILE > data.csv)",
                e.getMessage());
        Path xlsx = dir.resolve("sheet.csv");
        try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(xlsx))) {
            out.putNextEntry(new java.util.zip.ZipEntry("xl/workbook.xml"));
            out.write(new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 1});
            out.closeEntry();
        }
        e = assertThrows(InputException.class, () -> CsvSource.read(auto(xlsx)));
        assertTrue(e.getMessage().startsWith(xlsx + ": is a zip archive (an .xlsx workbook is one)"), e.getMessage());
    }

    @Test
    void anUndecodableByteFarIntoTheFileIsNamedToo() throws IOException {
        Path file = dir.resolve("late-byte.csv");
        StringBuilder text = new StringBuilder("city;temp\n");
        for (int i = 0; i < 20_000; i++) {
            text.append("Bern;").append(i % 30).append(",5\n");
        }
        text.append("Z\u00fcrich;11,9\n");
        Files.write(file, text.toString().getBytes(Charset.forName("windows-1252")));
        InputException e = assertThrows(InputException.class, () -> CsvSource.read(auto(file)));
        assertTrue(e.getMessage().startsWith(file + ": line 20002, column 2 (byte offset "), e.getMessage());
        assertTrue(e.getMessage().contains("byte 0xFC is not valid UTF-8; set data.encoding"), e.getMessage());
    }

    @Test
    void aByteOrderMarkIsAccepted() throws IOException {
        Path file = dir.resolve("bom.csv");
        Files.writeString(file, "\uFEFFa;b\n1,5;x\n");
        CsvSource.CsvRead read = CsvSource.load(auto(file));
        assertEquals(List.of("a", "b"), read.table().columnNames());
        assertEquals(1.5, read.table().doubleColumn("a").get(0));
    }

    @Test
    void trailingBlankColumnsAreDroppedWithANote() throws IOException {
        Path file = dir.resolve("trailing.csv");
        Files.writeString(file, "a;b;;\n1,5;x;;\n2;y;;\n");
        CsvSource.CsvRead read = CsvSource.load(auto(file));
        assertEquals(List.of("a", "b"), read.table().columnNames());
        assertTrue(read.notes().contains("dropped 2 columns with a blank name and no values (columns 3, 4)"), read.notes().toString());
        assertEquals(List.of("a", "b"), CsvSource.header(auto(file)));
        Path filled = dir.resolve("filled.csv");
        Files.writeString(filled, "a;b;;\n1,5;x;;\n2;y;;7\n");
        InputException e = assertThrows(InputException.class, () -> CsvSource.read(auto(filled)));
        assertEquals(filled + ": line 3: column 4 has a blank name in the header but holds the value \"7\"; "
                + "give it a name in the header line (line 1)", e.getMessage());
    }
}
