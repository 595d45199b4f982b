package org.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workbench.stage.Stage;
import org.workbench.run.Workbench;

class CliCommandsTest {
    @TempDir
    Path dir;

    @Test
    void stagesListsEveryStageAndEveryKeyWithItsDefault() {
        Cli cli = Cli.run("stages");
        assertEquals(0, cli.exitCode(), cli.err());
        int n = 1;
        for (Stage s : Workbench.pipeline().stages()) {
            assertTrue(cli.out().contains(n++ + ". " + s.name() + " - "), s.name());
            s.configKeys().forEach((section, keys) -> keys.stream()
                    .filter(k -> k.kind() != org.workbench.config.Key.Kind.SECTION)
                    .forEach(k -> assertTrue(cli.out().contains(section + "." + k.name()), section + "." + k.name())));
        }
        assertTrue(cli.out().matches("(?s).*preprocess.impute.numeric +default median +fill for missing numbers.*"), cli.out());
        assertTrue(cli.out().contains("xgboost"), "algorithms are listed");
    }

    @Test
    void validateChecksConfigAndDataWithoutTraining() {
        Cli cli = Cli.run("validate", "../configs/titanic.yaml");
        assertEquals(0, cli.exitCode(), cli.err());
        assertTrue(cli.out().contains("data ok: "), cli.out());
        assertTrue(cli.out().contains("891 rows x 12 columns"), cli.out());
        assertTrue(cli.out().contains("read with delimiter ',' (sniffed; set data.delimiter to override); decimal mark '.'"), cli.out());
        assertTrue(cli.out().contains("Age                          numeric     177 missing"), cli.out());
        assertTrue(cli.out().contains("problem: classification of 'Survived', metric f1_macro, algorithm logistic_regression"), cli.out());
    }

    @Test
    void validateRejectsAnUnknownDropColumn() {
        Cli cli = Cli.run("validate", "../configs/titanic.yaml", "--set", "preprocess.drop=[Nmae]");
        assertEquals(2, cli.exitCode());
        assertTrue(cli.err().contains("preprocess.drop: no column 'Nmae'"), cli.err());
    }

    @Test
    void validateMatchesColumnNamesExactlyLikeRun() {
        Cli cli = Cli.run("validate", "../configs/iris.yaml", "--set", "problem.target=Species");
        assertEquals(2, cli.exitCode());
        assertTrue(cli.err().contains("no column 'Species' (did you mean 'species'?)"), cli.err());
    }

    @Test
    void runPrintsEveryStageThenTheFolderAndHeadline() throws IOException {
        Cli cli = Cli.run("run", "../configs/iris.yaml", "--out", dir.toString(), "--set", "evaluate.cv_folds=0");
        assertEquals(0, cli.exitCode(), cli.err());
        for (int i = 1; i <= 9; i++) {
            assertTrue(cli.out().contains("[" + i + "/9] "), cli.out());
        }
        assertTrue(cli.out().contains("test: accuracy="), cli.out());
        String folder = cli.out().lines().filter(l -> l.startsWith("run folder: ")).findFirst().orElseThrow().substring(12);
        assertTrue(Files.exists(Path.of(folder, "model.bundle")));
        // nothing but the finished run folder is left under the report root
        try (var list = Files.list(dir.resolve("iris"))) {
            assertEquals(1, list.count());
        }
    }

    @Test
    void aRunRestoredWholeFromTheCachePrintsTheSameResultLines() {
        Path cache = dir.resolve("stage-cache");
        // a decision threshold and a leaderboard: the headline's parts that come from the final model and the fit times
        String[] args = {"run", "../configs/titanic_threshold.yaml", "--set", "evaluate.compare=[decision_tree]", "--out",
                dir.toString(), "--cache-dir", cache.toString(), "--quiet"};
        Cli cold = Cli.run(args);
        Cli warm = Cli.run(args);
        assertEquals(0, cold.exitCode(), cold.err());
        assertEquals(0, warm.exitCode(), warm.err());
        String coldResult = cold.out().substring(cold.out().indexOf('\n', cold.out().indexOf("run folder: ")) + 1);
        String warmResult = warm.out().substring(warm.out().indexOf('\n', warm.out().indexOf("run folder: ")) + 1);
        assertTrue(coldResult.startsWith("f1: test ") && coldResult.contains(" at the threshold ")
                && coldResult.contains("(the bundle holds this model)"), coldResult);
        assertTrue(coldResult.contains("\nrank ") && coldResult.contains("\nt-test: "), coldResult);
        assertEquals(coldResult, warmResult);
    }

    @Test
    void aRerunSaysWhichStagesCameFromTheCacheAndQuietSaysNothingMore() throws IOException {
        Path cache = dir.resolve("stage-cache");
        String[] args = {"run", "../configs/iris.yaml", "--out", dir.toString(), "--cache-dir", cache.toString()};
        Cli cold = Cli.run(args);
        assertEquals(0, cold.exitCode(), cold.err());
        assertTrue(cold.out().contains("stage cache: 0 of 9 stages restored from " + cache.toAbsolutePath()), cold.out());
        Cli warm = Cli.run(args);
        assertTrue(warm.out().contains("[6/9] training      trained logistic_regression on 120 rows x 4 features in "), warm.out());
        assertTrue(warm.out().lines().filter(l -> l.startsWith("[6/9] ")).allMatch(l -> l.contains("(cached, ")), warm.out());
        assertTrue(warm.out().lines().filter(l -> l.startsWith("[9/9] ")).allMatch(l -> l.contains("(cached, ")), warm.out());
        assertTrue(warm.out().contains("stage cache: 9 of 9 stages restored from " + cache.toAbsolutePath()), warm.out());
        Cli quiet = Cli.run("run", "../configs/iris.yaml", "--out", dir.toString(), "--cache-dir", cache.toString(), "--quiet");
        assertFalse(quiet.out().contains("cache"), quiet.out());
        assertEquals("", quiet.err());
        Cli off = Cli.run("run", "../configs/iris.yaml", "--out", dir.toString(), "--cache-dir", cache.toString(), "--no-cache");
        assertFalse(off.out().contains("cache"), off.out());
        Cli size = Cli.run("run", "../configs/iris.yaml", "--out", dir.toString(), "--cache-size", "big");
        assertEquals(2, size.exitCode());
        assertTrue(size.err().contains("--cache-size: 'big' is not a size"), size.err());
        assertEquals(Path.of("/x/workbench/stages"), RunCommand.defaultCacheDir(null, "/x", "/home/u"));
        assertEquals(Path.of("/home/u/.cache/workbench/stages"), RunCommand.defaultCacheDir("", null, "/home/u"));
        assertEquals(Path.of("/w"), RunCommand.defaultCacheDir("/w", "/x", "/home/u"));
    }

    @Test
    void afterTuningAdoptsASettingTheHeadlineLeadsWithTheBundlesModel() {
        Cli cli = Cli.run("run", "../configs/titanic_tune.yaml", "--out", dir.toString(), "--quiet",
                "--set", "tune.grid={train.params.trees: [50], train.params.max_depth: [9]}");
        assertEquals(0, cli.exitCode(), cli.err());
        java.util.List<String> lines = cli.out().lines().toList();
        int first = lines.indexOf(lines.stream().filter(l -> l.startsWith("accuracy: test ")).findFirst().orElseThrow());
        assertTrue(lines.get(first).endsWith("with the setting tuning adopted (the bundle holds this model)"), cli.out());
        assertTrue(lines.get(first + 1).startsWith("configured setting: test "), cli.out());
        // the full test line is the adopted model's: its accuracy is the one on the first line
        String adopted = lines.get(first).substring("accuracy: test ".length(), "accuracy: test ".length() + 6);
        assertTrue(lines.get(first + 2).startsWith("test: accuracy=" + adopted + " "), cli.out());
    }

    @Test
    void untilStopsEarlyAndWritesNoBundle() {
        Cli cli = Cli.run("run", "../configs/iris.yaml", "--out", dir.toString(), "--until", "features");
        assertEquals(0, cli.exitCode(), cli.err());
        assertTrue(cli.out().contains("[4/9] features"), cli.out());
        assertTrue(!cli.out().contains("[5/9]"), cli.out());
        String folder = cli.out().lines().filter(l -> l.startsWith("run folder: ")).findFirst().orElseThrow().substring(12);
        assertTrue(Files.exists(Path.of(folder, "run.json")));
        assertTrue(!Files.exists(Path.of(folder, "model.bundle")));
    }

    @Test
    void unknownUntilStageIsBadInput() {
        Cli cli = Cli.run("run", "../configs/iris.yaml", "--out", dir.toString(), "--until", "trainig");
        assertEquals(2, cli.exitCode());
        assertTrue(cli.err().contains("--until: unknown stage 'trainig'"), cli.err());
    }

    @Test
    void versionAndHelp() {
        Cli version = Cli.run("--version");
        assertEquals(0, version.exitCode());
        assertTrue(version.out().startsWith("workbench 0.1.0"), version.out());
        assertTrue(version.out().contains("tribuo 4.3.2"), version.out());
        Cli help = Cli.run("run", "--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("--set=PATH=VALUE"), help.out());
        assertTrue(help.out().contains("Examples:"), help.out());
    }
}
