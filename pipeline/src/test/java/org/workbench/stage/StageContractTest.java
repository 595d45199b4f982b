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
import org.workbench.data.Task;
import org.workbench.recipe.Step;
import org.workbench.training.Candidate;
import org.workbench.training.RecipeStages;

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
    void theRecipeStagesAreOneListThatThePipelineRunsAndACandidateRefits() {
        assertEquals(RecipeStages.all(), stages().subList(2, 5));
        assertEquals(List.of("preprocessing", "features", "selection"), RecipeStages.all().stream().map(Stage::name).toList());
        // a candidate's recipe is the recipe stages' steps, in stage order
        List<String> fromStages = new ArrayList<>();
        RecipeStages.all().forEach(s -> s.steps(config).steps().forEach(step -> fromStages.add(step.name())));
        assertEquals(fromStages, Candidate.from(config, Task.CLASSIFICATION).recipe().steps().stream().map(Step::name).toList());
        assertFalse(fromStages.isEmpty());
    }

    @Test
    void theWorkbenchReleasesLargeArtifactsAfterTheirLastReader() {
        Pipeline pipeline = Workbench.pipeline();
        // the table read (raw_table, csv_read's table) lives on only in the raw splits: every row is not kept twice
        assertEquals(List.of("csv_read", "raw_table"), pipeline.releasedAfter("collection"));
        assertEquals(List.of("preprocessed"), pipeline.releasedAfter("features"));
        assertEquals(List.of("engineered"), pipeline.releasedAfter("selection"));
        assertEquals(List.of("model", "prepared", "training_rows"), pipeline.releasedAfter("evaluation"));
        // what the runner reads afterwards (predictions.csv, metrics.json, the headline) is kept
        assertEquals(List.of("csv_dialect", "training_numbers"), pipeline.releasedAfter("deployment"));
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
            if (top.kind() == Key.Kind.SECTION && !ConfigLoader.ENGINE_SECTIONS.containsKey(top.name())) {
                assertTrue(sections.contains(top.name()), "section " + top.name() + " belongs to a stage");
            }
        }
    }
}
