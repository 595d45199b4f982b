package org.workbench.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workbench.core.InputException;

/** Every way a config file itself can be wrong gives one line with the file, the line and the fix. */
class ConfigFileTest {
    @TempDir
    Path dir;

    private Path write(byte[] bytes) throws IOException {
        Path file = dir.resolve("c.yaml");
        Files.write(file, bytes);
        return file;
    }

    private Path write(String yaml) throws IOException {
        return write(yaml.getBytes(StandardCharsets.UTF_8));
    }

    private String error(Path file) {
        return assertThrows(InputException.class, () -> ConfigFile.read(file)).getMessage();
    }

    @Test
    void duplicateTopLevelKeyNamesBothLines() throws IOException {
        Path f = write("problem: {target: y}\ndata: {source: x.csv}\nproblem: {target: z}\n");
        assertEquals(f + ":3: duplicate key 'problem' (first at line 1); keep one of the two lines", error(f));
    }

    @Test
    void duplicateNestedKeyNamesItsPathAndBothLines() throws IOException {
        Path f = write("problem:\n  target: y\ntrain:\n  model: xgboost\n  params:\n    trees: 10\n"
                + "    depth: 3\n    trees: 20\n");
        assertEquals(f + ":8: duplicate key 'train.params.trees' (first at line 6); keep one of the two lines", error(f));
    }

    @Test
    void sameKeyInDifferentMappingsOrListItemsIsFine() throws IOException {
        Path f = write("a:\n  x: 1\nb:\n  x: 2\nc:\n  - {x: 1}\n  - {x: 2}\nd: {x: [1, 2], y: {x: 3}}\n");
        assertEquals(2, ConfigFile.read(f).get("b").get("x").asInt());
    }

    @Test
    void duplicateInsideAFlowMappingInAList() throws IOException {
        Path f = write("tune:\n  grid:\n    - {a: 1, a: 2}\n");
        assertEquals(f + ":3: duplicate key 'tune.grid.a' (first at line 3); keep one of the two lines", error(f));
    }

    @Test
    void nonUtf8ByteNamesLineColumnAndFix() throws IOException {
        byte[] latin1 = "problem: {target: y}\ndata: {source: caf\u00e9.csv}\n".getBytes(StandardCharsets.ISO_8859_1);
        Path f = write(latin1);
        assertEquals(f + ":2:19: byte 0xE9 is not UTF-8; save the config as UTF-8 (configs are always read as UTF-8)",
                error(f));
    }

    @Test
    void utf8WithByteOrderMarkAndNonAsciiTextIsRead() throws IOException {
        byte[] text = "name: caf\u00e9\n".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);
        assertEquals("caf\u00e9", ConfigFile.read(write(withBom)).get("name").asText());
    }

    @Test
    void tabIndentationSaysToUseSpaces() throws IOException {
        Path f = write("problem:\n  target: y\ndata:\n\tsource: x.csv\n");
        assertEquals(f + ":4:1: a tab is used for indentation; YAML indents with spaces only (replace the tab by spaces)",
                error(f));
    }

    @Test
    void tabBetweenKeyAndValueIsNotCalledIndentation() throws IOException {
        Path f = write("problem:\n  target:\tspecies\n");
        assertEquals(f + ":2:10: a tab separates values; YAML allows only spaces there (replace the tab by a space)", error(f));
        Path g = write("problem:\n  target: y\n  \ttask: auto\n");
        assertEquals(g + ":3:3: a tab is used for indentation; YAML indents with spaces only (replace the tab by spaces)",
                error(g));
    }

    @Test
    void characterThatCannotStartAValueSuggestsQuotes() throws IOException {
        Path f = write("problem: {target: y}\ndata: {source: @home/x.csv}\n");
        assertEquals(f + ":2:16: invalid YAML: found character '@' that cannot start a value; put the value in quotes", error(f));
    }

    @Test
    void windowsLineEndingsKeepLineNumbers() throws IOException {
        Path f = write("problem: {target: y}\r\ndata: {source: x.csv}\r\nproblem: {target: z}\r\n");
        assertEquals(f + ":3: duplicate key 'problem' (first at line 1); keep one of the two lines", error(f));
    }

    @Test
    void syntaxErrorIsOneLineWithLineColumnAndShortReason() throws IOException {
        Path f = write("problem: {target: y\ndata: {source: x.csv}\n");
        String message = error(f);
        assertEquals(1, message.lines().count(), message);
        assertEquals(f + ":2:5: invalid YAML: expected ',' or '}', but got : (while parsing a flow mapping)", message);
        Path g = write("a: b: c\n");
        assertEquals(g + ":1:5: invalid YAML: mapping values are not allowed here", error(g));
    }

    @Test
    void unclosedQuoteIsOneLine() throws IOException {
        Path f = write("problem: {target: 'y}\n");
        String message = error(f);
        assertEquals(1, message.lines().count(), message);
        assertEquals(f + ":2:1: invalid YAML: found unexpected end of stream (while scanning a quoted scalar)", message);
    }

    @Test
    void secondDocumentIsRefused() throws IOException {
        Path f = write("problem: {target: y}\n---\ndata: {source: x.csv}\n");
        assertEquals(f + ":3: a second YAML document starts here; a config is one document (remove the '---' line)",
                error(f));
    }

    @Test
    void emptyListAndFolderAreNamed() throws IOException {
        Path empty = write("# nothing yet\n");
        assertEquals(empty + ": the config file is empty; start from one in configs/, e.g. configs/iris.yaml", error(empty));
        Path list = write("- a\n- b\n");
        assertEquals(list + ": expected a mapping of sections (problem:, data:, ...) at the top level", error(list));
        assertEquals(dir + ": is a folder; give the config's YAML file, e.g. configs/iris.yaml", error(dir));
    }
}
