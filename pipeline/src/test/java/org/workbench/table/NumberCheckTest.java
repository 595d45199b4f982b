package org.workbench.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The number rule, and its shortcut for plain decimals giving the very bits Double.parseDouble gives. */
class NumberCheckTest {
    private static NumberCheck check(char decimal, char thousands) {
        return new NumberCheck(new DataConfig(Path.of("x.csv"), ',', '"', true, List.of(""), Map.of(),
                new DataConfig.Split(0.2, true), decimal, thousands, StandardCharsets.UTF_8));
    }

    private static void sameBits(double expected, double actual, String cell) {
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual), cell);
    }

    @Test
    void plainDecimalsReadAsParseDoubleReadsThem() {
        NumberCheck point = check('.', DataConfig.NONE);
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            int intDigits = random.nextInt(0, 12);
            int fracDigits = random.nextInt(0, 16);
            StringBuilder cell = new StringBuilder(random.nextInt(4) == 0 ? "-" : random.nextInt(10) == 0 ? "+" : "");
            for (int d = 0; d < intDigits; d++) {
                cell.append((char) ('0' + random.nextInt(10)));
            }
            if (fracDigits > 0 || random.nextBoolean()) {
                cell.append('.');
            }
            for (int d = 0; d < fracDigits; d++) {
                cell.append((char) ('0' + random.nextInt(10)));
            }
            String text = cell.toString();
            if (text.chars().noneMatch(Character::isDigit)) {
                continue;
            }
            sameBits(Double.parseDouble(text), point.parse(text), text);
        }
    }

    @Test
    void edgeCasesKeepTheirValue() {
        NumberCheck point = check('.', DataConfig.NONE);
        for (String cell : List.of("0", "-0", "-0.0", "+0.", ".5", "5.", "-.25", "007", "0.1", "0.3", "2.675",
                "999999999999999", "9999999999999999", "123456789012345.6", "0.000000000000001", "0.0000000000000001",
                "1e5", "-2.5E-3", "9007199254740993", "179769313486231570000000000000000000000", " 12.5 ", "\t-3\t")) {
            sameBits(Double.parseDouble(cell.trim()), point.parse(cell), cell);
        }
        for (String cell : List.of(".", "-", "+", "-.", "1.2.3", "1-2", "12a", "0x10", "1d", "NaN", "1,5", "--1", "1e", "")) {
            assertTrue(Double.isNaN(point.parse(cell)), cell);
        }
        assertEquals(Double.NEGATIVE_INFINITY, point.parse("-inf"));
        assertEquals(Double.POSITIVE_INFINITY, point.parse("1e400"));
    }

    @Test
    void otherDecimalMarksAndThousandsSeparators() {
        NumberCheck comma = check(',', '.');
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 20_000; i++) {
            double value = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(-3, 9));
            String point = String.format(Locale.ROOT, "%." + random.nextInt(0, 7) + "f", value);
            sameBits(Double.parseDouble(point), comma.parse(point.replace('.', ',')), point);
        }
        assertEquals(1234.5, comma.parse("1.234,5"));
        assertEquals(15.0, comma.parse("1.5")); // the separator is stripped between any digits
        assertEquals(1234567.25, check('.', ',').parse("1,234,567.25"));
        assertTrue(Double.isNaN(check('.', DataConfig.NONE).parse("1,234")));
    }
}
