package org.workbench.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.workbench.recipe.TableAssert.values;

import org.junit.jupiter.api.Test;
import org.workbench.recipe.ApplyLog;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Frequency encoding: each category's share of the training rows. */
class FrequencyEncoderTest {
    /** c: a x3, b x2, c x1, d x1, one missing. */
    private static Table levels() {
        return Table.create("t", StringColumn.create("c", "a", "b", "a", "c", "b", "a", "d", ""));
    }

    private static Table oneColumn(String... values) {
        return Table.create("p", StringColumn.create("c", values));
    }

    @Test
    void frequencyIsTheShareOfTrainingRows() {
        FrequencyEncoder.Fitted fitted = new FrequencyEncoder(CategoricalColumns.ALL).fit(levels());
        // 8 rows: a 3/8, b 2/8, c 1/8, d 1/8
        assertArrayEquals(new double[] {0.375, 0.25, 0.125, 0, 0},
                values(fitted.apply(oneColumn("a", "b", "d", "new", ""), new ApplyLog()), "c"));
        assertEquals("c: a 0.375, b 0.25, c 0.125, d 0.125", fitted.summary());
    }
}
