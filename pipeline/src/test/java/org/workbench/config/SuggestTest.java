package org.workbench.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestTest {
    @Test
    void suggestUsesEditDistance() {
        assertEquals(2, Suggest.distance("preproces", "preprocess") + 1);
        assertEquals("target", Suggest.nearest("traget", List.of("task", "target", "metric")));
        assertEquals(null, Suggest.nearest("zzzzzz", List.of("task", "target")));
    }
}
