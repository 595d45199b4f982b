package org.workbench.features;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.workbench.core.InputException;
import org.workbench.recipe.ApplyLog;
import org.workbench.recipe.ColumnStats;
import org.workbench.recipe.FeatureColumns;
import org.workbench.recipe.FittedStep;
import org.workbench.recipe.Numbers;
import org.workbench.recipe.UnsupervisedStep;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Turns date/time text columns into numeric parts ({@code year}, {@code month}, {@code day},
 * {@code dayofweek} 1 = Monday .. 7 = Sunday, {@code hour}, {@code minute}) named {@code <column>_<part>},
 * in place of the raw column. Text is read with {@code format} (a {@link DateTimeFormatter} pattern)
 * or, when it is empty, as ISO dates ({@code 2024-03-01}) or date-times ({@code 2024-03-01T14:30},
 * {@code 2024-03-01 14:30:00}). Each part's training median fills rows whose date is missing or unreadable.
 */
public record DateParts(List<String> columns, List<String> parts, String format) implements UnsupervisedStep {
    public static final List<String> PARTS = List.of("year", "month", "day", "dayofweek", "hour", "minute");

    public DateParts {
        columns = List.copyOf(columns);
        parts = List.copyOf(parts);
        for (String p : parts) {
            if (!PARTS.contains(p)) {
                throw new InputException("features.dates.parts: '" + p + "' is not one of " + PARTS);
            }
        }
    }

    @Override
    public String name() {
        return "dates";
    }

    @Override
    public Fitted fit(Table train) {
        if (!format.isEmpty()) {
            try {
                DateTimeFormatter.ofPattern(format, Locale.ROOT);
            } catch (IllegalArgumentException e) {
                throw new InputException("features.dates.format: '" + format + "' is not a date pattern: " + e.getMessage());
            }
        }
        List<Fitted.Part> fitted = new ArrayList<>();
        for (String column : columns) {
            StringColumn text = FeatureColumns.categorical(train, column, "features.dates.columns");
            double[][] values = new double[parts.size()][text.size()];
            for (int i = 0; i < text.size(); i++) {
                String cell = text.get(i);
                LocalDateTime t = cell.isEmpty() ? null : Fitted.parse(cell, format);
                if (t == null && !cell.isEmpty()) {
                    throw new InputException("features.dates: column '" + column + "' holds \"" + cell
                            + "\", which is not a date" + (format.isEmpty() ? " in ISO form; set features.dates.format"
                            : " in the format '" + format + "'"));
                }
                for (int p = 0; p < parts.size(); p++) {
                    values[p][i] = t == null ? Double.NaN : Fitted.part(t, parts.get(p));
                }
            }
            for (int p = 0; p < parts.size(); p++) {
                double[] present = ColumnStats.present(values[p]);
                double fill = present.length == 0 ? 0 : ColumnStats.median(present);
                fitted.add(new Fitted.Part(column, parts.get(p), fill));
            }
        }
        return new Fitted(format, fitted);
    }

    /** The date parts to extract per column and each part's training median, used for unreadable dates. */
    @JsonTypeName("dates")
    public record Fitted(String format, List<Part> parts) implements FittedStep {
        private static final DateTimeFormatter SPACED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]", Locale.ROOT);

        /** One output column {@code <column>_<part>} and its fill. */
        public record Part(String column, String part, double fill) {
        }

        public Fitted {
            parts = List.copyOf(parts);
        }

        /** The date-time in {@code text}, or null when it cannot be read. A date alone means midnight. */
        static LocalDateTime parse(String text, String format) {
            List<DateTimeFormatter> formats = format.isEmpty()
                    ? List.of(DateTimeFormatter.ISO_LOCAL_DATE_TIME, SPACED, DateTimeFormatter.ISO_LOCAL_DATE)
                    : List.of(DateTimeFormatter.ofPattern(format, Locale.ROOT)); // English month and day names on any machine
            for (DateTimeFormatter f : formats) {
                try {
                    TemporalAccessor t = f.parse(text.trim());
                    LocalDate date = LocalDate.from(t);
                    return t.isSupported(ChronoField.HOUR_OF_DAY) ? LocalDateTime.from(t) : date.atStartOfDay();
                } catch (java.time.DateTimeException e) {
                    // try the next form
                }
            }
            return null;
        }

        static double part(LocalDateTime t, String part) {
            return switch (part) {
                case "year" -> t.getYear();
                case "month" -> t.getMonthValue();
                case "day" -> t.getDayOfMonth();
                case "dayofweek" -> t.getDayOfWeek().getValue();
                case "hour" -> t.getHour();
                case "minute" -> t.getMinute();
                default -> throw new IllegalArgumentException("unknown date part " + part);
            };
        }

        @Override
        public List<String> sources(String output, List<String> inputs) {
            for (Part p : parts) {
                if (output.equals(p.column() + "_" + p.part())) {
                    return List.of(p.column());
                }
            }
            return FittedStep.super.sources(output, inputs);
        }

        @Override
        public Table apply(Table features, ApplyLog log) {
            Map<String, List<Part>> byColumn = new LinkedHashMap<>();
            parts.forEach(p -> byColumn.computeIfAbsent(p.column(), c -> new ArrayList<>()).add(p));
            Map<String, List<DoubleColumn>> replaced = new HashMap<>();
            byColumn.forEach((column, columnParts) -> {
                StringColumn text = FeatureColumns.categorical(features, column, name());
                double[][] values = new double[columnParts.size()][text.size()];
                long unreadable = 0;
                for (int i = 0; i < text.size(); i++) {
                    LocalDateTime t = text.get(i).isEmpty() ? null : parse(text.get(i), format);
                    unreadable += t == null ? 1 : 0;
                    for (int p = 0; p < columnParts.size(); p++) {
                        values[p][i] = t == null ? columnParts.get(p).fill() : part(t, columnParts.get(p).part());
                    }
                }
                log.count("missing or unreadable dates in " + column + " (filled with training medians)", unreadable);
                List<DoubleColumn> out = new ArrayList<>();
                for (int p = 0; p < columnParts.size(); p++) {
                    out.add(DoubleColumn.create(column + "_" + columnParts.get(p).part(), values[p]));
                }
                replaced.put(column, out);
            });
            List<Column<?>> out = new ArrayList<>();
            for (Column<?> column : features.columns()) {
                List<DoubleColumn> r = replaced.get(column.name());
                if (r != null) {
                    out.addAll(r);
                } else {
                    out.add(column.copy());
                }
            }
            return FeatureColumns.tableLike(features, out);
        }

        /** E.g. "date -> date_year, date_month (fills 2021.0, 6.0)". */
        @Override
        public String summary() {
            Map<String, List<Part>> byColumn = new LinkedHashMap<>();
            parts.forEach(p -> byColumn.computeIfAbsent(p.column(), c -> new ArrayList<>()).add(p));
            List<String> out = new ArrayList<>();
            byColumn.forEach((column, ps) -> out.add(column + " -> "
                    + String.join(", ", ps.stream().map(p -> column + "_" + p.part()).toList()) + " (fills "
                    + String.join(", ", ps.stream().map(p -> Numbers.format(p.fill())).toList()) + ")"));
            return out.isEmpty() ? "no date columns" : String.join("; ", out);
        }
    }
}
