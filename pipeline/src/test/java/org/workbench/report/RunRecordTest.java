package org.workbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.workbench.collection.CollectionRecord;
import org.workbench.definition.DefinitionRecord;
import org.workbench.run.ConfigLoader;
import org.workbench.run.Runner;
import org.workbench.stage.StageResult;

/**
 * A run stopped early (--until) writes a shorter run.json: it still reads back as a RunRecord that writes
 * the same bytes, its stages as their own records. Full runs of every shipped config are checked by
 * ShippedConfigsTest.
 */
class RunRecordTest {
    @TempDir
    Path out;

    @ParameterizedTest
    @ValueSource(strings = {"definition", "collection", "training"})
    void aPartialRunReadsBackAsTheSameBytes(String until) throws IOException {
        Runner.Outcome outcome = Runner.run(ConfigLoader.load(Path.of("../configs/iris.yaml"), List.of()), out.resolve(until),
                until, r -> { });
        RunRecord run = RunRecord.read(outcome.dir());
        assertEquals(Files.readString(outcome.dir().resolve(RunRecord.FILE)), run.json() + "\n");
        assertEquals(until, run.stages().get(run.stages().size() - 1).stage());
        assertEquals("species", run.record(DefinitionRecord.class).orElseThrow().target());
        assertEquals(until.equals("definition"), run.record(CollectionRecord.class).isEmpty());
        assertTrue(run.stages().stream().map(StageResult::data).allMatch(d -> RunRecord.RECORDS.containsValue(d.getClass())));
        assertEquals(until.equals("definition"), run.data() == null, "the data file is known from the collection stage on");
    }
}
