package org.workbench.report;

import java.util.concurrent.atomic.AtomicInteger;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * A chart as inline SVG for an HTML page: XChart paints the chart onto an {@link SvgCanvas}, which
 * writes coordinates to two decimals (a tenth of the size, the same picture) and prefixes clip-path
 * ids per chart so several charts can share a page. Namespace declarations are dropped: an HTML
 * parser puts {@code <svg>} in the SVG namespace by itself, and the page must name no external address.
 */
final class Svg {
    private final AtomicInteger charts = new AtomicInteger();

    String of(Chart<?, ?> chart, String label) {
        SvgDocument document = new SvgDocument(chart.getWidth(), chart.getHeight(), "c" + charts.incrementAndGet() + "_");
        try {
            chart.paint(document.canvas(), chart.getWidth(), chart.getHeight());
        } finally {
            LabelFont.forget();
        }
        return clean(document.svg(), label);
    }

    /** Rounded half up to two decimals, trailing zeros dropped: 12.3456 -> "12.35", 3.0004 -> "3", -0.001 -> "0". */
    static String twoDecimals(double v) {
        if (!Double.isFinite(v) || Math.abs(v) >= 1e15) {
            return Double.toString(v);
        }
        long hundredths = Math.round(v * 100);
        if (hundredths == 0) {
            return "0";
        }
        StringBuilder sb = new StringBuilder(12);
        if (hundredths < 0) {
            sb.append('-');
            hundredths = -hundredths;
        }
        sb.append(hundredths / 100);
        long fraction = hundredths % 100;
        if (fraction != 0) {
            sb.append('.').append((char) ('0' + fraction / 10));
            if (fraction % 10 != 0) {
                sb.append((char) ('0' + fraction % 10));
            }
        }
        return sb.toString();
    }

    /** Drops namespace declarations and labels the chart for screen readers and the page's style. */
    static String clean(String svg, String label) {
        String s = svg.replaceAll("\\s+xmlns(:\\w+)?=(\"[^\"]*\"|'[^']*')", "").strip();
        return s.replaceFirst("<svg ", "<svg role=\"img\" aria-label=\"" + Html.escape(label) + "\" class=\"chart\" ");
    }
}
