package org.workbench.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;

/** A text column whose cells are numbers in another format is read as text, with a warning naming the key. */
class NumberHintsTest {
    @TempDir
    Path dir;

    /** Amounts such as 1,234.50 (half of them quoted, as spreadsheets write them), a #N/A, and a label. */
    private Path money(String name, char delimiter, boolean decimalComma) throws IOException {
        Random random = new Random(5);
        StringBuilder csv = new StringBuilder("amount" + delimiter + "label\n");
        for (int i = 0; i < 200; i++) {
            double amount = 10 + random.nextInt(500_000) / 100.0;
            String text = String.format(java.util.Locale.ROOT, "%,.2f", amount);
            if (decimalComma) {
                text = text.replace(',', ' ').replace('.', ',').replace(' ', '.');
            }
            if (i == 7) {
                text = "#N/A";
            }
            csv.append('"').append(text).append('"').append(delimiter).append(amount > 2500 ? "big" : "small").append('\n');
        }
        Path file = dir.resolve(name);
        Files.writeString(file, csv);
        return file;
    }

    @Test
    void thousandsCommasAreNamedWithTheKeyThatReadsThem() throws IOException {
        Path file = money("money.csv", ',', false);
        CsvSource.CsvRead read = CsvSource.load(CsvDialectTest.auto(file));
        assertInstanceOf(StringColumn.class, read.table().column("amount"));
        assertEquals(1, read.warnings().size(), read.warnings().toString());
        DataWarning w = read.warnings().get(0);
        assertEquals("formatted_numbers", w.kind());
        assertEquals("amount", w.column());
        assertTrue(w.message().startsWith("column 'amount' is read as text, but its cells are numbers written like \""), w.message());
        assertTrue(w.message().endsWith("; to read them as numbers set data.thousands: \",\""), w.message());
        assertTrue(w.message().matches(".*written like \"\\d{1,3}(,\\d{3})+\\.\\d{2}\".*"), "the example shows a separator: " + w.message());

        // following the advice gives a number column with the real values
        DataConfig fixed = CsvDialectTest.auto(file).withNumbers(DataConfig.AUTO, ',');
        CsvSource.CsvRead again = CsvSource.load(fixed);
        DoubleColumn amount = again.table().doubleColumn("amount");
        assertEquals(1, amount.countMissing());
        assertTrue(amount.max() > 2500 && amount.min() >= 10, amount.summary().toString());
        assertEquals(List.of(), again.warnings());
    }

    @Test
    void theRunShowsTheHintInsteadOfCallingTheAmountsAnIdentifier() throws IOException {
        Path file = money("money.csv", ',', false);
        Path config = Files.writeString(dir.resolve("money.yaml"), "problem: {target: label}\ndata: {source: money.csv}\n"
                + "evaluate: {cv_folds: 0}\n");
        org.workbench.cli.Cli cli = org.workbench.cli.Cli.run("run", config.toString(), "--out", dir.resolve("out").toString());
        assertEquals(0, cli.exitCode(), cli.err());
        assertTrue(cli.out().contains("warning: column 'amount' is read as text, but its cells are numbers written like"), cli.out());
        assertTrue(!cli.out().contains("'amount' looks like an identifier"), cli.out());
        assertTrue(file.toFile().isFile());
    }

    @Test
    void europeanAmountsInASemicolonFileNameTheThousandsDot() throws IOException {
        // "1.234,50": the sniffer sees both marks, so it keeps '.'; the hint names both keys
        Path file = money("euro.csv", ';', true);
        CsvSource.CsvRead read = CsvSource.load(CsvDialectTest.auto(file));
        assertInstanceOf(StringColumn.class, read.table().column("amount"));
        assertEquals(1, read.warnings().size(), read.warnings().toString());
        String message = read.warnings().get(0).message();
        assertTrue(message.endsWith("data.decimal: \",\" and data.thousands: \".\"") || message.endsWith("data.thousands: \".\""), message);
    }

    @Test
    void realTextAndForcedCategoriesGetNoHint() throws IOException {
        Path file = dir.resolve("words.csv");
        Files.writeString(file, "city,code,y\nParis,\"1,5\",a\nRome,\"2,5\",b\nOslo,\"3,5\",a\nLima,\"4,5\",b\n");
        DataConfig forced = new DataConfig(file, ',', '"', true, DataConfig.DEFAULT_MISSING, Map.of("code", "categorical"),
                new DataConfig.Split(0.2, true));
        assertEquals(List.of(), CsvSource.load(forced).warnings());
        // without the override, "1,5" is a quoted decimal comma, not fifteen with a thousands comma: no hint either
        assertEquals(List.of(), CsvSource.load(CsvDialectTest.auto(file)).warnings());
    }
}
