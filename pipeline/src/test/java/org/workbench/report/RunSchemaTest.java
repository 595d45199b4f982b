package org.workbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workbench.core.Json;
import org.workbench.run.ConfigLoader;
import org.workbench.run.Runner;

/**
 * The JSON Schemas of {@code run.json} and {@code metrics.json} are generated from {@link RunRecord} and
 * {@link RunMetrics} (victools jsonschema-generator, reading the Jackson annotations) and published in
 * {@code src/main/resources/schema/}. The published files must be what the types generate, and a real
 * run's files must validate against them.
 */
class RunSchemaTest {
    static final Path DIR = RunSchemas.DIR;
    static final Map<String, Class<?>> SCHEMAS = Map.of("run.schema.json", RunRecord.class, "metrics.schema.json", RunMetrics.class);
    static final String REGENERATE = "mvn -o -pl pipeline test -Dtest=RunSchemaTest -Dschema.write=true";

    @Test
    void thePublishedSchemasAreTheOnesTheRecordsGenerate() throws IOException {
        boolean write = Boolean.getBoolean("schema.write");
        for (Map.Entry<String, Class<?>> e : SCHEMAS.entrySet()) {
            Path file = DIR.resolve(e.getKey());
            String generated = RunSchemas.generate(e.getValue());
            if (write) {
                Files.createDirectories(DIR);
                Files.writeString(file, generated, StandardCharsets.UTF_8);
            }
            assertTrue(Files.exists(file), file + " is missing; write it with: " + REGENERATE);
            assertEquals(generated, Files.readString(file, StandardCharsets.UTF_8), file + " is not what "
                    + e.getValue().getSimpleName() + " generates; if the change is meant, regenerate it with: " + REGENERATE);
        }
    }

    @Test
    void aRealRunValidatesAndAnEditedOneDoesNot(@TempDir Path out) throws IOException {
        Runner.Outcome outcome = Runner.run(ConfigLoader.load(Path.of("../configs/iris.yaml"), List.of()), out, null, r -> { });
        assertEquals(List.of(), RunSchemas.problems(outcome.dir()));
        Path run = outcome.dir().resolve("run.json");
        ObjectNode edited = (ObjectNode) Json.MAPPER.readTree(Files.readString(run, StandardCharsets.UTF_8));
        edited.put("seed", "forty-two");
        edited.put("colour", "blue");
        Files.writeString(run, Json.write(edited), StandardCharsets.UTF_8);
        List<String> problems = RunSchemas.problems(outcome.dir());
        assertTrue(problems.stream().anyMatch(p -> p.contains("seed")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("colour")), problems.toString());
    }
}
