package org.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `workbench serve` refuses bad arguments with one line and exit 2, before it reads the bundle or binds a port. */
class ServeCommandTest {
    @TempDir
    Path dir;

    private static void refused(String expected, String... args) {
        Cli cli = Cli.run(args);
        assertEquals(2, cli.exitCode(), cli.err());
        assertTrue(cli.err().startsWith("error: ") && cli.err().contains(expected), cli.err());
        assertEquals(1, cli.err().lines().count(), cli.err());
    }

    @Test
    void badArgumentsAreOneLine() throws IOException {
        Path bundle = dir.resolve("model.bundle");
        Files.writeString(bundle, "not a zip");
        refused("model bundle not found", "serve", "--model", dir.resolve("missing.bundle").toString(), "--port", "0");
        refused("is a folder", "serve", "--model", dir.toString());
        refused("not a model bundle", "serve", "--model", bundle.toString(), "--port", "0");
        refused("--token-file", "serve", "--model", bundle.toString(), "--host", "0.0.0.0");
        refused("--max-body ten", "serve", "--model", bundle.toString(), "--max-body", "ten");
        refused("--port 70000", "serve", "--model", bundle.toString(), "--port", "70000");
        refused("file not found", "serve", "--model", bundle.toString(), "--token-file", dir.resolve("none").toString());
        Files.writeString(dir.resolve("empty"), "\n");
        refused("first line is empty", "serve", "--model", bundle.toString(), "--token-file", dir.resolve("empty").toString());
    }

    @Test
    void theTokenIsTheFilesFirstLineElseTheEnvironment() throws IOException {
        Path file = dir.resolve("token");
        Files.writeString(file, "  abc123 \nignored\n");
        assertEquals("abc123", ServeCommand.TokenSource.read(file, "from-env"));
        assertEquals("from-env", ServeCommand.TokenSource.read(null, "from-env"));
        assertNull(ServeCommand.TokenSource.read(null, null));
        assertNull(ServeCommand.TokenSource.read(null, " "));
    }
}
