package org.workbench.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** The row count columns are first sized for: a little over for even files, low rather than high for uneven ones. */
class ExpectedRowsTest {
    @TempDir
    Path dir;

    private Path write(String name, StringBuilder text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void evenRowsAreCountedClosely() throws IOException {
        StringBuilder text = new StringBuilder("a,b\n");
        for (int i = 0; i < 50_000; i++) {
            text.append(1000 + i % 9000).append(',').append("x").append(i % 10).append('\n');
        }
        int expected = CsvLayout.expectedRows(write("even.csv", text));
        assertTrue(expected >= 50_001 && expected < 50_001 * 1.2, "expected a little over 50,001 rows, got " + expected);
    }

    @Test
    void aSmallFileIsCountedExactly() throws IOException {
        assertEquals(4, CsvLayout.expectedRows(write("small.csv", new StringBuilder("a,b\n1,2\n3,4\n")))); // 3 and an eighth
        assertEquals(2, CsvLayout.expectedRows(write("one.csv", new StringBuilder("a,b"))));
    }

    @Test
    void longerRowsLaterMakeTheGuessLow() throws IOException {
        StringBuilder text = new StringBuilder("a,b\n");
        for (int i = 0; i < 20_000; i++) {
            text.append("1,2\n");
        }
        for (int i = 0; i < 20_000; i++) {
            text.append("1,").append("y".repeat(200)).append('\n');
        }
        int expected = CsvLayout.expectedRows(write("uneven.csv", text));
        assertTrue(expected <= 40_001, "the guess should err low, got " + expected);
    }

    @Test
    void anUnreadableFileGivesNoGuessAndTheReadStillGrowsPastAWrongOne() throws IOException {
        assertEquals(0, CsvLayout.expectedRows(dir.resolve("missing.csv")));
        // a guess far below the real count: the columns grow as they fill
        StringBuilder text = new StringBuilder("a,b\n");
        for (int i = 0; i < 30_000; i++) {
            text.append(i).append(",\"").append(i % 2 == 0 ? "p" : "q").append("\"\n");
        }
        Path file = write("grow.csv", text);
        CsvColumns columns = new CsvColumns(CsvDialectTest.auto(file).withDialect(',', '.'), null, true, 10);
        try (RowHandoff handoff = new RowHandoff(columns)) {
            CsvLayout layout = CsvLayout.scan(CsvDialectTest.auto(file).withDialect(',', '.'), handoff);
            handoff.finish();
            Table table = columns.table(layout);
            assertEquals(30_000, table.rowCount());
            assertEquals(29_999.0, table.doubleColumn("a").get(29_999));
            assertEquals("q", table.stringColumn("b").get(29_999));
        }
    }
}
