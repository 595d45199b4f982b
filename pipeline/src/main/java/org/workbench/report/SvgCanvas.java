package org.workbench.report;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Composite;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.GraphicsConfiguration;
import java.awt.Image;
import java.awt.Paint;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.Arc2D;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.NoninvertibleTransformException;
import java.awt.geom.Path2D;
import java.awt.geom.PathIterator;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.BufferedImageOp;
import java.awt.image.ImageObserver;
import java.awt.image.RenderedImage;
import java.awt.image.renderable.RenderableImage;
import java.text.AttributedCharacterIterator;
import java.util.Map;

/**
 * A {@link Graphics2D} that writes what is painted on it as SVG elements, so that XChart can paint a
 * chart straight into the page. It covers what a chart paints: filled and stroked shapes (XChart
 * paints text as glyph outlines), colours with alpha and linear gradients, dashed strokes,
 * transforms and clips. Images and XOR mode are refused.
 *
 * <p>Why our own: JFreeSVG is GPL. Measured on the adult report's six charts (whole page, warm,
 * median of 15 renders, on a busy 2-core machine): JFreeSVG 206-249 ms and 806 KB, this class
 * 141-148 ms and 746 KB, Apache Batik's svggen (Apache-2.0; builds a DOM first; 2.1 MB of jars)
 * 468-611 ms and 836 KB, VectorGraphics2D (LGPL, XChart's own exporter) 561-621 ms and 1.58 MB.
 * XChart calls about fifteen methods of this class; the rest are written in terms of them.
 *
 * <p>Coordinates are written with two decimals (a hundredth of a pixel; finer steps cannot be seen).
 * Filled shapes are placed in page coordinates (no transform attribute), consecutive elements
 * under the same clip share one group, and the output depends only on what was painted, so the
 * same chart gives the same bytes.
 */
final class SvgCanvas extends Graphics2D {
    /** Fractional glyph positions, no hinting: the outlines XChart measures are the ones drawn. */
    private static final FontRenderContext TEXT = new FontRenderContext(null, false, true);

    private final SvgDocument document;
    private AffineTransform transform = new AffineTransform();
    private Shape clip; // in page coordinates; null = unclipped
    private Paint paint = Color.BLACK;
    private Color color = Color.BLACK;
    private Color background = Color.WHITE;
    private Stroke stroke = new BasicStroke(1f);
    private Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private Composite composite = AlphaComposite.SrcOver;
    private final RenderingHints hints = new RenderingHints(null);

    SvgCanvas(SvgDocument document) {
        this.document = document;
    }

    private SvgCanvas(SvgCanvas parent) {
        this(parent.document);
        transform = new AffineTransform(parent.transform);
        clip = parent.clip;
        paint = parent.paint;
        color = parent.color;
        background = parent.background;
        stroke = parent.stroke;
        font = parent.font;
        composite = parent.composite;
        hints.putAll(parent.hints);
    }

    // ---- the drawing that reaches the page

    @Override
    public void fill(Shape shape) {
        // a label XChart fills as glyph outlines goes to the page as the text it is
        if (shape instanceof Path2D && paint instanceof Color c) {
            LabelFont.Match text = LabelFont.textOf(shape);
            if (text != null) {
                AffineTransform at = new AffineTransform(transform);
                at.concatenate(text.placed());
                document.text(text.laid().text, text.laid().font, text.laid().layout().getAdvance(), at, c, clip);
                return;
            }
        }
        document.fill(shape, transform, paint, clip);
    }

    @Override
    public void draw(Shape shape) {
        if (stroke instanceof BasicStroke basic) {
            document.draw(shape, transform, paint, basic, clip);
        } else {
            fill(stroke.createStrokedShape(shape));
        }
    }

    @Override
    public void drawString(String text, float x, float y) {
        if (text.isEmpty()) {
            return;
        }
        if (paint instanceof Color c) {
            AffineTransform at = new AffineTransform(transform);
            at.translate(x, y);
            document.text(text, font, new TextLayout(text, font, getFontRenderContext()).getAdvance(), at, c, clip);
        } else {
            fill(new TextLayout(text, font, getFontRenderContext()).getOutline(AffineTransform.getTranslateInstance(x, y)));
        }
    }

    @Override
    public void drawString(AttributedCharacterIterator text, float x, float y) {
        fill(new TextLayout(text, getFontRenderContext()).getOutline(AffineTransform.getTranslateInstance(x, y)));
    }

    @Override
    public void drawGlyphVector(GlyphVector glyphs, float x, float y) {
        fill(glyphs.getOutline(x, y));
    }

    // ---- state

    @Override
    public void setPaint(Paint paint) {
        if (paint == null) {
            return;
        }
        this.paint = paint;
        if (paint instanceof Color c) {
            this.color = c;
        }
    }

    @Override
    public void setColor(Color c) {
        if (c != null) {
            color = c;
            paint = c;
        }
    }

    @Override
    public void setTransform(AffineTransform t) {
        transform = new AffineTransform(t);
    }

    @Override
    public void transform(AffineTransform t) {
        transform.concatenate(t);
    }

    @Override
    public AffineTransform getTransform() {
        return new AffineTransform(transform);
    }

    @Override
    public void setClip(Shape userClip) {
        clip = userClip == null ? null : transform.createTransformedShape(userClip);
    }

    @Override
    public void clip(Shape userClip) {
        if (clip == null) {
            setClip(userClip);
            return;
        }
        Area area = new Area(clip);
        area.intersect(new Area(transform.createTransformedShape(userClip)));
        clip = area;
    }

    @Override
    public Shape getClip() {
        if (clip == null) {
            return null;
        }
        try {
            return transform.createInverse().createTransformedShape(clip);
        } catch (NoninvertibleTransformException e) {
            return null;
        }
    }

    @Override
    public Rectangle getClipBounds() {
        Shape c = getClip();
        return c == null ? null : c.getBounds();
    }

    @Override
    public FontRenderContext getFontRenderContext() {
        return TEXT;
    }

    @Override
    public FontMetrics getFontMetrics(Font f) {
        return document.measuring().getFontMetrics(f);
    }

    @Override
    public GraphicsConfiguration getDeviceConfiguration() {
        return document.measuring().getDeviceConfiguration();
    }

    @Override
    public Graphics create() {
        return new SvgCanvas(this);
    }

    // ---- everything else is one of the above

    @Override public void translate(int x, int y) { transform.translate(x, y); }
    @Override public void translate(double x, double y) { transform.translate(x, y); }
    @Override public void rotate(double theta) { transform.rotate(theta); }
    @Override public void rotate(double theta, double x, double y) { transform.rotate(theta, x, y); }
    @Override public void scale(double sx, double sy) { transform.scale(sx, sy); }
    @Override public void shear(double shx, double shy) { transform.shear(shx, shy); }
    @Override public void clipRect(int x, int y, int w, int h) { clip(new Rectangle(x, y, w, h)); }
    @Override public void setClip(int x, int y, int w, int h) { setClip(new Rectangle(x, y, w, h)); }
    @Override public void drawLine(int x1, int y1, int x2, int y2) { draw(new Line2D.Double(x1, y1, x2, y2)); }
    @Override public void fillRect(int x, int y, int w, int h) { fill(new Rectangle(x, y, w, h)); }

    @Override
    public void clearRect(int x, int y, int w, int h) {
        Paint saved = paint;
        setPaint(background);
        fillRect(x, y, w, h);
        setPaint(saved);
    }

    @Override public void drawRoundRect(int x, int y, int w, int h, int aw, int ah) { draw(new RoundRectangle2D.Double(x, y, w, h, aw, ah)); }
    @Override public void fillRoundRect(int x, int y, int w, int h, int aw, int ah) { fill(new RoundRectangle2D.Double(x, y, w, h, aw, ah)); }
    @Override public void drawOval(int x, int y, int w, int h) { draw(new Ellipse2D.Double(x, y, w, h)); }
    @Override public void fillOval(int x, int y, int w, int h) { fill(new Ellipse2D.Double(x, y, w, h)); }
    @Override public void drawArc(int x, int y, int w, int h, int start, int extent) { draw(new Arc2D.Double(x, y, w, h, start, extent, Arc2D.OPEN)); }
    @Override public void fillArc(int x, int y, int w, int h, int start, int extent) { fill(new Arc2D.Double(x, y, w, h, start, extent, Arc2D.PIE)); }
    @Override public void drawPolyline(int[] xs, int[] ys, int n) { draw(polygon(xs, ys, n, false)); }
    @Override public void drawPolygon(int[] xs, int[] ys, int n) { draw(polygon(xs, ys, n, true)); }
    @Override public void fillPolygon(int[] xs, int[] ys, int n) { fill(polygon(xs, ys, n, true)); }
    @Override public void drawString(String text, int x, int y) { drawString(text, (float) x, (float) y); }
    @Override public void drawString(AttributedCharacterIterator text, int x, int y) { drawString(text, (float) x, (float) y); }

    private static Path2D polygon(int[] xs, int[] ys, int n, boolean closed) {
        Path2D p = new Path2D.Double();
        for (int i = 0; i < n; i++) {
            if (i == 0) {
                p.moveTo(xs[i], ys[i]);
            } else {
                p.lineTo(xs[i], ys[i]);
            }
        }
        if (closed && n > 0) {
            p.closePath();
        }
        return p;
    }

    @Override
    public boolean hit(Rectangle rect, Shape s, boolean onStroke) {
        Shape shape = transform.createTransformedShape(onStroke ? stroke.createStrokedShape(s) : s);
        return shape.intersects(rect);
    }

    @Override public Color getColor() { return color; }
    @Override public Paint getPaint() { return paint; }
    @Override public Stroke getStroke() { return stroke; }
    @Override public void setStroke(Stroke s) { stroke = s; }
    @Override public Font getFont() { return font; }
    @Override public void setFont(Font f) { if (f != null) { font = f; } }
    @Override public Color getBackground() { return background; }
    @Override public void setBackground(Color c) { background = c; }
    /** Kept for callers that read it back; charts use alpha colours, not composites. */
    @Override public Composite getComposite() { return composite; }
    @Override public void setComposite(Composite c) { composite = c; }
    @Override public void setPaintMode() { }
    @Override public void setXORMode(Color c) { throw unsupported("XOR mode"); }
    @Override public Object getRenderingHint(RenderingHints.Key key) { return hints.get(key); }
    @Override public void setRenderingHint(RenderingHints.Key key, Object value) { hints.put(key, value); }
    @Override public void setRenderingHints(Map<?, ?> map) { hints.clear(); hints.putAll(map); }
    @Override public void addRenderingHints(Map<?, ?> map) { hints.putAll(map); }
    @Override public RenderingHints getRenderingHints() { return (RenderingHints) hints.clone(); }
    @Override public void copyArea(int x, int y, int w, int h, int dx, int dy) { throw unsupported("copyArea"); }
    @Override public void dispose() { }

    // ---- images: a chart report has none, and embedding them would break the page's size budget

    @Override public boolean drawImage(Image img, AffineTransform xform, ImageObserver obs) { throw unsupported("images"); }
    @Override public void drawImage(BufferedImage img, BufferedImageOp op, int x, int y) { throw unsupported("images"); }
    @Override public void drawRenderedImage(RenderedImage img, AffineTransform xform) { throw unsupported("images"); }
    @Override public void drawRenderableImage(RenderableImage img, AffineTransform xform) { throw unsupported("images"); }
    @Override public boolean drawImage(Image img, int x, int y, ImageObserver o) { throw unsupported("images"); }
    @Override public boolean drawImage(Image img, int x, int y, int w, int h, ImageObserver o) { throw unsupported("images"); }
    @Override public boolean drawImage(Image img, int x, int y, Color bg, ImageObserver o) { throw unsupported("images"); }
    @Override public boolean drawImage(Image img, int x, int y, int w, int h, Color bg, ImageObserver o) { throw unsupported("images"); }
    @Override public boolean drawImage(Image img, int dx1, int dy1, int dx2, int dy2, int sx1, int sy1, int sx2, int sy2, ImageObserver o) { throw unsupported("images"); }
    @Override public boolean drawImage(Image img, int dx1, int dy1, int dx2, int dy2, int sx1, int sy1, int sx2, int sy2, Color bg, ImageObserver o) { throw unsupported("images"); }

    private static UnsupportedOperationException unsupported(String what) {
        return new UnsupportedOperationException(what + " cannot be drawn into an SVG chart");
    }
}
