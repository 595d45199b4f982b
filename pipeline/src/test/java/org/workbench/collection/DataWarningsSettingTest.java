package org.workbench.collection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workbench.config.PipelineConfig;
import org.workbench.data.Task;
import org.workbench.definition.Problem;
import org.workbench.run.ConfigLoader;

/** The linter's advice follows the later stages' settings, defaults included, as the config resolves them. */
class DataWarningsSettingTest {
    @TempDir
    Path dir;

    private DataWarnings.Setting setting(String yaml) throws IOException {
        Path file = dir.resolve("c.yaml");
        Files.writeString(file, yaml);
        PipelineConfig config = ConfigLoader.load(file, List.of());
        return DataWarnings.Setting.of(config, new Problem("y", Task.CLASSIFICATION, "f1", "yes", List.of("no", "yes"), "cart"));
    }

    @Test
    void defaultsWhenTheLaterSectionsAreAbsent() throws IOException {
        DataWarnings.Setting s = setting("problem: {target: y}\ndata: {source: x.csv}\n");
        assertEquals(Set.of(), s.dropped());
        assertEquals(5, s.cvFolds());
        assertEquals("f1", s.metric());
        assertEquals(true, s.leavesOutIdentifiers());
    }

    @Test
    void keepIdentifiersAndEncodedColumnsAsConfigured() throws IOException {
        DataWarnings.Setting s = setting("problem: {target: y}\ndata: {source: x.csv}\n"
                + "features: {keep_identifiers: true, encode_columns: {Ticket: frequency}}\n");
        assertEquals(false, s.leavesOutIdentifiers());
        assertEquals(Set.of("Ticket"), s.encoded());
    }

    @Test
    void droppedColumnsAndFoldsAsConfigured() throws IOException {
        DataWarnings.Setting s = setting("problem: {target: y}\ndata: {source: x.csv}\n"
                + "preprocess: {drop: [id, name]}\nevaluate: {cv_folds: 3}\n");
        assertEquals(Set.of("id", "name"), s.dropped());
        assertEquals(3, s.cvFolds());
    }
}
