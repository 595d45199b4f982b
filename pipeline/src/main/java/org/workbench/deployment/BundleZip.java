package org.workbench.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.workbench.core.InputException;
import org.workbench.core.Json;

/**
 * The bundle's zip layer: writes manifest.json first, with the SHA-256 and size of every other entry
 * and of the manifest itself, and reads a bundle back without trusting it. Every entry is read
 * through a size cap (the manifest's declared size once it is known, else {@link #MAX_ENTRY_BYTES}),
 * so a zip bomb stops at the cap instead of filling memory; a truncated, renamed or edited bundle is
 * one {@link InputException}.
 */
final class BundleZip {
    /** manifest.json is read before anything is known about the bundle: a few KB in practice. */
    static final long MAX_MANIFEST_BYTES = 16L << 20;
    /** Any other entry (the model is the large one: a kNN model holds its training rows). */
    static final long MAX_ENTRY_BYTES = 512L << 20;
    /** A bundle has four or five entries. */
    static final int MAX_ENTRIES = 64;

    private static final String REFRESH = "; run the config again to get a fresh model.bundle";

    /** The checked contents of a bundle: the manifest's bytes and the other entries, by name. */
    record Contents(byte[] manifest, Map<String, byte[]> entries, boolean verified) {
    }

    private BundleZip() {
    }

    /** The bundle's bytes: the manifest (with its integrity block) first, then the entries in the given order. */
    static byte[] write(Manifest manifest, Map<String, byte[]> entries) {
        Map<String, Manifest.Integrity.Entry> listed = new TreeMap<>();
        entries.forEach((name, bytes) -> listed.put(name, new Manifest.Integrity.Entry(sha256(bytes), bytes.length)));
        Manifest unsigned = manifest.withIntegrity(new Manifest.Integrity(null, listed));
        // hashed exactly as read() will: the written JSON parsed to a tree and written again
        String manifestHash;
        try {
            manifestHash = sha256(canonical(Json.MAPPER.readTree(Json.write(unsigned))));
        } catch (IOException e) {
            throw new IllegalStateException("cannot re-read the manifest just written", e);
        }
        Manifest signed = manifest.withIntegrity(new Manifest.Integrity(manifestHash, listed));

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            put(zip, Bundle.MANIFEST, Json.write(signed).getBytes(StandardCharsets.UTF_8));
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                put(zip, e.getKey(), e.getValue());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot build bundle: " + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(0); // fixed timestamps: the same model gives the same bytes
        zip.putNextEntry(entry);
        zip.write(content);
        zip.closeEntry();
    }

    /**
     * Reads and checks a bundle. Format 2 on: every entry must be listed in the manifest with its
     * size and hash, every listed entry present, and the manifest's own hash must match. Format 1
     * (no integrity block) is read unchecked; {@link Contents#verified} says so.
     */
    static Contents read(Path file) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        byte[] manifestBytes = null;
        Map<String, Manifest.Integrity.Entry> declared = null;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(4);
            if (magic.length < 4 || magic[0] != 'P' || magic[1] != 'K' || magic[2] != 3 || magic[3] != 4) {
                throw new InputException(file + ": not a model bundle (not a zip file); give the model.bundle a run wrote");
            }
        } catch (NoSuchFileException e) {
            throw new InputException(file + ": model bundle not found");
        } catch (IOException e) {
            throw new InputException(file + ": cannot read model bundle: " + e.getMessage());
        }
        // ZipFile reads the central directory at the end of the file first, so a truncated file fails here
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.size() > MAX_ENTRIES) {
                throw new InputException(file + ": not a model bundle (" + zip.size() + " entries)");
            }
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                String name = e.getName();
                if (name.equals(Bundle.MANIFEST)) {
                    if (manifestBytes != null) {
                        throw new InputException(file + ": damaged model bundle (two " + Bundle.MANIFEST + " entries)" + REFRESH);
                    }
                    try (InputStream in = zip.getInputStream(e)) {
                        manifestBytes = readCapped(file, in, name, MAX_MANIFEST_BYTES, "expands past " + MAX_MANIFEST_BYTES
                                + " bytes, the cap for a manifest; not a bundle this program wrote");
                    }
                    declared = declaredEntries(file, manifestBytes);
                    continue;
                }
                if (entries.containsKey(name)) {
                    throw new InputException(file + ": damaged model bundle (two " + name + " entries)" + REFRESH);
                }
                Manifest.Integrity.Entry listed = declared == null ? null : declared.get(name);
                try (InputStream in = zip.getInputStream(e)) {
                    entries.put(name, listed == null
                            ? readCapped(file, in, name, MAX_ENTRY_BYTES, "expands past " + MAX_ENTRY_BYTES
                                    + " bytes, the cap for a bundle entry; not a bundle this program wrote")
                            : readCapped(file, in, name, Math.min(listed.bytes(), MAX_ENTRY_BYTES),
                                    "was changed after the bundle was written (larger than the " + listed.bytes()
                                            + " bytes listed in " + Bundle.MANIFEST + ")"));
                }
            }
        } catch (EOFException e) {
            throw new InputException(file + ": truncated model bundle (the file ends inside an entry)" + REFRESH);
        } catch (ZipException e) {
            throw new InputException(file + ": damaged or truncated model bundle (" + e.getMessage() + ")" + REFRESH);
        } catch (IOException e) {
            throw new InputException(file + ": cannot read model bundle: " + e.getMessage());
        }
        if (manifestBytes == null) {
            throw new InputException(file + ": not a model bundle (no " + Bundle.MANIFEST + " inside)");
        }
        if (declared == null) {
            return new Contents(manifestBytes, entries, false);
        }
        check(file, manifestBytes, declared, entries);
        return new Contents(manifestBytes, entries, true);
    }

    /** The integrity block's entries, or null for a format 1 manifest (none); a manifest that is not JSON is damaged. */
    private static Map<String, Manifest.Integrity.Entry> declaredEntries(Path file, byte[] manifest) {
        JsonNode tree;
        try {
            tree = Json.MAPPER.readTree(manifest);
        } catch (IOException e) {
            throw new InputException(file + ": damaged model bundle (" + Bundle.MANIFEST + " is not JSON)" + REFRESH);
        }
        JsonNode integrity = tree == null ? null : tree.get("integrity");
        if (integrity == null || integrity.isNull()) {
            if (tree != null && tree.path("format").asInt(0) >= 2) {
                throw new InputException(file + ": damaged model bundle (" + Bundle.MANIFEST + " lacks its entry hashes)" + REFRESH);
            }
            return null;
        }
        try {
            return Json.MAPPER.treeToValue(integrity, Manifest.Integrity.class).entries();
        } catch (IOException | IllegalArgumentException e) {
            throw new InputException(file + ": damaged model bundle (unreadable entry hashes in " + Bundle.MANIFEST + ")" + REFRESH);
        }
    }

    private static void check(Path file, byte[] manifestBytes, Map<String, Manifest.Integrity.Entry> declared,
                              Map<String, byte[]> entries) {
        ObjectNode tree;
        try {
            tree = (ObjectNode) Json.MAPPER.readTree(manifestBytes);
        } catch (IOException | ClassCastException e) {
            throw new InputException(file + ": damaged model bundle (" + Bundle.MANIFEST + " is not a JSON object)" + REFRESH);
        }
        String expected = tree.path("integrity").path("manifest").asText("");
        ((ObjectNode) tree.get("integrity")).set("manifest", NullNode.getInstance());
        if (!sha256(canonical(tree)).equals(expected)) {
            throw new InputException(file + ": " + Bundle.MANIFEST + " was changed after the bundle was written (SHA-256 mismatch)" + REFRESH);
        }
        for (String name : entries.keySet()) {
            if (!declared.containsKey(name)) {
                throw new InputException(file + ": unexpected entry '" + name + "' (not listed in " + Bundle.MANIFEST + ")" + REFRESH);
            }
        }
        for (Map.Entry<String, Manifest.Integrity.Entry> e : declared.entrySet()) {
            byte[] content = entries.get(e.getKey());
            if (content == null) {
                throw new InputException(file + ": truncated model bundle (" + e.getKey() + " is listed in " + Bundle.MANIFEST
                        + " but missing)" + REFRESH);
            }
            if (content.length != e.getValue().bytes() || !sha256(content).equals(e.getValue().sha256())) {
                throw new InputException(file + ": " + e.getKey() + " was changed after the bundle was written (SHA-256 mismatch)"
                        + REFRESH);
            }
        }
    }

    /** Reads one entry, refusing it as soon as it grows past {@code cap}: a zip bomb never expands further. */
    private static byte[] readCapped(Path file, InputStream in, String name, long cap, String problem) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            total += n;
            if (total > cap) {
                throw new InputException(file + ": " + name + " " + problem + REFRESH);
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** The manifest as hashed: its JSON tree written the one way {@link Json#write} writes it. */
    private static byte[] canonical(JsonNode tree) {
        return Json.write(tree).getBytes(StandardCharsets.UTF_8);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
