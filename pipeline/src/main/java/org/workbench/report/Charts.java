package org.workbench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The report's charts, drawn by XChart in one plain style that reads on a projector and prints in
 * black and white: white background, large type, colour-blind-safe colours (Okabe and Ito).
 */
final class Charts {
    static final Color BLUE = new Color(0x0072B2);
    static final Color ORANGE = new Color(0xD55E00);
    static final Color GREEN = new Color(0x009E73);
    static final Color YELLOW = new Color(0xE69F00);
    static final Color GREY = new Color(0x999999);
    private static final Color[] PALETTE = {BLUE, ORANGE, GREEN, YELLOW, new Color(0xCC79A7), new Color(0x56B4E9), GREY};
    private static final int WIDTH = 760;
    private static final int HEIGHT = 420;

    private Charts() {
    }

    /** One named line: x and y values, and optional error bars (one standard deviation). */
    record Line(String name, double[] x, double[] y, double[] error, boolean reference) {
        Line(String name, double[] x, double[] y, double[] error) {
            this(name, x, y, error, false);
        }

        /** A plain series; one with more than {@link #MAX_POINTS} points is thinned evenly (see {@link #thin}). */
        static Line of(String name, double[] x, double[] y) {
            return thin(new Line(name, x, y, null, false));
        }

        /** A dashed grey guide line without markers (chance, perfect, the configured setting). */
        static Line reference(String name, double[] x, double[] y) {
            return new Line(name, x, y, null, true);
        }
    }

    /** A 700-pixel chart shows no more detail with more points; they only make the SVG slow to draw and heavy to open. */
    static final int MAX_POINTS = 300;

    /** Every k-th point, plus the last, so that at most {@link #MAX_POINTS} remain in their order. */
    static Line thin(Line line) {
        int n = line.x().length;
        if (n <= MAX_POINTS || line.error() != null) {
            return line;
        }
        int step = (n + MAX_POINTS - 2) / (MAX_POINTS - 1);
        int kept = (n - 1) / step + 1 + ((n - 1) % step == 0 ? 0 : 1);
        double[] x = new double[kept];
        double[] y = new double[kept];
        int k = 0;
        for (int i = 0; i < n; i += step) {
            x[k] = line.x()[i];
            y[k++] = line.y()[i];
        }
        if (k < kept) {
            x[k] = line.x()[n - 1];
            y[k] = line.y()[n - 1];
        }
        return new Line(line.name(), x, y, null, line.reference());
    }

    static XYChart lines(String title, String xTitle, String yTitle, List<Line> lines) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        style(chart.getStyler());
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setErrorBarsColorSeriesColor(true);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        for (Line line : lines) {
            XYSeries s = line.error() == null ? chart.addSeries(line.name(), line.x(), line.y())
                    : chart.addSeries(line.name(), line.x(), line.y(), line.error());
            s.setMarker(SeriesMarkers.CIRCLE);
            if (line.reference()) {
                dashed(s);
            }
        }
        return chart;
    }

    /** Both axes fixed to 0-1 with ticks at tenths (ROC, precision-recall, reliability): curves compare at a glance. */
    static XYChart unitAxes(XYChart chart) {
        AxesChartStyler s = chart.getStyler();
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setXAxisMax(1.0);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(1.0);
        s.setXAxisDecimalPattern("0.0");
        s.setYAxisDecimalPattern("0.0");
        return chart;
    }

    private static void dashed(XYSeries s) {
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(GREY);
        s.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
    }

    static XYChart scatter(String title, String xTitle, String yTitle, Line points, Line reference) {
        XYChart chart = lines(title, xTitle, yTitle, List.of());
        XYSeries s = chart.addSeries(points.name(), points.x(), points.y());
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(SeriesMarkers.CIRCLE);
        if (reference != null) {
            dashed(chart.addSeries(reference.name(), reference.x(), reference.y()));
        }
        chart.getStyler().setMarkerSize(5);
        return chart;
    }

    /** Grouped bars: one group per category, one bar per named series. */
    static CategoryChart bars(String title, String xTitle, String yTitle, List<String> categories, Map<String, List<Double>> series) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        style(chart.getStyler());
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setLegendVisible(series.size() > 1);
        chart.getStyler().setXAxisLabelRotation(categories.size() > 8 ? 45 : 0);
        series.forEach((name, values) -> chart.addSeries(name, new ArrayList<>(categories), new ArrayList<>(values)));
        return chart;
    }

    /** A confusion matrix: rows are the truth, columns the prediction, each cell labelled with its count. */
    static HeatMapChart confusion(List<String> classes, int[][] counts) {
        Number[][] values = new Number[classes.size()][];
        for (int i = 0; i < values.length; i++) {
            values[i] = java.util.Arrays.stream(counts[i]).boxed().toArray(Number[]::new);
        }
        return heat("Confusion matrix (test split)", classes, values, "#");
    }

    /**
     * The confusion matrix with each row divided by its total, each cell in whole percent. XChart formats
     * heat map values with the machine's locale (0,80 in German), and a whole number with a quoted sign
     * has no separator to localise.
     */
    static HeatMapChart confusionShares(List<String> classes, double[][] shares) {
        Number[][] values = new Number[classes.size()][];
        for (int i = 0; i < values.length; i++) {
            values[i] = java.util.Arrays.stream(shares[i]).map(v -> 100 * v).boxed().toArray(Number[]::new);
        }
        return heat("Normalised by true class (% of row)", classes, values, "0'%'");
    }

    private static HeatMapChart heat(String title, List<String> classes, Number[][] values, String pattern) {
        HeatMapChart chart = new HeatMapChartBuilder().width(Math.min(WIDTH, 260 + 90 * classes.size()))
                .height(Math.min(HEIGHT + 120, 200 + 70 * classes.size())).title(title)
                .xAxisTitle("predicted").yAxisTitle("truth").build();
        style(chart.getStyler());
        chart.getStyler().setShowValue(true);
        chart.getStyler().setValueFont(new LabelFont(Font.SANS_SERIF, Font.BOLD, 16));
        chart.getStyler().setValueFontColor(Color.BLACK);
        chart.getStyler().setHeatMapValueDecimalPattern(pattern);
        chart.getStyler().setRangeColors(new Color[] {Color.WHITE, new Color(0x9ECAE1), new Color(0x3182BD)});
        chart.getStyler().setLegendVisible(false);
        List<Number[]> cells = new ArrayList<>();
        int n = classes.size();
        for (int truth = 0; truth < n; truth++) {
            for (int predicted = 0; predicted < n; predicted++) {
                // the y axis grows upwards: put the first class at the top
                cells.add(new Number[] {predicted, n - 1 - truth, values[truth][predicted]});
            }
        }
        List<String> reversed = new ArrayList<>(classes);
        java.util.Collections.reverse(reversed);
        chart.addSeries("counts", classes, reversed, cells);
        return chart;
    }

    private static void style(AxesChartStyler s) {
        s.setLocale(Locale.ROOT); // tick labels 0.5, not the machine's 0,5
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderVisible(false);
        s.setPlotGridLinesColor(new Color(225, 225, 225));
        s.setLegendBorderColor(Color.WHITE);
        s.setChartTitleBoxVisible(false);
        s.setChartTitleFont(new LabelFont(Font.SANS_SERIF, Font.BOLD, 18));
        s.setAxisTitleFont(new LabelFont(Font.SANS_SERIF, Font.PLAIN, 15));
        s.setAxisTickLabelsFont(new LabelFont(Font.SANS_SERIF, Font.PLAIN, 13));
        s.setLegendFont(new LabelFont(Font.SANS_SERIF, Font.PLAIN, 14));
        s.setSeriesColors(PALETTE);
        s.setAntiAlias(true);
        // XChart puts ticks on equally spaced data values (a ROC curve's k/positives); keep their labels short
        s.setDecimalPattern("#,##0.###");
    }
}
