package org.workbench.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.snakeyaml.error.Mark;
import com.fasterxml.jackson.dataformat.yaml.snakeyaml.error.MarkedYAMLException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.workbench.core.InputException;

/**
 * Reads a YAML config file into a tree, turning every way the file can be wrong into one line that
 * names the file, the line (and column) and the fix: bytes that are not UTF-8, tab indentation,
 * syntax errors, duplicate keys (YAML parsers keep the last one silently) and extra documents.
 */
public final class ConfigFile {
    private ConfigFile() {
    }

    public static ObjectNode read(Path file) {
        String text = decode(file, bytes(file));
        checkKeys(file, text);
        JsonNode node;
        try {
            node = Yaml.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw syntaxError(file, e, text); // checkKeys saw the same text, so this is not expected
        }
        if (node == null || node.isMissingNode() || node.isNull()) {
            throw new InputException(file + ": the config file is empty; start from one in configs/, e.g. configs/iris.yaml");
        }
        if (!node.isObject()) {
            throw new InputException(file + ": expected a mapping of sections (problem:, data:, ...) at the top level");
        }
        return (ObjectNode) node;
    }

    private static byte[] bytes(Path file) {
        if (Files.isDirectory(file)) {
            throw new InputException(file + ": is a folder; give the config's YAML file, e.g. configs/iris.yaml");
        }
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InputException(file + ": config file not found");
        } catch (AccessDeniedException e) {
            throw new InputException(file + ": config file is not readable (permission denied)");
        } catch (IOException e) {
            throw new InputException(file + ": cannot read config: " + e.getMessage());
        }
    }

    /** Strict UTF-8 (a leading byte-order mark is accepted); a bad byte is reported by line and column. */
    static String decode(Path file, byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int bad = in.position();
            int line = 1;
            int lineStart = start;
            for (int i = start; i < bad; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            String column = new String(bytes, lineStart, bad - lineStart, StandardCharsets.UTF_8);
            throw new InputException(String.format(Locale.ROOT,
                    "%s:%d:%d: byte 0x%02X is not UTF-8; save the config as UTF-8 (configs are always read as UTF-8)",
                    file, line, column.length() + 1, bytes[bad] & 0xFF));
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    /**
     * Walks the parser's tokens once: syntax errors surface here with their own line and column, a key
     * seen twice in one mapping is reported with both lines, and a second document is refused.
     */
    private static void checkKeys(Path file, String text) {
        Deque<Level> open = new ArrayDeque<>();
        try (JsonParser parser = Yaml.MAPPER.getFactory().createParser(text)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                switch (token) {
                    case START_OBJECT -> open.push(new Level(new HashMap<>()));
                    case START_ARRAY -> open.push(new Level(null));
                    case END_OBJECT, END_ARRAY -> open.pop();
                    case FIELD_NAME -> {
                        Level mapping = open.peek();
                        mapping.key = parser.currentName();
                        int line = parser.currentTokenLocation().getLineNr();
                        Integer first = mapping.lines.putIfAbsent(mapping.key, line);
                        if (first != null) {
                            throw new InputException(String.format(Locale.ROOT,
                                    "%s:%d: duplicate key '%s' (first at line %d); keep one of the two lines",
                                    file, line, dotted(open), first));
                        }
                    }
                    default -> { }
                }
                if (open.isEmpty() && parser.nextToken() != null) {
                    throw new InputException(file + ":" + parser.currentTokenLocation().getLineNr()
                            + ": a second YAML document starts here; a config is one document (remove the '---' line)");
                }
                if (open.isEmpty()) {
                    return;
                }
            }
        } catch (JsonProcessingException e) {
            throw syntaxError(file, e, text);
        } catch (IOException e) {
            throw new InputException(file + ": cannot read config: " + e.getMessage());
        }
    }

    /** One open mapping (with each key's line) or list (lines is null) while walking the tokens. */
    private static final class Level {
        final Map<String, Integer> lines;
        String key;

        Level(Map<String, Integer> lines) {
            this.lines = lines;
        }
    }

    /** The dotted path of the key being read, e.g. train.params.epochs (list items add nothing). */
    private static String dotted(Deque<Level> open) {
        StringBuilder sb = new StringBuilder();
        open.descendingIterator().forEachRemaining(level -> {
            if (level.lines != null && level.key != null) {
                sb.append(sb.length() == 0 ? "" : ".").append(level.key);
            }
        });
        return sb.toString();
    }

    /**
     * One line: file:line:column and the parser's short reason, never its multi-line snippet. Jackson's
     * wrapper of SnakeYAML's error is deprecated but is the only way to its problem mark without using
     * SnakeYAML, which the build does not declare, directly.
     */
    @SuppressWarnings("deprecation")
    static InputException syntaxError(Path file, JsonProcessingException e, String text) {
        if (e instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            Mark at = marked.getProblemMark();
            String where = file + ":" + (at.getLine() + 1) + ":" + (at.getColumn() + 1);
            String problem = marked.getProblem() == null ? "" : marked.getProblem();
            if (problem.contains("\t") || problem.contains("TAB")) {
                return new InputException(where + (inIndentation(text, at.getLine(), at.getColumn())
                        ? ": a tab is used for indentation; YAML indents with spaces only (replace the tab by spaces)"
                        : ": a tab separates values; YAML allows only spaces there (replace the tab by a space)"));
            }
            if (problem.contains("cannot start any token")) {
                // SnakeYAML adds "(Do not use @ for indentation)" for any such character; the fix is quoting
                return new InputException(where + ": invalid YAML: " + problem.replaceAll("\\s*\\(Do not use .*\\)", "")
                        .replace(" that cannot start any token.", " that cannot start a value")
                        + "; put the value in quotes");
            }
            return new InputException(where + ": invalid YAML: " + shortReason(problem, marked.getContext()));
        }
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr();
        return new InputException(file + where + ": invalid YAML: "
                + e.getOriginalMessage().lines().findFirst().orElse("").replaceAll("<org\\.yaml\\.snakeyaml\\.events\\.(\\w+)Event.*", "$1"));
    }

    /** Whether the character at 0-based {@code line}, {@code column} is in the line's leading whitespace. */
    private static boolean inIndentation(String text, int line, int column) {
        String row = text.lines().skip(line).findFirst().orElse("");
        return column <= row.length() && row.substring(0, Math.min(column + 1, row.length())).isBlank();
    }

    private static String shortReason(String problem, String context) {
        String reason = problem.lines().findFirst().orElse("").trim();
        if (reason.startsWith("expected <block end>")) {
            reason = "this line's indentation does not match the lines above it; " + reason;
        }
        if (context != null && !context.isBlank()) {
            reason = reason + " (" + context.lines().findFirst().orElse("").trim() + ")";
        }
        return reason;
    }
}
