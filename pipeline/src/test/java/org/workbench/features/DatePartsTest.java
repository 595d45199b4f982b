package org.workbench.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.workbench.recipe.TableAssert.values;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.workbench.core.InputException;
import org.workbench.recipe.ApplyLog;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Date parts from ISO and patterned text, with training medians for unreadable dates. */
class DatePartsTest {
    @Test
    void datePartsReplaceTheRawColumn() {
        Table t = Table.create("t", StringColumn.create("when", "2024-03-01T14:30", "2023-12-25", "2024-01-06 08:00:00"),
                DoubleColumn.create("x", 1, 2, 3));
        DateParts.Fitted fitted = new DateParts(List.of("when"), List.of("year", "month", "dayofweek", "hour"), "").fit(t);
        Table out = fitted.apply(t, new ApplyLog());
        assertEquals(List.of("when_year", "when_month", "when_dayofweek", "when_hour", "x"), out.columnNames());
        assertArrayEquals(new double[] {2024, 2023, 2024}, values(out, "when_year"));
        assertArrayEquals(new double[] {3, 12, 1}, values(out, "when_month"));
        assertArrayEquals(new double[] {5, 1, 6}, values(out, "when_dayofweek"));  // Friday, Monday, Saturday
        assertArrayEquals(new double[] {14, 0, 8}, values(out, "when_hour"));
        ApplyLog log = new ApplyLog();
        Table unreadable = fitted.apply(Table.create("p", StringColumn.create("when", "soon", ""),
                DoubleColumn.create("x", 1, 2)), log);
        assertArrayEquals(new double[] {3, 3}, values(unreadable, "when_month"));  // training median of 3, 12, 1
        assertEquals(Map.of("missing or unreadable dates in when (filled with training medians)", 2L), log.counts());

        DateParts.Fitted european = new DateParts(List.of("d"), List.of("day", "month"), "dd/MM/yyyy")
                .fit(Table.create("t", StringColumn.create("d", "31/01/2020")));
        Table parsed = european.apply(Table.create("t", StringColumn.create("d", "31/01/2020")), new ApplyLog());
        assertArrayEquals(new double[] {31}, values(parsed, "d_day"));
        assertArrayEquals(new double[] {1}, values(parsed, "d_month"));
        InputException e = assertThrows(InputException.class, () -> new DateParts(List.of("d"), List.of("year"), "")
                .fit(Table.create("t", StringColumn.create("d", "yesterday"))));
        assertEquals("features.dates: column 'd' holds \"yesterday\", which is not a date in ISO form;"
                + " set features.dates.format", e.getMessage());
    }
}
