package org.workbench.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * A chart as inline SVG for an HTML page. The XML prologue, doctype and namespace declarations are
 * dropped (an HTML parser puts {@code <svg>} in the SVG namespace by itself, and the page must name
 * no external address), and clip-path ids get a per-chart prefix so several charts can share a page.
 */
final class Svg {
    private final AtomicInteger charts = new AtomicInteger();

    String of(Chart<?, ?> chart, String label) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render chart '" + label + "'", e);
        }
        return clean(out.toString(StandardCharsets.UTF_8), "c" + charts.incrementAndGet() + "_", label);
    }

    /**
     * Coordinates to two decimals: a tenth of the size, the same picture. Every number written with
     * three or more decimals ({@code -?\\d+\\.\\d{3,}}) is rounded half up as written, then trailing zeros
     * are dropped ("12.3456" -> "12.35", "3.0004" -> "3", "-0.001" -> "0"). A plain scan: the
     * SVG of one chart holds tens of thousands of numbers.
     */
    static String roundNumbers(String svg) {
        StringBuilder out = new StringBuilder(svg.length());
        int n = svg.length();
        int i = 0;
        while (i < n) {
            char c = svg.charAt(i);
            boolean minus = c == '-' && i + 1 < n && isDigit(svg.charAt(i + 1));
            if (!minus && !isDigit(c)) {
                out.append(c);
                i++;
                continue;
            }
            int start = i;
            int intStart = minus ? i + 1 : i;
            int j = intStart;
            while (j < n && isDigit(svg.charAt(j))) {
                j++;
            }
            int fracStart = j + 1;
            int k = fracStart;
            if (j < n && svg.charAt(j) == '.') {
                while (k < n && isDigit(svg.charAt(k))) {
                    k++;
                }
            }
            if (j < n && svg.charAt(j) == '.' && k - fracStart >= 3) {
                appendRounded(out, minus, svg, intStart, j, fracStart, k);
                i = k;
            } else {
                out.append(svg, start, j); // the digits (and sign) as they are; what follows is scanned next
                i = j;
            }
        }
        return out.toString();
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** digits[intStart, dot) . digits[fracStart, end), rounded half up to two decimals, trailing zeros dropped. */
    private static void appendRounded(StringBuilder out, boolean minus, String s, int intStart, int dot, int fracStart, int end) {
        // the number as digits with two decimals, then carried up by one hundredth when the third decimal is 5 or more
        char[] digits = new char[dot - intStart + 2];
        s.getChars(intStart, dot, digits, 0);
        digits[digits.length - 2] = s.charAt(fracStart);
        digits[digits.length - 1] = s.charAt(fracStart + 1);
        boolean carry = s.charAt(fracStart + 2) >= '5';
        for (int d = digits.length - 1; carry && d >= 0; d--) {
            carry = digits[d] == '9';
            digits[d] = carry ? '0' : (char) (digits[d] + 1);
        }
        String whole = (carry ? "1" : "") + new String(digits, 0, digits.length - 2);
        String fraction = new String(digits, digits.length - 2, 2);
        int lead = 0;
        while (lead < whole.length() - 1 && whole.charAt(lead) == '0') {
            lead++;
        }
        whole = whole.substring(lead);
        fraction = fraction.endsWith("0") ? fraction.substring(0, fraction.startsWith("0") ? 0 : 1) : fraction;
        boolean zero = whole.equals("0") && fraction.isEmpty();
        if (minus && !zero) {
            out.append('-');
        }
        out.append(whole);
        if (!fraction.isEmpty()) {
            out.append('.').append(fraction);
        }
    }

    static String clean(String svg, String idPrefix, String label) {
        String s = svg.replaceFirst("(?s)<\\?xml.*?\\?>", "")
                .replaceFirst("(?s)<!DOCTYPE[^>]*>", "")
                .replaceAll("\\s+xmlns(:\\w+)?=\"[^\"]*\"", "")
                .replaceAll("id=\"(clip\\d+)\"", "id=\"" + idPrefix + "$1\"")
                .replaceAll("url\\(#(clip\\d+)\\)", "url(#" + idPrefix + "$1)")
                .strip();
        s = roundNumbers(s);
        return s.replaceFirst("<svg ", "<svg role=\"img\" aria-label=\"" + Html.escape(label) + "\" class=\"chart\" ");
    }
}
