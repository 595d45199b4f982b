package org.workbench.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.workbench.run.ConfigLoader;
import org.workbench.config.Key;
import org.workbench.config.PipelineConfig;
import org.workbench.run.Workbench;
import org.workbench.core.Json;

/** The promises every stage keeps, checked over all nine on a real run (titanic, tuning on). */
class StageContractTest {
    static final List<StageResult> RESULTS = new ArrayList<>();
    static PipelineConfig config;
    @TempDir
    static Path runDir;

    @BeforeAll
    static void runAllStages() {
        config = ConfigLoader.load(Path.of("../configs/titanic.yaml"), List.of("evaluate.cv_folds=3",
                "tune.enabled=true", "tune.grid={train.params.learning_rate: [0.05, 0.5]}"));
        RunContext context = new RunContext(config);
        context.put(RunContext.RUN_DIR, runDir);
        Workbench.pipeline().run(context, null, RESULTS::add);
    }

    static List<Stage> stages() {
        return Workbench.pipeline().stages();
    }

    @ParameterizedTest
    @MethodSource("stages")
    void describesItselfAndItsConfig(Stage stage) {
        assertTrue(stage.name().matches("[a-z]+"), stage.name());
        assertFalse(stage.description().isBlank());
        assertFalse(stage.configKeys().isEmpty(), stage.name() + " documents its config section");
        stage.configKeys().forEach((section, keys) -> keys.forEach(k -> {
            assertFalse(k.help().isBlank(), section + "." + k.name() + " has help");
            assertTrue(k.kind() == Key.Kind.SECTION || k.defaultValue() == Key.REQUIRED || k.defaultValue() != null
                    || k.kind() == Key.Kind.STRING, section + "." + k.name() + " has a default");
        }));
    }

    @ParameterizedTest
    @MethodSource("stages")
    void reportsWhatItDidWithNumbers(Stage stage) {
        StageResult r = RESULTS.stream().filter(x -> x.stage().equals(stage.name())).findFirst().orElseThrow();
        assertFalse(r.summary().isBlank());
        assertTrue(r.summary().matches(".*\\d.*"), "a summary carries the numbers it produced: " + r.summary());
        String json = Json.write(r);
        assertFalse(Json.write(r.data()).replaceAll("\\s", "").equals("{}"), stage.name() + " records structured values");
        assertTrue(json.contains("\"stage\" : \"" + stage.name() + "\""), json);
    }

    @Test
    void stagesRunInTheDocumentedOrderAndUntilStops() {
        assertEquals(stages().stream().map(Stage::name).toList(), RESULTS.stream().map(StageResult::stage).toList());
        List<StageResult> partial = new ArrayList<>();
        Workbench.pipeline().run(new RunContext(config), "preprocessing", partial::add);
        assertEquals(List.of("definition", "collection", "preprocessing"), partial.stream().map(StageResult::stage).toList());
    }

    @Test
    void everyConfigKeyBelongsToExactlyOneStage() {
        Set<String> sections = new HashSet<>();
        for (Stage s : stages()) {
            for (String section : s.configKeys().keySet()) {
                assertTrue(sections.add(section), section + " documented twice");
            }
        }
        for (Key top : ConfigLoader.KEYS) {
            if (top.kind() == Key.Kind.SECTION) {
                assertTrue(sections.contains(top.name()), "section " + top.name() + " belongs to a stage");
            }
        }
    }
}
