package org.workbench.report;

import java.awt.Font;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.LineMetrics;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.PathIterator;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * A chart font that remembers the last few strings laid out with it on this thread, so that
 * {@link SvgCanvas} can write a label as an SVG {@code <text>} element (selectable, searchable) rather
 * than as the glyph outlines XChart fills: XChart lays text out with a {@link TextLayout} and fills its
 * outline, and a layout asks its font for the line metrics of the characters first. The canvas writes
 * text only when a filled shape is, point for point, the outline of one of these strings (placed by a
 * transform), so anything else, and text in any other font, stays a path.
 */
final class LabelFont extends Font {
    private static final long serialVersionUID = 1L;
    /**
     * XChart lays a title out long before it paints it, so every string of the chart is kept until the
     * chart is written ({@link #forget}); the cap only guards a canvas that is never written.
     */
    private static final int REMEMBERED = 4096;
    private static final ThreadLocal<Deque<Laid>> RECENT = ThreadLocal.withInitial(ArrayDeque::new);

    LabelFont(String name, int style, int size) {
        super(name, style, size);
    }

    /** One string laid out with a label font, and its outline once asked for. */
    static final class Laid {
        final String text;
        final Font font;
        final FontRenderContext context;
        private TextLayout layout;
        private Outline points;

        Laid(String text, Font font, FontRenderContext context) {
            this.text = text;
            this.font = font;
            this.context = context;
        }

        boolean same(String otherText, Font otherFont, FontRenderContext otherContext) {
            return text.equals(otherText) && font == otherFont && context.equals(otherContext);
        }

        TextLayout layout() {
            if (layout == null) {
                layout = new TextLayout(text, font, context);
            }
            return layout;
        }

        Outline points() {
            if (points == null) {
                points = new Outline(layout().getOutline(null));
            }
            return points;
        }
    }

    @Override
    public LineMetrics getLineMetrics(char[] chars, int beginIndex, int limit, FontRenderContext frc) {
        String text = new String(chars, beginIndex, limit - beginIndex);
        Deque<Laid> recent = RECENT.get();
        if (recent.isEmpty() || !recent.peekFirst().same(text, this, frc)) {
            recent.removeIf(l -> l.same(text, this, frc));
            recent.addFirst(new Laid(text, this, frc));
            if (recent.size() > REMEMBERED) {
                recent.removeLast();
            }
        }
        return super.getLineMetrics(chars, beginIndex, limit, frc);
    }

    /** A laid-out string and the transform that takes its outline at the origin to the filled shape. */
    record Match(Laid laid, AffineTransform placed) {
    }

    /**
     * The string, of those laid out on this thread since the last chart, whose outline {@code shape} is,
     * moved, turned or scaled (XChart passes a transform to {@code getOutline}, e.g. to turn the y axis
     * title); null when none is.
     */
    static Match textOf(Shape shape) {
        Deque<Laid> recent = RECENT.get();
        if (recent.isEmpty()) {
            return null;
        }
        Outline filled = new Outline(shape);
        // copied: laying a candidate out again reports it as laid out
        for (Laid laid : new ArrayDeque<>(recent)) {
            AffineTransform placed = laid.points().placedAs(filled);
            if (placed != null) {
                return new Match(laid, placed);
            }
        }
        return null;
    }

    /** A path's segment types and points, for comparing outlines up to an affine transform. */
    static final class Outline {
        final int[] types;
        final double[] points; // x, y pairs
        final int windingRule;

        Outline(Shape shape) {
            int[] t = new int[64];
            double[] p = new double[256];
            int n = 0;
            int m = 0;
            double[] c = new double[6];
            PathIterator it = shape.getPathIterator(null);
            windingRule = it.getWindingRule();
            for (; !it.isDone(); it.next()) {
                int type = it.currentSegment(c);
                int count = switch (type) {
                    case PathIterator.SEG_MOVETO, PathIterator.SEG_LINETO -> 1;
                    case PathIterator.SEG_QUADTO -> 2;
                    case PathIterator.SEG_CUBICTO -> 3;
                    default -> 0;
                };
                if (n == t.length) {
                    t = Arrays.copyOf(t, 2 * n);
                }
                t[n++] = type;
                if (m + 2 * count > p.length) {
                    p = Arrays.copyOf(p, 2 * (m + 2 * count));
                }
                System.arraycopy(c, 0, p, m, 2 * count);
                m += 2 * count;
            }
            types = Arrays.copyOf(t, n);
            points = Arrays.copyOf(p, m);
        }

        /** The affine transform that maps this outline onto {@code other} point for point; null when there is none. */
        AffineTransform placedAs(Outline other) {
            if (windingRule != other.windingRule || !Arrays.equals(types, other.types) || points.length < 6) {
                return null;
            }
            if (Arrays.equals(points, other.points)) {
                return new AffineTransform();
            }
            // three points that span the plane fix the transform; all others must agree with it
            int n = points.length / 2;
            int a = 0;
            int b = -1;
            int c = -1;
            for (int i = 1; i < n && b < 0; i++) {
                if (Math.hypot(points[2 * i] - points[0], points[2 * i + 1] - points[1]) > 1e-3) {
                    b = i;
                }
            }
            for (int i = b + 1; b > 0 && i < n && c < 0; i++) {
                if (Math.abs(cross(a, b, i)) > 1e-3) {
                    c = i;
                }
            }
            if (c < 0) {
                return null;
            }
            double det = cross(a, b, c);
            double[] row = new double[6];
            for (int axis = 0; axis < 2; axis++) {
                // solve u = k1 x + k2 y + k3 through the three points (Cramer's rule)
                double ua = other.points[2 * a + axis];
                double ub = other.points[2 * b + axis];
                double uc = other.points[2 * c + axis];
                double xa = points[2 * a];
                double ya = points[2 * a + 1];
                double xb = points[2 * b];
                double yb = points[2 * b + 1];
                double xc = points[2 * c];
                double yc = points[2 * c + 1];
                double k1 = ((ub - ua) * (yc - ya) - (uc - ua) * (yb - ya)) / det;
                double k2 = ((xb - xa) * (uc - ua) - (xc - xa) * (ub - ua)) / det;
                row[axis] = k1;
                row[2 + axis] = k2;
                row[4 + axis] = ua - k1 * xa - k2 * ya;
            }
            AffineTransform t = new AffineTransform(row);
            double[] mapped = new double[points.length];
            t.transform(points, 0, mapped, 0, n);
            for (int i = 0; i < mapped.length; i++) {
                // outlines are float paths: a thousandth of a pixel is far below their own rounding of a page
                if (Math.abs(mapped[i] - other.points[i]) > 1e-2) {
                    return null;
                }
            }
            return t;
        }

        private double cross(int a, int b, int c) {
            return (points[2 * b] - points[2 * a]) * (points[2 * c + 1] - points[2 * a + 1])
                    - (points[2 * c] - points[2 * a]) * (points[2 * b + 1] - points[2 * a + 1]);
        }
    }

    /** Forgets this thread's strings (a chart's page is written). */
    static void forget() {
        RECENT.remove();
    }

}
