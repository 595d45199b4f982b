package org.workbench.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VersionsTest {
    @Test
    void theBuildIsAFilledInUtcTimestamp() {
        // a placeholder left unfiltered would give every build the same stage-cache key
        String build = Versions.build();
        assertTrue(build.matches("\\d{8}T\\d{6}\\.\\d{3}Z"), build);
    }

    @Test
    void theVersionsRecordedWithARunNameWorkbenchAndItsLibraries() {
        var all = Versions.all();
        assertEquals(Versions.workbench(), all.get("workbench"));
        assertTrue(all.get("workbench").matches("\\d+\\.\\d+\\.\\d+.*"), all.get("workbench"));
        assertTrue(all.get("tribuo").startsWith("4."), all.get("tribuo"));
    }
}
