package org.workbench.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/** Small pieces of HTML: escaping, numbers, tables, and any JSON value as readable HTML. */
final class Html {
    private Html() {
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Four decimals for fractions, fewer digits for big numbers; "-" for a missing value. */
    static String number(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return "-";
        }
        if (v.isIntegralNumber()) {
            return v.asText();
        }
        if (v.isNumber()) {
            return number(v.doubleValue());
        }
        return escape(v.asText());
    }

    /**
     * A recorded number as {@link #number(JsonNode)} shows it: null is "-"; NaN and the infinities are
     * written to JSON as text ("NaN"), so they show as that text.
     */
    static String number(Double v) {
        if (v == null) {
            return "-";
        }
        return Double.isFinite(v) ? number(v.doubleValue()) : escape(v.toString());
    }

    /** A recorded value as JSON reads it back (numbers, text, objects): for showing values whose shape varies. */
    static JsonNode tree(Object value) {
        try {
            return org.workbench.core.Json.MAPPER.readTree(org.workbench.core.Json.write(value));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String number(double d) {
        if (Double.isNaN(d)) {
            return "-";
        }
        return Math.abs(d) >= 1000 ? String.format(Locale.ROOT, "%.1f", d) : String.format(Locale.ROOT, "%.4f", d);
    }

    /**
     * A metric table: the titles and cells escaped ({@code name} turns a row's name into HTML), numbers as
     * {@link #number(Double)}, a mean and std joined by &plusmn;.
     */
    static String table(org.workbench.evaluation.MetricTable table, java.util.function.Function<String, String> name) {
        List<String> header = table.header().stream().map(h -> escape(h).replace("+/-", "&plusmn;")).toList();
        List<List<String>> cells = table.cells(v -> number(v), " &plusmn; ");
        List<List<String>> rows = new java.util.ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            List<String> row = new java.util.ArrayList<>(List.of(name.apply(table.rows().get(i).name())));
            row.addAll(cells.get(i));
            rows.add(row);
        }
        return table(header, rows);
    }

    /** A table with a header row; cells are already HTML. */
    static String table(List<String> header, List<List<String>> rows) {
        StringBuilder sb = new StringBuilder("<table><thead><tr>");
        header.forEach(h -> sb.append("<th>").append(h).append("</th>"));
        sb.append("</tr></thead><tbody>");
        for (List<String> row : rows) {
            sb.append("<tr>");
            row.forEach(cell -> sb.append("<td>").append(cell).append("</td>"));
            sb.append("</tr>");
        }
        return sb.append("</tbody></table>").toString();
    }

    /**
     * Any JSON value as HTML: a list of objects with the same keys becomes a table, an object a
     * two-column table, a list of scalars a comma-separated line.
     */
    static String json(JsonNode v) {
        if (v == null || v.isNull()) {
            return "-";
        }
        if (v.isValueNode()) {
            return number(v);
        }
        if (v.isArray()) {
            if (v.isEmpty()) {
                return "<em>none</em>";
            }
            if (allObjects(v)) {
                List<String> header = new ArrayList<>();
                v.forEach(item -> item.fieldNames().forEachRemaining(k -> {
                    if (!header.contains(k)) {
                        header.add(k);
                    }
                }));
                List<List<String>> rows = new ArrayList<>();
                v.forEach(item -> rows.add(header.stream().map(h -> item.has(h) ? json(item.get(h)) : "").toList()));
                return table(header.stream().map(Html::escape).toList(), rows);
            }
            List<String> parts = new ArrayList<>();
            v.forEach(item -> parts.add(json(item)));
            return String.join(v.get(0).isValueNode() ? ", " : "", parts);
        }
        List<List<String>> rows = new ArrayList<>();
        for (Iterator<String> it = v.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            rows.add(List.of("<b>" + escape(key) + "</b>", json(v.get(key))));
        }
        return "<table class=\"kv\"><tbody>" + rows.stream().map(r -> "<tr><td>" + r.get(0) + "</td><td>" + r.get(1) + "</td></tr>")
                .collect(java.util.stream.Collectors.joining()) + "</tbody></table>";
    }

    private static boolean allObjects(JsonNode array) {
        for (JsonNode item : array) {
            if (!item.isObject()) {
                return false;
            }
        }
        return true;
    }

    static String section(String id, String title, String body) {
        return "<section id=\"" + id + "\"><h2>" + escape(title) + "</h2>\n" + body + "</section>\n";
    }

    static String figure(String id, String svg, String caption) {
        return "<figure id=\"" + id + "\">" + svg + "<figcaption>" + escape(caption) + "</figcaption></figure>\n";
    }

    /**
     * A chart drawn by {@code drawing}, or, when it cannot be drawn, a sentence saying why in its place:
     * a chart is an illustration, and a run must never be lost to one.
     */
    static String figure(String id, java.util.function.Supplier<String> drawing, String caption) {
        String svg;
        try {
            svg = drawing.get();
        } catch (RuntimeException | LinkageError e) {
            return "<figure id=\"" + id + "\"><p class=\"chart-missing\">This chart could not be drawn: "
                    + escape(reason(e)) + ".</p><figcaption>" + escape(caption) + "</figcaption></figure>\n";
        }
        return figure(id, svg, caption);
    }

    /** A failure's own message on one line, or its type when it has none. */
    static String reason(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        return message.strip().replaceAll("\\s+", " ").replaceAll("[.!]+$", "");
    }

    static String lines(List<String> lines) {
        if (lines.isEmpty()) {
            return "";
        }
        return "<pre>" + escape(String.join("\n", lines)) + "</pre>\n";
    }
}
