package org.workbench.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workbench.cli.WorkbenchCli;
import org.workbench.core.InputException;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The engine seam: local by default; another engine only when its jar is on the class path (not this module's). */
class EnginesTest {
    @Test
    void aConfigWithoutEngineRunsLocallyAndRecordsNothingNew() {
        var config = ConfigLoader.load(Path.of("../configs/iris.yaml"), List.of());
        assertInstanceOf(LocalEngine.class, Engines.of(config));
        assertFalse(config.resolved().has("engine"));
        assertFalse(config.resolved().has("spark"));
    }

    @Test
    void theSparkSectionIsReadWhenSet() {
        var config = ConfigLoader.load(Path.of("../configs/iris.yaml"), List.of("engine=spark", "spark.master=local[2]"));
        assertEquals(new EngineConfig("spark", "local[2]", java.util.Map.of()), config.section(EngineConfig.class));
        InputException e = assertThrows(InputException.class, () -> Engines.of(config));
        assertTrue(e.getMessage().startsWith("engine: 'spark' is not on the class path"), e.getMessage());
    }

    @Test
    void engineSparkWithoutItsJarExitsTwoWithOneLine(@TempDir Path out) {
        StringWriter err = new StringWriter();
        int code = WorkbenchCli.execute(new String[] {"run", "../configs/iris.yaml", "--engine", "spark", "--out", out.toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertEquals(2, code);
        List<String> lines = err.toString().lines().toList();
        assertEquals(1, lines.size(), err.toString());
        assertTrue(lines.get(0).contains("scripts/workbench run CONFIG --engine spark"), lines.get(0));
        assertFalse(Files.exists(out.resolve("iris")));
    }
}
