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

    /** Coordinates to two decimals: a tenth of the size, the same picture. */
    static String roundNumbers(String svg) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(-?\\d+\\.\\d{3,})").matcher(svg);
        StringBuilder sb = new StringBuilder(svg.length());
        while (m.find()) {
            String rounded = java.math.BigDecimal.valueOf(Double.parseDouble(m.group(1)))
                    .setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
            m.appendReplacement(sb, rounded);
        }
        m.appendTail(sb);
        return sb.toString();
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
