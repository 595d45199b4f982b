package org.workbench.features;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.workbench.core.InputException;
import org.workbench.recipe.ColumnStats;
import org.workbench.recipe.FeatureColumns;
import org.workbench.recipe.UnsupervisedStep;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

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
    public FittedDateParts fit(Table train) {
        if (!format.isEmpty()) {
            try {
                DateTimeFormatter.ofPattern(format, Locale.ROOT);
            } catch (IllegalArgumentException e) {
                throw new InputException("features.dates.format: '" + format + "' is not a date pattern: " + e.getMessage());
            }
        }
        List<FittedDateParts.Part> fitted = new ArrayList<>();
        for (String column : columns) {
            StringColumn text = FeatureColumns.categorical(train, column, "features.dates.columns");
            double[][] values = new double[parts.size()][text.size()];
            for (int i = 0; i < text.size(); i++) {
                String cell = text.get(i);
                LocalDateTime t = cell.isEmpty() ? null : FittedDateParts.parse(cell, format);
                if (t == null && !cell.isEmpty()) {
                    throw new InputException("features.dates: column '" + column + "' holds \"" + cell
                            + "\", which is not a date" + (format.isEmpty() ? " in ISO form; set features.dates.format"
                            : " in the format '" + format + "'"));
                }
                for (int p = 0; p < parts.size(); p++) {
                    values[p][i] = t == null ? Double.NaN : FittedDateParts.part(t, parts.get(p));
                }
            }
            for (int p = 0; p < parts.size(); p++) {
                double[] present = ColumnStats.present(values[p]);
                double fill = present.length == 0 ? 0 : ColumnStats.median(present);
                fitted.add(new FittedDateParts.Part(column, parts.get(p), fill));
            }
        }
        return new FittedDateParts(format, fitted);
    }
}
