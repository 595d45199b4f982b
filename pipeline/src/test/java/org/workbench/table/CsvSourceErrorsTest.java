package org.workbench.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workbench.core.InputException;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Bad files give one-line InputExceptions naming the file and, where it applies, the line. */
class CsvSourceErrorsTest {
    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private static DataConfig data(Path file) {
        return CsvSourceTest.data(file, Map.of());
    }

    private static String failure(DataConfig data) {
        InputException e = assertThrows(InputException.class, () -> CsvSource.read(data));
        String message = e.getMessage();
        assertTrue(message.contains(data.source().getFileName().toString()), message);
        assertEquals(1, message.lines().count(), message);
        return message;
    }

    private static void assertContains(String expected, String message) {
        assertTrue(message.contains(expected), "expected \"" + expected + "\" in: " + message);
    }

    @Test
    void missingFile() {
        String m = failure(data(dir.resolve("nowhere.csv")));
        assertContains("not found", m);
    }

    @Test
    void emptyAndBlankFiles() throws IOException {
        assertContains("is empty", failure(data(write("zero.csv", ""))));
        assertContains("is empty", failure(data(write("blank.csv", "  \n\t\n"))));
        InputException e = assertThrows(InputException.class, () -> CsvSource.header(data(dir.resolve("zero.csv"))));
        assertContains("zero.csv: the file is empty", e.getMessage());
    }

    @Test
    void headerWithoutRows() throws IOException {
        assertContains("header but no data rows", failure(data(write("header.csv", "a,b\n\n"))));
    }

    @Test
    void shortRowGivesItsLineNumber() throws IOException {
        // the quoted value spans lines 2-3, so the short row is on physical line 5, data row 3
        String m = failure(data(write("short.csv", "a,b\n1,\"two\nlines\"\n3,4\n5\n6,7\n")));
        assertContains("short.csv: line 5 has 1 fields, expected 2", m);
    }

    @Test
    void lineNumbersCountBlankLinesAndQuotedLineBreaksWithEitherLineEnd() throws IOException {
        for (String end : List.of("\n", "\r\n")) {
            String name = end.length() == 1 ? "lf.csv" : "crlf.csv";
            // lines: 1 header, 2 row, 3 blank, 4-5 quoted value, 6 row, 7-8 blank, 9-10 quoted value, 11 short row
            String text = String.join(end, "a,b", "1,x", "", "2,\"y", "z\"", "3,w", "", "", "4,\"p", "q\"", "5", "6,v", "");
            assertContains(name + ": line 11 has 1 fields, expected 2", failure(data(write(name, text))));
            // the same rows without the short one read in full, quoted line breaks kept (as \n, as Tablesaw reads them)
            Table t = CsvSource.read(data(write("ok-" + name, text.replace(end + "5" + end, end))));
            assertEquals(List.of("x", "y\nz", "w", "p\nq", "v"), t.stringColumn("b").asList());
        }
        // a short row straight after a value spanning lines, and one straight after the header
        assertContains("right-after.csv: line 4 has 1 fields",
                failure(data(write("right-after.csv", "a,b\n1,\"two\nlines\"\n5\n"))));
        assertContains("first.csv: line 2 has 1 fields", failure(data(write("first.csv", "a,b\n5\n1,2\n"))));
    }

    @Test
    void longRowGivesItsLineNumber() throws IOException {
        String m = failure(data(write("long.csv", "a,b\n1,2\n\n3,4,5\n")));
        assertContains("line 4 has 3 fields, expected 2", m);
    }

    @Test
    void duplicateAndBlankColumnNames() throws IOException {
        assertContains("column name 'Age' appears twice (columns 1 and 3",
                failure(data(write("dup.csv", "age,b,Age\n1,2,3\n"))));
        assertContains("blank-name.csv: line 2: column 2 has a blank name in the header but holds the value \"2\"; "
                + "give it a name in the header line", failure(data(write("blank-name.csv", "a, ,c\n1,2,3\n"))));
        assertContains("line 3: column 3 has a blank name", failure(data(write("no-name.csv", "a,b,\n1,2,\n1,2,3\n"))));
    }

    @Test
    void headerChecksNamesToo() throws IOException {
        InputException e = assertThrows(InputException.class,
                () -> CsvSource.header(data(write("dup-header.csv", "x,y,x\n1,2,3\n"))));
        assertEquals(dir.resolve("dup-header.csv") + ": line 1: column name 'x' appears twice (columns 1 and 3;"
                + " names are compared ignoring case)", e.getMessage());
    }

    @Test
    void byteOrderMarkIsNotPartOfTheFirstName() throws IOException {
        Path file = write("bom.csv", "\uFEFFid,name\n1,a\n");
        assertEquals(List.of("id", "name"), CsvSource.header(data(file)));
        assertEquals(List.of("id", "name"), CsvSource.read(data(file)).columnNames());
    }

    @Test
    void unclosedQuote() throws IOException {
        String m = failure(data(write("open.csv", "a,b\n1,2\n3,\"four\n5,6\n")));
        assertContains("line 3: a quoted value is never closed", m);
    }

    @Test
    void unclosedQuoteInABigFileRunsIntoTheValueLimit() throws IOException {
        String m = failure(data(write("runaway.csv", "a,b\n1,\"" + "x".repeat(CsvLayout.MAX_CHARS_PER_VALUE + 10) + "\n2,3\n")));
        assertContains("runaway.csv: line 2: a value is longer than 1000000 characters; is a quote never closed?", m);
    }

    @Test
    void tooManyFields() throws IOException {
        String m = failure(data(write("wide.csv", "a,b\n" + ",".repeat(CsvLayout.MAX_COLUMNS + 1) + "\n")));
        assertContains("wide.csv: line 2: more than 10000 fields in a row", m);
    }

    @Test
    void oneColumnFileKeepsQuotedEmptyCellAsMissing() throws IOException {
        Table t = CsvSource.read(data(write("one.csv", "a\n1\n\"\"\n\n2\n")));
        assertEquals(3, t.rowCount());
        assertTrue(Double.isNaN(t.doubleColumn("a").getDouble(1)));
    }

    @Test
    void textAfterClosingQuote() throws IOException {
        String m = failure(data(write("after.csv", "a,b\n1,2\n3,\"four\"x\n")));
        assertContains("after.csv: line 3: a quote inside a quoted value must be doubled", m);
    }

    @Test
    void requestedColumnMissingSuggestsNearest() {
        InputException e = assertThrows(InputException.class,
                () -> CsvSource.read(CsvSourceTest.shipped("iris"), Set.of("Specie")));
        assertContains("data.csv: no column 'Specie' (did you mean 'species'?); columns are: sepal_length, "
                + "sepal_width, petal_length, petal_width, species", e.getMessage());
    }

    @Test
    void columnTypeOverrideForAbsentColumn() {
        var data = CsvSourceTest.data(Path.of("../datasets/auto_mpg/data.csv"), Map.of("orign", "categorical"));
        String m = failure(data);
        assertContains("data.column_types names column 'orign' (did you mean 'origin'?)", m);
    }

    @Test
    void numericOverrideRejectsTextWithLineAndColumn() throws IOException {
        Path file = write("num.csv", "id,size\n1,3\n2,\"big\nger\"\n3,large\n");
        var data = CsvSourceTest.data(file, Map.of("size", "numeric"));
        assertContains("num.csv: line 3, column 'size': \"big\\nger\" is not a number", failure(data));
    }

    @Test
    void numericOverrideNamesLineOfBadCell() throws IOException {
        Path file = write("num2.csv", "id,size\n1,3\n2,NA\n3,large\n");
        var data = CsvSourceTest.data(file, Map.of("size", "numeric"));
        assertContains("num2.csv: line 4, column 'size': \"large\" is not a number", failure(data));
    }

    @Test
    void numericOverrideErrorNamesTheFirstColumnInFileOrder() throws IOException {
        // the whole of column a is checked before column b, as when the columns were converted one by one
        Path file = write("num4.csv", "a,b\n1,x\n2,3\ny,4\n");
        var data = CsvSourceTest.data(file, Map.of("a", "numeric", "b", "numeric"));
        assertContains("num4.csv: line 4, column 'a': \"y\" is not a number", failure(data));
    }

    @Test
    void layoutAndColumnErrorsComeBeforeNumericOverrideErrors() throws IOException {
        Path ragged = write("num5.csv", "a,b\n1,x\n2,3,4\n");
        assertContains("num5.csv: line 3 has 3 fields, expected 2",
                failure(CsvSourceTest.data(ragged, Map.of("b", "numeric"))));
        Path file = write("num6.csv", "a,b\n1,x\n");
        var data = CsvSourceTest.data(file, Map.of("b", "numeric"));
        InputException e = assertThrows(InputException.class, () -> CsvSource.read(data, Set.of("b", "c")));
        assertContains("num6.csv: no column 'c'", e.getMessage());
    }

    @Test
    void numericOverrideTurnsMissingIntoNaN() throws IOException {
        Path file = write("num3.csv", "id,size\n1,3\n2,?\n");
        Table t = CsvSource.read(CsvSourceTest.data(file, Map.of("id", "numeric")));
        assertInstanceOf(DoubleColumn.class, t.column("id"));
        assertTrue(Double.isNaN(t.doubleColumn("size").getDouble(1)));
    }

    @Test
    void spacesAroundUnquotedCellsAreDroppedSoSpacedMarkersAreMissing() throws IOException {
        // the raw UCI adult file separates fields with ", "
        Path file = write("spaced.csv", "age, workclass\n39, State-gov\n50, ?\n");
        Table t = CsvSource.read(data(file));
        assertEquals(List.of("age", "workclass"), t.columnNames());
        assertEquals(List.of("State-gov", ""), t.stringColumn("workclass").asList());
        assertEquals(50.0, t.doubleColumn("age").get(1));
    }

    @Test
    void missingMarkersComeFromTheConfigOnly() throws IOException {
        Path file = write("markers.csv", "a,b\nNA,1\nN/A,2\n-,3\n");
        var data = new DataConfig(file, ',', '"', true, List.of("-"), Map.of(), new DataConfig.Split(0.2, true));
        assertEquals(List.of("NA", "N/A", ""), CsvSource.read(data).stringColumn("a").asList());
    }

    @Test
    void hashAtLineStartIsDataNotAComment() throws IOException {
        Table t = CsvSource.read(data(write("hash.csv", "tag,n\n#1,1\n#2,2\n")));
        assertEquals(List.of("#1", "#2"), t.stringColumn("tag").asList());
    }

    @Test
    void booleansAndDatesStayAsWritten() throws IOException {
        Table t = CsvSource.read(data(write("text.csv", "flag,day,code\nT,2020-01-05,007\nF,2021-12-31,010\n")));
        assertEquals(List.of("T", "F"), t.stringColumn("flag").asList());
        assertEquals(List.of("2020-01-05", "2021-12-31"), t.stringColumn("day").asList());
        assertEquals(List.of(7.0, 10.0), t.doubleColumn("code").asList());
    }

    @Test
    void allMissingColumnIsCategorical() throws IOException {
        Table t = CsvSource.read(data(write("empty-col.csv", "a,b\n1,\n2,NA\n")));
        assertInstanceOf(StringColumn.class, t.column("b"));
        assertEquals(2, t.column("b").countMissing());
    }

    @Test
    void semicolonsAndCrlf() throws IOException {
        Path file = write("semi.csv", "x;label\r\n1,5;\"a;b\"\r\n2;c\r\n");
        var explicit = new DataConfig(file, ';', '"', true, List.of(""), Map.of(), new DataConfig.Split(0.2, true),
                ',', DataConfig.NONE, java.nio.charset.StandardCharsets.UTF_8);
        Table t = CsvSource.read(explicit);
        // a decimal comma, never a thousands separator: "1,5" is 1.5, not 15
        assertEquals(List.of(1.5, 2.0), t.doubleColumn("x").asList());
        assertEquals(List.of("a;b", "c"), t.stringColumn("label").asList());
        var sniffed = new DataConfig(file, DataConfig.AUTO, '"', true, List.of(""), Map.of(), new DataConfig.Split(0.2, true),
                DataConfig.AUTO, DataConfig.NONE, java.nio.charset.StandardCharsets.UTF_8);
        CsvSource.CsvRead read = CsvSource.load(sniffed);
        assertEquals(List.of(1.5, 2.0), read.table().doubleColumn("x").asList());
        assertEquals("';' delimited, decimal ',', sniffed", read.dialect().describe());
    }

    @Test
    void noHeaderNamesColumnsLikeTablesaw() throws IOException {
        Path file = write("nohead.csv", "1,a\n2,b\n");
        var data = new DataConfig(file, ',', '"', false, List.of(""), Map.of(), new DataConfig.Split(0.2, true));
        Table t = CsvSource.read(data);
        assertEquals(List.of("C0", "C1"), t.columnNames());
        assertEquals(2, t.rowCount());
        assertEquals(List.of("C0", "C1"), CsvSource.header(data));
    }
}
