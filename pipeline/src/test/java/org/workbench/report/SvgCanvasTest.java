package org.workbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.LinearGradientPaint;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SvgCanvasTest {
    private static String body(SvgDocument d) {
        String svg = d.svg();
        return svg.substring(svg.indexOf('>') + 1, svg.length() - "</svg>".length());
    }

    @Test
    void shapesBecomeTheirShortestElementWithTheirPaint() {
        SvgDocument d = new SvgDocument(100, 50, "t_");
        SvgCanvas g = d.canvas();
        g.setColor(new Color(0x0072B2));
        g.fill(new Rectangle2D.Double(1, 2.005, 30, 40.123));
        g.setColor(new Color(255, 0, 0, 128));
        g.fill(new Ellipse2D.Double(10, 10, 8, 8));
        g.fill(new Ellipse2D.Double(10, 10, 8, 4));
        g.setColor(Color.BLACK);
        Path2D triangle = new Path2D.Double();
        triangle.moveTo(0, 0);
        triangle.lineTo(10, 0);
        triangle.quadTo(5, 5, 0, 10);
        triangle.closePath();
        g.fill(triangle);
        assertEquals("<rect x='1' y='2.01' width='30' height='40.12' fill='#0072b2'/>"
                + "<circle cx='14' cy='14' r='4' fill='#ff0000' fill-opacity='0.5'/>"
                + "<ellipse cx='14' cy='12' rx='4' ry='2' fill='#ff0000' fill-opacity='0.5'/>"
                // black is SVG's own default fill, so text (black glyph outlines) carries no paint
                + "<path d='M0,0L10,0Q5,5,0,10Z'/>", body(d));
        assertTrue(d.svg().startsWith("<svg xmlns='http://www.w3.org/2000/svg' width='100' height='50' viewBox='0 0 100 50'>"));
    }

    @Test
    void strokesKeepWidthCapsJoinsAndDashes() {
        SvgDocument d = new SvgDocument(100, 50, "t_");
        SvgCanvas g = d.canvas();
        g.setColor(Color.GRAY);
        g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        g.draw(new Line2D.Double(0, 0, 10, 10));
        g.setStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_BEVEL));
        g.draw(new Rectangle2D.Double(0, 0, 5, 5));
        g.fill(new Line2D.Double(0, 0, 10, 10)); // a line has no area: nothing is written
        assertEquals("<line x1='0' y1='0' x2='10' y2='10' stroke='#808080' stroke-width='1.5' stroke-dasharray='6,4' fill='none'/>"
                + "<rect x='0' y='0' width='5' height='5' stroke='#808080' stroke-width='2' stroke-linecap='round'"
                + " stroke-linejoin='bevel' fill='none'/>", body(d));
    }

    @Test
    void shiftsMoveTheCoordinatesAndOtherTransformsStayOnStrokes() {
        SvgDocument d = new SvgDocument(100, 50, "t_");
        SvgCanvas g = d.canvas();
        AffineTransform saved = g.getTransform();
        g.translate(10, 20);
        g.draw(new Line2D.Double(0, 0, 5, 0));
        g.fill(new Rectangle2D.Double(0, 0, 2, 2));
        g.setTransform(saved);
        g.rotate(Math.PI / 2);
        // a filled area is rotated exactly by moving its points
        g.fill(new Rectangle2D.Double(0, 0, 2, 1));
        // a stroke under a rotation keeps its own coordinates and a transform (its width would scale with it)
        g.draw(new Line2D.Double(0, 0, 5, 0));
        assertEquals("<line x1='10' y1='20' x2='15' y2='20' stroke='#000000' stroke-linecap='square' fill='none'/>"
                + "<rect x='10' y='20' width='2' height='2'/>"
                + "<path d='M0,0L0,2L-1,2L-1,0L0,0Z'/>"
                + "<line x1='0' y1='0' x2='5' y2='0' stroke='#000000' stroke-linecap='square' fill='none' transform='matrix(0,1,-1,0,0,0)'/>",
                body(d));
    }

    @Test
    void elementsUnderOneClipShareAGroupAndTheClipIsDefinedOnce() {
        SvgDocument d = new SvgDocument(100, 50, "c3_");
        SvgCanvas g = d.canvas();
        Shape saved = g.getClip();
        g.setClip(new Rectangle2D.Double(5, 5, 50, 30));
        g.fill(new Rectangle2D.Double(0, 0, 1, 1));
        g.fill(new Rectangle2D.Double(2, 2, 1, 1));
        g.setClip(saved);
        g.fill(new Rectangle2D.Double(4, 4, 1, 1));
        g.setClip(new Rectangle2D.Double(5, 5, 50, 30));
        g.fill(new Rectangle2D.Double(6, 6, 1, 1));
        String svg = d.svg();
        assertTrue(svg.contains("<defs><clipPath id='c3_clip-0'><path d='M5,5L55,5L55,35L5,35L5,5Z'/></clipPath></defs>"), svg);
        assertTrue(svg.endsWith("<g clip-path='url(#c3_clip-0)'><rect x='0' y='0' width='1' height='1'/><rect x='2' y='2' width='1' height='1'/></g>"
                + "<rect x='4' y='4' width='1' height='1'/>"
                + "<g clip-path='url(#c3_clip-0)'><rect x='6' y='6' width='1' height='1'/></g></svg>"), svg);
        assertEquals(1, svg.split("<clipPath ").length - 1);
    }

    @Test
    void clipsAreKeptInPageCoordinatesAcrossTransforms() {
        SvgCanvas g = new SvgDocument(100, 50, "t_").canvas();
        g.translate(10, 10);
        g.setClip(new Rectangle2D.Double(0, 0, 20, 20));
        g.translate(5, 5);
        assertEquals(new Rectangle2D.Double(-5, -5, 20, 20), g.getClip().getBounds2D());
        g.clip(new Rectangle2D.Double(0, 0, 100, 5));
        assertEquals(new Rectangle2D.Double(0, 0, 15, 5), g.getClip().getBounds2D());
    }

    @Test
    void gradientsBecomeDefinitions() {
        SvgDocument d = new SvgDocument(100, 50, "t_");
        SvgCanvas g = d.canvas();
        g.setPaint(new LinearGradientPaint(0, 0, 10, 0, new float[] {0f, 1f}, new Color[] {Color.WHITE, Color.BLUE}));
        g.fill(new Rectangle2D.Double(0, 0, 10, 10));
        String svg = d.svg();
        assertTrue(svg.contains("<linearGradient id='t_gradient-0' gradientUnits='userSpaceOnUse' x1='0' y1='0' x2='10' y2='0'>"
                + "<stop offset='0.0' stop-color='#ffffff'/><stop offset='1.0' stop-color='#0000ff'/></linearGradient>"), svg);
        assertTrue(svg.contains("<rect x='0' y='0' width='10' height='10' fill='url(#t_gradient-0)'/>"), svg);
    }

    @Test
    void textIsWrittenAsTextAndImagesAreRefused() {
        SvgDocument d = new SvgDocument(100, 50, "t_");
        SvgCanvas g = d.canvas();
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString("A<b", 10f, 20f);
        String svg = d.svg();
        assertTrue(svg.contains("<text x='10' y='20' font-family='sans-serif' font-size='14' font-weight='bold' textLength='"), svg);
        assertTrue(svg.contains(" lengthAdjust='spacingAndGlyphs'>A&lt;b</text>") && !svg.contains("<path"), svg);
        assertTrue(g.getFontMetrics(g.getFont()).stringWidth("Ab") > 0);
        assertThrows(UnsupportedOperationException.class, () -> g.drawImage(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB), 0, 0, null));
    }

    @Test
    void chartLabelsAreTextNotGlyphOutlines() {
        String svg = new Svg().of(Charts.lines("ROC curve", "false positive rate", "true positive rate",
                List.of(Charts.Line.of("class 1", new double[] {0, 0.5, 1}, new double[] {0, 0.7, 1}))), "c");
        for (String label : List.of(">ROC curve</text>", ">false positive rate</text>", ">true positive rate</text>",
                ">class 1</text>", ">0.5</text>", ">1</text>")) {
            assertTrue(svg.contains(label), label + " in " + svg);
        }
        // the y axis title is turned a quarter: a transform, not a path
        assertTrue(svg.matches("(?s).*<text transform='matrix\\(0,-1,1,0,[^)]*\\)'[^>]*>true positive rate</text>.*"), svg);
        // the only paths left are the curve, the markers' outlines and the clip
        assertFalse(svg.contains("<path d='M") && svg.replaceAll("<clipPath.*?</clipPath>", "").matches("(?s).*<path d='[^']*Q.*"), svg);
        String heat = new Svg().of(Charts.confusion(List.of("no", "yes"), new int[][] {{4, 2}, {1, 3}}), "m");
        assertTrue(heat.contains(">4</text>") && heat.contains(">yes</text>") && heat.contains(">predicted</text>"), heat);
    }

    @Test
    void theSameChartGivesTheSameBytesAndACopyPaintsIntoTheSamePage() {
        String first = new Svg().of(Charts.lines("t", "x", "y", List.of(Charts.Line.of("a", new double[] {0, 0.5, 1}, new double[] {0, 0.7, 1}),
                Charts.Line.reference("chance", new double[] {0, 1}, new double[] {0, 1}))), "c");
        String second = new Svg().of(Charts.lines("t", "x", "y", List.of(Charts.Line.of("a", new double[] {0, 0.5, 1}, new double[] {0, 0.7, 1}),
                Charts.Line.reference("chance", new double[] {0, 1}, new double[] {0, 1}))), "c");
        assertEquals(first, second);
        assertTrue(first.contains("stroke-dasharray='6,4'") && first.contains("clip-path='url(#c1_clip-0)'"), first.substring(0, 400));
        SvgDocument d = new SvgDocument(10, 10, "t_");
        SvgCanvas g = d.canvas();
        SvgCanvas copy = (SvgCanvas) g.create();
        copy.setColor(Color.RED);
        copy.fill(new Rectangle2D.Double(0, 0, 1, 1));
        assertEquals(Color.BLACK, g.getColor());
        assertEquals("<rect x='0' y='0' width='1' height='1' fill='#ff0000'/>", body(d));
        assertTrue(new Svg().of(Charts.bars("b", "x", "y", List.of("p"), Map.of("s", List.of(1.0))), "b").contains("<rect"));
    }
}
