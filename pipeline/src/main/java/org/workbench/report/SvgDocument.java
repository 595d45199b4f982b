package org.workbench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.LinearGradientPaint;
import java.awt.MultipleGradientPaint;
import java.awt.Paint;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.PathIterator;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.HashMap;
import java.util.Map;

/**
 * The SVG text that {@link SvgCanvas} (and every copy made of it) paints into: the definitions
 * (clip paths, gradients) and the elements in painting order. Ids start with a per-chart prefix so
 * several charts can share one HTML page.
 */
final class SvgDocument {
    private final int width;
    private final int height;
    private final String idPrefix;
    private final StringBuilder defs = new StringBuilder();
    private final StringBuilder body = new StringBuilder(64 * 1024);
    private final Map<String, String> clipIds = new HashMap<>();
    private int gradients;
    private String openClip; // the clip of the group now open in body, null when none
    private Shape lastClip;
    private String lastClipId;
    private Graphics2D measuring;

    SvgDocument(int width, int height, String idPrefix) {
        this.width = width;
        this.height = height;
        this.idPrefix = idPrefix;
    }

    SvgCanvas canvas() {
        return new SvgCanvas(this);
    }

    /** The whole {@code <svg>} element. */
    String svg() {
        closeGroup();
        if (measuring != null) {
            measuring.dispose();
            measuring = null;
        }
        StringBuilder sb = new StringBuilder(body.length() + defs.length() + 200);
        sb.append("<svg xmlns='http://www.w3.org/2000/svg' width='").append(width).append("' height='").append(height)
                .append("' viewBox='0 0 ").append(width).append(' ').append(height).append("'>");
        if (!defs.isEmpty()) {
            sb.append("<defs>").append(defs).append("</defs>");
        }
        return sb.append(body).append("</svg>").toString();
    }

    /** A raster graphics for font metrics and the device configuration, which an SVG page does not have. */
    Graphics2D measuring() {
        if (measuring == null) {
            measuring = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB).createGraphics();
            // the same fractional glyph advances as the outlines the canvas writes
            measuring.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        }
        return measuring;
    }

    void fill(Shape shape, AffineTransform transform, Paint paint, Shape clip) {
        // a filled area maps exactly under any transform, so it is written in page coordinates
        Shape placed = place(shape, transform, true);
        StringBuilder e = element(placed, true);
        if (e == null) {
            return;
        }
        fillAttributes(e, paint, transform);
        write(e, clip);
    }

    void draw(Shape shape, AffineTransform transform, Paint paint, BasicStroke stroke, Shape clip) {
        // a stroke's width and dashes scale with the transform, so only a shift is applied to the coordinates
        Shape placed = place(shape, transform, false);
        boolean shifted = placed != shape || transform.isIdentity();
        StringBuilder e = element(placed, false);
        if (e == null) {
            return;
        }
        // a gradient is given in the coordinates the shape is written in
        colour(e, "stroke", paint, shifted ? transform : new AffineTransform());
        float width = stroke.getLineWidth();
        if (width != 1f) {
            attribute(e, "stroke-width", width);
        }
        if (stroke.getEndCap() != BasicStroke.CAP_BUTT) {
            e.append(" stroke-linecap='").append(stroke.getEndCap() == BasicStroke.CAP_ROUND ? "round" : "square").append('\'');
        }
        if (stroke.getLineJoin() != BasicStroke.JOIN_MITER) {
            e.append(" stroke-linejoin='").append(stroke.getLineJoin() == BasicStroke.JOIN_ROUND ? "round" : "bevel").append('\'');
        } else if (stroke.getMiterLimit() != 4f && !(placed instanceof Line2D)) {
            attribute(e, "stroke-miterlimit", stroke.getMiterLimit());
        }
        float[] dashes = stroke.getDashArray();
        if (dashes != null && dashes.length > 0) {
            e.append(" stroke-dasharray='");
            for (int i = 0; i < dashes.length; i++) {
                e.append(i == 0 ? "" : ",").append(Svg.twoDecimals(dashes[i]));
            }
            e.append('\'');
            if (stroke.getDashPhase() != 0f) {
                attribute(e, "stroke-dashoffset", stroke.getDashPhase());
            }
        }
        e.append(" fill='none'");
        if (!shifted) {
            e.append(" transform='matrix(").append(Svg.twoDecimals(transform.getScaleX())).append(',')
                    .append(Svg.twoDecimals(transform.getShearY())).append(',').append(Svg.twoDecimals(transform.getShearX()))
                    .append(',').append(Svg.twoDecimals(transform.getScaleY())).append(',')
                    .append(Svg.twoDecimals(transform.getTranslateX())).append(',')
                    .append(Svg.twoDecimals(transform.getTranslateY())).append(")'");
        }
        write(e, clip);
    }

    /**
     * The shape in page coordinates when that keeps it exact: always for fills, for strokes only
     * when the transform is a shift. Lines, rectangles and ellipses keep their kind under a shift,
     * so they stay short elements; returns the shape itself when it is left to a transform attribute.
     */
    private static Shape place(Shape shape, AffineTransform t, boolean filled) {
        if (t.isIdentity()) {
            return shape;
        }
        if (t.getType() == AffineTransform.TYPE_TRANSLATION) {
            double dx = t.getTranslateX();
            double dy = t.getTranslateY();
            if (shape instanceof Line2D l) {
                return new Line2D.Double(l.getX1() + dx, l.getY1() + dy, l.getX2() + dx, l.getY2() + dy);
            }
            if (shape instanceof Rectangle2D r) {
                return new Rectangle2D.Double(r.getX() + dx, r.getY() + dy, r.getWidth(), r.getHeight());
            }
            if (shape instanceof Ellipse2D o) {
                return new Ellipse2D.Double(o.getX() + dx, o.getY() + dy, o.getWidth(), o.getHeight());
            }
            return t.createTransformedShape(shape);
        }
        return filled ? t.createTransformedShape(shape) : shape;
    }

    /** The opening of the element for the shape, without paint; null for a shape that paints nothing. */
    private static StringBuilder element(Shape shape, boolean filled) {
        StringBuilder e = new StringBuilder(64);
        if (shape instanceof Line2D l) {
            if (filled) {
                return null; // a line encloses no area
            }
            e.append("<line x1='").append(Svg.twoDecimals(l.getX1())).append("' y1='").append(Svg.twoDecimals(l.getY1()))
                    .append("' x2='").append(Svg.twoDecimals(l.getX2())).append("' y2='").append(Svg.twoDecimals(l.getY2())).append('\'');
        } else if (shape instanceof Rectangle2D r) {
            e.append("<rect x='").append(Svg.twoDecimals(r.getX())).append("' y='").append(Svg.twoDecimals(r.getY()))
                    .append("' width='").append(Svg.twoDecimals(r.getWidth())).append("' height='")
                    .append(Svg.twoDecimals(r.getHeight())).append('\'');
        } else if (shape instanceof Ellipse2D o && o.getWidth() == o.getHeight()) {
            e.append("<circle cx='").append(Svg.twoDecimals(o.getCenterX())).append("' cy='")
                    .append(Svg.twoDecimals(o.getCenterY())).append("' r='").append(Svg.twoDecimals(o.getWidth() / 2)).append('\'');
        } else if (shape instanceof Ellipse2D o) {
            e.append("<ellipse cx='").append(Svg.twoDecimals(o.getCenterX())).append("' cy='").append(Svg.twoDecimals(o.getCenterY()))
                    .append("' rx='").append(Svg.twoDecimals(o.getWidth() / 2)).append("' ry='")
                    .append(Svg.twoDecimals(o.getHeight() / 2)).append('\'');
        } else {
            String d = pathData(shape);
            if (d.isEmpty()) {
                return null;
            }
            e.append("<path d='").append(d).append('\'');
            if (filled && shape.getPathIterator(null).getWindingRule() == PathIterator.WIND_EVEN_ODD) {
                e.append(" fill-rule='evenodd'");
            }
        }
        return e;
    }

    /** SVG path data: M, L, Q, C and Z with comma-separated coordinates. */
    static String pathData(Shape shape) {
        StringBuilder d = new StringBuilder(256);
        double[] c = new double[6];
        for (PathIterator it = shape.getPathIterator(null); !it.isDone(); it.next()) {
            int segment = it.currentSegment(c);
            switch (segment) {
                case PathIterator.SEG_MOVETO -> points(d.append('M'), c, 1);
                case PathIterator.SEG_LINETO -> points(d.append('L'), c, 1);
                case PathIterator.SEG_QUADTO -> points(d.append('Q'), c, 2);
                case PathIterator.SEG_CUBICTO -> points(d.append('C'), c, 3);
                default -> d.append('Z');
            }
        }
        return d.toString();
    }

    private static void points(StringBuilder d, double[] c, int count) {
        for (int i = 0; i < 2 * count; i++) {
            if (i > 0) {
                d.append(',');
            }
            d.append(Svg.twoDecimals(c[i]));
        }
    }

    /** Fill paint; SVG fills black when nothing is said, which saves the attribute on every piece of text. */
    private void fillAttributes(StringBuilder e, Paint paint, AffineTransform transform) {
        if (!Color.BLACK.equals(paint)) {
            colour(e, "fill", paint, transform);
        }
    }

    private void colour(StringBuilder e, String property, Paint paint, AffineTransform transform) {
        if (paint instanceof Color c) {
            e.append(' ').append(property).append("='").append(hex(c)).append('\'');
            if (c.getAlpha() < 255) {
                attribute(e, property + "-opacity", c.getAlpha() / 255f);
            }
        } else if (paint instanceof LinearGradientPaint g) {
            e.append(' ').append(property).append("='url(#").append(gradient(g, transform)).append(")'");
        } else {
            throw new UnsupportedOperationException(paint.getClass().getSimpleName() + " cannot be drawn into an SVG chart");
        }
    }

    /** A linear gradient in the element's coordinates: its points carry the transform the shape was painted under. */
    private String gradient(LinearGradientPaint g, AffineTransform transform) {
        String id = idPrefix + "gradient-" + gradients++;
        AffineTransform t = new AffineTransform(transform);
        t.concatenate(g.getTransform());
        defs.append("<linearGradient id='").append(id).append("' gradientUnits='userSpaceOnUse' x1='")
                .append(Svg.twoDecimals(g.getStartPoint().getX())).append("' y1='").append(Svg.twoDecimals(g.getStartPoint().getY()))
                .append("' x2='").append(Svg.twoDecimals(g.getEndPoint().getX())).append("' y2='")
                .append(Svg.twoDecimals(g.getEndPoint().getY())).append('\'');
        if (!t.isIdentity()) {
            defs.append(" gradientTransform='matrix(").append(t.getScaleX()).append(',').append(t.getShearY()).append(',')
                    .append(t.getShearX()).append(',').append(t.getScaleY()).append(',').append(t.getTranslateX()).append(',')
                    .append(t.getTranslateY()).append(")'");
        }
        if (g.getCycleMethod() != MultipleGradientPaint.CycleMethod.NO_CYCLE) {
            defs.append(" spreadMethod='").append(g.getCycleMethod() == MultipleGradientPaint.CycleMethod.REFLECT ? "reflect" : "repeat")
                    .append('\'');
        }
        defs.append('>');
        for (int i = 0; i < g.getColors().length; i++) {
            Color c = g.getColors()[i];
            defs.append("<stop offset='").append(g.getFractions()[i]).append("' stop-color='").append(hex(c)).append('\'');
            if (c.getAlpha() < 255) {
                attribute(defs, "stop-opacity", c.getAlpha() / 255f);
            }
            defs.append("/>");
        }
        defs.append("</linearGradient>");
        return id;
    }

    static String hex(Color c) {
        String digits = "0123456789abcdef";
        int rgb = c.getRGB();
        StringBuilder sb = new StringBuilder(7).append('#');
        for (int shift = 20; shift >= 0; shift -= 4) {
            sb.append(digits.charAt((rgb >> shift) & 0xF));
        }
        return sb.toString();
    }

    private static void attribute(StringBuilder e, String name, double value) {
        e.append(' ').append(name).append("='").append(Svg.twoDecimals(value)).append('\'');
    }

    /**
     * A line of text as a {@code <text>} element with its baseline origin at the transform's origin. The
     * length is fixed to the advance Java measured ({@code textLength}), so the label fills exactly the
     * room the chart laid out for it whatever font the browser picks.
     */
    void text(String text, java.awt.Font font, double advance, AffineTransform transform, Color color, Shape clip) {
        StringBuilder e = new StringBuilder(96 + text.length()).append("<text");
        if (transform.getType() == AffineTransform.TYPE_TRANSLATION || transform.isIdentity()) {
            e.append(" x='").append(Svg.twoDecimals(transform.getTranslateX())).append("' y='")
                    .append(Svg.twoDecimals(transform.getTranslateY())).append('\'');
        } else {
            e.append(" transform='matrix(").append(Svg.twoDecimals(transform.getScaleX())).append(',')
                    .append(Svg.twoDecimals(transform.getShearY())).append(',').append(Svg.twoDecimals(transform.getShearX()))
                    .append(',').append(Svg.twoDecimals(transform.getScaleY())).append(',')
                    .append(Svg.twoDecimals(transform.getTranslateX())).append(',')
                    .append(Svg.twoDecimals(transform.getTranslateY())).append(")'");
        }
        e.append(" font-family='").append(family(font)).append('\'');
        attribute(e, "font-size", font.getSize2D());
        if (font.isBold()) {
            e.append(" font-weight='bold'");
        }
        if (font.isItalic()) {
            e.append(" font-style='italic'");
        }
        attribute(e, "textLength", advance);
        e.append(" lengthAdjust='spacingAndGlyphs'");
        if (!text.equals(text.strip()) || text.contains("  ")) {
            e.append(" style='white-space:pre'");
        }
        fillAttributes(e, color, transform);
        e.append('>').append(Html.escape(text)).append("</text>");
        writeWhole(e, clip);
    }

    /** Java's logical font names as CSS generic families; a named family falls back to sans-serif. */
    private static String family(java.awt.Font font) {
        return switch (font.getFamily(java.util.Locale.ROOT)) {
            case java.awt.Font.SANS_SERIF, java.awt.Font.DIALOG, java.awt.Font.DIALOG_INPUT -> "sans-serif";
            case java.awt.Font.SERIF -> "serif";
            case java.awt.Font.MONOSPACED -> "monospace";
            default -> Html.escape(font.getFamily(java.util.Locale.ROOT)).replace("'", "") + ",sans-serif";
        };
    }

    /** Appends the element, inside a group that carries its clip (one group for a run of elements under the same clip). */
    private void write(StringBuilder element, Shape clip) {
        writeWhole(element.append("/>"), clip);
    }

    /** Appends a complete element (with its closing), inside the group of its clip. */
    private void writeWhole(StringBuilder element, Shape clip) {
        String clipId = clip == null ? null : clipId(clip);
        if (clipId == null ? openClip != null : !clipId.equals(openClip)) {
            closeGroup();
            if (clipId != null) {
                body.append("<g clip-path='url(#").append(clipId).append(")'>");
                openClip = clipId;
            }
        }
        body.append(element);
    }

    private void closeGroup() {
        if (openClip != null) {
            body.append("</g>");
            openClip = null;
        }
    }

    /** The id of a clip path with this outline, defined the first time it is used. */
    private String clipId(Shape clip) {
        if (clip == lastClip) {
            return lastClipId; // a canvas keeps its clip object while it paints a series
        }
        String id = clipIds.computeIfAbsent(pathData(clip), outline -> {
            String next = idPrefix + "clip-" + clipIds.size();
            defs.append("<clipPath id='").append(next).append("'><path d='").append(outline).append("'/></clipPath>");
            return next;
        });
        lastClip = clip;
        lastClipId = id;
        return id;
    }
}
