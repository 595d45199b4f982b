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
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Ordinal codes by training frequency or by a given order, checked by hand. */
class OrdinalEncoderTest {
    /** c: a x3, b x2, c x1, d x1, one missing. */
    private static Table levels() {
        return Table.create("t", StringColumn.create("c", "a", "b", "a", "c", "b", "a", "d", ""));
    }

    private static Table oneColumn(String... values) {
        return Table.create("p", StringColumn.create("c", values));
    }

    @Test
    void ordinalByFrequencyOrByAGivenOrder() {
        OrdinalEncoder.Fitted byFrequency = new OrdinalEncoder(Map.of(), CategoricalColumns.ALL).fit(levels());
        assertEquals(List.of("a", "b", "c", "d"), byFrequency.columns().get(0).levels());
        ApplyLog log = new ApplyLog();
        assertArrayEquals(new double[] {0, 1, 2, 3, -1, -1},
                values(byFrequency.apply(oneColumn("a", "b", "c", "d", "e", ""), log), "c"));
        assertEquals(Map.of("missing or unseen values in c (encoded as -1)", 2L), log.counts());

        OrdinalEncoder.Fitted given = new OrdinalEncoder(Map.of("c", List.of("d", "c", "b", "a")), CategoricalColumns.ALL)
                .fit(levels());
        assertArrayEquals(new double[] {3, 2, 1, 0}, values(given.apply(oneColumn("a", "b", "c", "d"), new ApplyLog()), "c"));
        assertEquals("c: given order d=0, c=1, b=2, a=3; missing or unseen -> -1", given.summary());
    }

    @Test
    void anOrderMustListEveryTrainingLevel() {
        InputException e = assertThrows(InputException.class,
                () -> new OrdinalEncoder(Map.of("c", List.of("a", "b")), CategoricalColumns.ALL).fit(levels()));
        assertEquals("features.ordinal_order.c: the training rows hold [c, d], which the order [a, b] does not list",
                e.getMessage());
    }
}
