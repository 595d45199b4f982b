package org.workbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SvgRoundingTest {

    /** The definition the scan must match: each -?\d+\.\d{3,} parsed, rounded half up to 2 places, zeros stripped. */
    private static String reference(String svg) {
        Matcher m = Pattern.compile("(-?\\d+\\.\\d{3,})").matcher(svg);
        StringBuilder sb = new StringBuilder(svg.length());
        while (m.find()) {
            String rounded = java.math.BigDecimal.valueOf(Double.parseDouble(m.group(1)))
                    .setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
            m.appendReplacement(sb, rounded);
        }
        m.appendTail(sb);
        return sb.toString();
    }

    @Test
    void examples() {
        assertEquals("M12.35,3 L-0.5,100 Q0,9.99", Svg.roundNumbers("M12.3456,3.0004 L-0.4999,99.995 Q-0.001,9.994"));
        assertEquals("x=\"64.61\" y=\"37.42\" width=\"685.39\"", Svg.roundNumbers("x=\"64.6123\" y=\"37.4249\" width=\"685.385\""));
        assertEquals("id=\"c1_clip895527090\" 1.23.678 12.34 7 a-1.23 --1", Svg.roundNumbers("id=\"c1_clip895527090\" 1.2345.678 12.34 7 a-1.2345 --1.0000"));
        assertEquals("1000 -10 0", Svg.roundNumbers("999.9999 -9.999 -0.004"));
    }

    @Test
    void agreesWithParsingAndRoundingOnRandomNumbers() {
        Random random = new Random(11);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            double v = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(6));
            int decimals = 1 + random.nextInt(6);
            text.append(String.format(java.util.Locale.ROOT, "%." + decimals + "f", v)).append(i % 3 == 0 ? "," : " ");
            if (i % 7 == 0) {
                text.append("L");
            }
        }
        String svg = text.toString();
        assertEquals(reference(svg), Svg.roundNumbers(svg));
    }

    @Test
    void agreesOnARealChart() {
        String raw = new Svg().of(Charts.lines("ROC", "fpr", "tpr", List.of(Charts.Line.of("a",
                new double[] {0, 0.1, 0.33333, 0.7, 1}, new double[] {0, 0.5, 0.61111, 0.9, 1}))), "roc");
        // raw is already cleaned; render again without rounding to compare both on the encoder's own numbers
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            org.knowm.xchart.VectorGraphicsEncoder.saveVectorGraphic(Charts.bars("b", "x", "y", List.of("one", "two"),
                    java.util.Map.of("s", List.of(0.123456, 7.891011))), out, org.knowm.xchart.VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String encoded = out.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(reference(encoded), Svg.roundNumbers(encoded));
        assertEquals(true, raw.startsWith("<svg role=\"img\""));
    }
}
