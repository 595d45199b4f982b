package org.workbench.table;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.workbench.core.InputException;

/**
 * Opens a CSV file as text in {@code data.encoding}: a byte that is not valid in that encoding is an
 * error naming its line, column and byte offset (never replaced silently), and a leading byte order
 * mark is skipped.
 */
final class TextDecoding {
    private TextDecoding() {
    }

    /** A reader that fails on an undecodable byte and skips a byte order mark. */
    static Reader open(Path file, Charset encoding) throws IOException {
        CharsetDecoder decoder = encoding.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        InputStream in = Files.newInputStream(file);
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, decoder), 1 << 16);
        try {
            reader.mark(1);
            if (reader.read() != '\uFEFF') {
                reader.reset();
            }
            return reader;
        } catch (IOException e) {
            reader.close(); // the first character may not decode: the file must not stay open
            throw e;
        }
    }

    /** The first CharacterCodingException in a failure's causes, or null. */
    static CharacterCodingException codingProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CharacterCodingException c) {
                return c;
            }
        }
        return null;
    }

    /** "little-endian" or "big-endian" when the bytes start with a UTF-16 byte order mark, else null. */
    private static String utf16ByteOrderMark(byte[] bytes) {
        if (bytes.length < 2) {
            return null;
        }
        int first = bytes[0] & 0xFF;
        int second = bytes[1] & 0xFF;
        return first == 0xFF && second == 0xFE ? "little-endian UTF-16" : first == 0xFE && second == 0xFF ? "big-endian UTF-16" : null;
    }

    /** What a binary file that is often mistaken for a CSV is, with what to do, by its first bytes; null when none. */
    static String container(byte[] bytes) {
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0x1F && (bytes[1] & 0xFF) == 0x8B) {
            return "gzip-compressed, not a CSV text file; decompress it first (gunzip FILE, or zcat FILE > data.csv)";
        }
        if (bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4) {
            return "a zip archive (an .xlsx workbook is one), not a CSV text file; unzip it, or save the sheet as CSV (UTF-8)";
        }
        if (bytes.length >= 8 && (bytes[0] & 0xFF) == 0xD0 && (bytes[1] & 0xFF) == 0xCF && (bytes[2] & 0xFF) == 0x11
                && (bytes[3] & 0xFF) == 0xE0) {
            return "an old Excel workbook (.xls), not a CSV text file; save the sheet as CSV (UTF-8)";
        }
        if (bytes.length >= 4 && bytes[0] == '%' && bytes[1] == 'P' && bytes[2] == 'D' && bytes[3] == 'F') {
            return "a PDF document, not a CSV text file; export its table as CSV";
        }
        return null;
    }

    /** The error for a file that does not decode: where the first bad byte is, and what to set. */
    static InputException undecodable(Path file, Charset encoding, Throwable cause) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            String utf16 = utf16ByteOrderMark(bytes);
            if (utf16 != null) {
                // Excel's "Unicode text" export: every character takes two bytes, so the first one already fails
                return new InputException(file + ": starts with a " + utf16 + " byte order mark, so it is UTF-16 text, not "
                        + encoding.name() + "; set data.encoding: UTF-16", cause);
            }
            String container = container(bytes);
            if (container != null) {
                return new InputException(file + ": is " + container, cause);
            }
            CharsetDecoder decoder = encoding.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            ByteBuffer in = ByteBuffer.wrap(bytes);
            CharBuffer out = CharBuffer.allocate(bytes.length + 1);
            CoderResult result = decoder.decode(in, out, true);
            if (!result.isError()) {
                result = decoder.flush(out);
            }
            int offset = in.position();
            out.flip();
            int line = 1;
            int column = 1;
            for (int i = 0; i < out.length(); i++) {
                char c = out.charAt(i);
                if (c == '\n' || c == '\r' && (i + 1 == out.length() || out.charAt(i + 1) != '\n')) {
                    line++;
                    column = 1;
                } else if (c != '\r') {
                    column++;
                }
            }
            String bad = offset < bytes.length ? String.format(Locale.ROOT, "byte 0x%02X", bytes[offset] & 0xFF) : "the last bytes";
            return new InputException(String.format(Locale.ROOT,
                    "%s: line %d, column %d (byte offset %d): %s is not valid %s; set data.encoding to the file's encoding "
                            + "(e.g. windows-1252 or latin1 for Western European spreadsheet exports)",
                    file, line, column, offset, bad, encoding.name()), cause);
        } catch (IOException e) {
            return new InputException(file + ": cannot read the file: " + e.getMessage(), e);
        }
    }
}
