package org.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each kind of bad input exits 2 with one clear line and leaves no run folder behind. */
class BadInputTest {
    @TempDir
    Path dir;

    private Path config(String yaml) throws IOException {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private Cli runExpectingBadInput(Path config, String... mustContain) {
        Path out = dir.resolve("reports");
        Cli cli = Cli.run("run", config.toString(), "--out", out.toString(), "--quiet");
        assertEquals(2, cli.exitCode(), cli.err());
        assertEquals(1, cli.err().lines().count(), "one line: " + cli.err());
        assertTrue(cli.err().startsWith("error: "), cli.err());
        for (String s : mustContain) {
            assertTrue(cli.err().contains(s), "'" + s + "' in: " + cli.err());
        }
        assertFalse(cli.err().contains("\tat "), "no stack trace");
        assertFalse(Files.exists(out), "no run folder may be created: " + out);
        return cli;
    }

    @Test
    void unknownConfigKey() throws IOException {
        Path c = config("problem: {target: species}\ndata: {source: " + iris() + "}\ntrain: {modle: xgboost}\n");
        runExpectingBadInput(c, "bad.yaml", "train.modle", "did you mean 'model'");
    }

    @Test
    void missingTargetColumn() throws IOException {
        Path c = config("problem: {target: Species}\ndata: {source: " + iris() + "}\n");
        runExpectingBadInput(c, "Species", "species");
    }

    @Test
    void raggedRow() throws IOException {
        Path csv = dir.resolve("ragged.csv");
        Files.writeString(csv, "a,b,y\n1,2,x\n3,4,z\n5,6\n7,8,x\n");
        runExpectingBadInput(config("problem: {target: y}\ndata: {source: ragged.csv}\n"), "ragged.csv", "line 4");
    }

    @Test
    void emptyCsv() throws IOException {
        Files.writeString(dir.resolve("empty.csv"), "");
        runExpectingBadInput(config("problem: {target: y}\ndata: {source: empty.csv}\n"), "empty.csv", "empty");
    }

    @Test
    void nonExistentDataFile() throws IOException {
        runExpectingBadInput(config("problem: {target: y}\ndata: {source: nowhere.csv}\n"), "nowhere.csv");
    }

    @Test
    void nonExistentConfigFile() {
        runExpectingBadInput(dir.resolve("missing.yaml"), "missing.yaml", "not found");
    }

    @Test
    void wrongParamType() throws IOException {
        Path c = config("problem: {target: species}\ndata: {source: " + iris() + "}\n"
                + "train: {model: logistic_regression, params: {epochs: ten}}\n");
        runExpectingBadInput(c, "train.params.epochs: expected an integer, got \"ten\"");
    }

    @Test
    void unknownArgumentIsBadInputToo() {
        Cli cli = Cli.run("run", "--frobnicate");
        assertEquals(2, cli.exitCode());
        assertTrue(cli.err().startsWith("error: "), cli.err());
    }

    @Test
    void verboseAddsTheStackTrace() throws IOException {
        Path c = config("problem: {target: Species}\ndata: {source: " + iris() + "}\n");
        Cli cli = Cli.run("run", c.toString(), "--out", dir.resolve("r").toString(), "--verbose");
        assertEquals(2, cli.exitCode());
        assertTrue(cli.err().contains("\tat "), cli.err());
    }

    private static String iris() {
        return Path.of("../datasets/iris/data.csv").toAbsolutePath().normalize().toString();
    }
}
