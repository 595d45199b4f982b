package org.workbench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workbench.config.ConfigException;
import org.workbench.config.PipelineConfig;
import org.workbench.definition.ProblemConfig;
import org.workbench.tuning.TuneConfig;
import org.workbench.models.TrainConfig;
import org.workbench.preprocessing.PreprocessConfig;
import org.workbench.evaluation.EvaluateConfig;
import org.workbench.table.DataConfig;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("exp.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void minimalConfigGetsEveryDefault() throws IOException {
        PipelineConfig c = ConfigLoader.load(write("problem: {target: y}\ndata: {source: data/x.csv}\n"), List.of());
        assertEquals("exp", c.name());
        assertEquals(42, c.seed());
        assertEquals("y", c.section(ProblemConfig.class).target());
        assertEquals("auto", c.section(ProblemConfig.class).task());
        assertEquals(dir.resolve("data/x.csv").toAbsolutePath(), c.section(DataConfig.class).source());
        assertEquals(org.workbench.table.DataConfig.DEFAULT_MISSING, c.section(DataConfig.class).missingValues());
        assertEquals(org.workbench.table.DataConfig.AUTO, c.section(DataConfig.class).delimiter());
        assertEquals(0.2, c.section(DataConfig.class).split().test());
        assertEquals("median", c.section(PreprocessConfig.class).impute().numeric());
        assertEquals("standard", c.section(PreprocessConfig.class).scale());
        assertEquals(5, c.section(EvaluateConfig.class).cvFolds());
        assertEquals(false, c.section(TuneConfig.class).enabled());
        // the resolved tree records defaults too
        assertEquals("median", c.resolved().at("/preprocess/impute/numeric").asText());
        assertEquals(5, c.resolved().at("/evaluate/cv_folds").asInt());
    }

    @Test
    void unknownKeySuggestsTheNearestAndListsValidOnes() throws IOException {
        Path file = write("problem: {target: y}\ndata: {source: x.csv}\npreproces: {scale: none}\n");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file, List.of()));
        assertEquals(file + ": preproces: unknown key; did you mean 'preprocess'? valid keys: name, seed, problem, data,"
                + " preprocess, features, select, train, evaluate, tune, deploy, engine, spark", e.getMessage());
    }

    @Test
    void wrongTypeNamesThePath() throws IOException {
        Path file = write("problem: {target: y}\ndata: {source: x.csv}\nevaluate: {cv_folds: ten}\n");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file, List.of()));
        assertEquals(file + ": evaluate.cv_folds: expected an integer, got \"ten\"", e.getMessage());
    }

    @Test
    void missingRequiredKeyIsNamed() throws IOException {
        Path file = write("data: {source: x.csv}\n");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file, List.of()));
        assertEquals(file + ": problem.target: is required for classification and regression: the column to predict"
                + " (only task: clustering works without one)", e.getMessage());
        Path regression = write("problem: {task: regression}\ndata: {source: x.csv}\n");
        ConfigException r = assertThrows(ConfigException.class, () -> ConfigLoader.load(regression, List.of()));
        assertEquals(regression + ": problem.target: is required for regression: the column to predict"
                + " (only task: clustering works without one)", r.getMessage());
        Path clustering = write("problem: {task: clustering}\ndata: {source: x.csv}\n");
        assertEquals(null, ConfigLoader.load(clustering, List.of()).section(ProblemConfig.class).target());
    }

    @Test
    void setOverridesAnyPathWithTypedValues() throws IOException {
        Path file = write("problem: {target: y}\ndata: {source: x.csv}\ntrain: {model: xgboost}\n");
        PipelineConfig c = ConfigLoader.load(file, List.of("train.params.trees=20", "evaluate.cv_folds=3",
                "preprocess.drop=[a, b]", "data.split.test=0.3"));
        assertEquals(20, c.section(TrainConfig.class).params().get("trees").intValue());
        assertTrue(c.section(TrainConfig.class).params().get("trees").isInt());
        assertEquals(3, c.section(EvaluateConfig.class).cvFolds());
        assertEquals(List.of("a", "b"), c.section(PreprocessConfig.class).drop());
        assertEquals(0.3, c.section(DataConfig.class).split().test());
    }

    @Test
    void badChoiceSuggests() throws IOException {
        Path file = write("problem: {target: y}\ndata: {source: x.csv}\npreprocess: {scale: standrad}\n");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file, List.of()));
        assertEquals(file + ": preprocess.scale: 'standrad' is not one of [standard, minmax, robust, maxabs, none]; did you mean 'standard'?",
                e.getMessage());
    }

    @Test
    void gridPathsMustBeRealConfigPaths() throws IOException {
        Path file = write("problem: {target: y}\ndata: {source: x.csv}\n"
                + "tune: {enabled: true, grid: {preprocess.scael: [none, standard]}}\n");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file, List.of()));
        assertTrue(e.getMessage().startsWith(file + ": tune.grid.preprocess.scael: not a valid config path"), e.getMessage());
        Path ok = write("problem: {target: y}\ndata: {source: x.csv}\n"
                + "tune: {enabled: true, grid: {preprocess.scale: [none, standard], train.params.epochs: [5, 10]}}\n");
        PipelineConfig c = ConfigLoader.load(ok, List.of());
        assertEquals(2, c.section(TuneConfig.class).grid().get("preprocess.scale").size());
        assertEquals(10, c.section(TuneConfig.class).grid().get("train.params.epochs").get(1).intValue());
    }

    @Test
    void yamlSyntaxErrorGivesLineAndColumn() throws IOException {
        Path file = write("problem: {target: y\ndata: [\n");
        var e = assertThrows(org.workbench.core.InputException.class, () -> ConfigLoader.load(file, List.of()));
        assertTrue(e.getMessage().startsWith(file + ":"), e.getMessage());
        assertTrue(e.getMessage().contains("invalid YAML"), e.getMessage());
    }

    @Test
    void missingFileIsBadInput() {
        Path file = dir.resolve("nope.yaml");
        var e = assertThrows(org.workbench.core.InputException.class, () -> ConfigLoader.load(file, List.of()));
        assertEquals(file + ": config file not found", e.getMessage());
    }

    @Test
    void setWithoutEqualsIsBadInput() throws IOException {
        Path file = write("problem: {target: y}\ndata: {source: x.csv}\n");
        var e = assertThrows(org.workbench.core.InputException.class,
                () -> ConfigLoader.load(file, List.of("train.model")));
        assertEquals("--set train.model: expected path=value, e.g. train.params.epochs=20", e.getMessage());
    }
}
