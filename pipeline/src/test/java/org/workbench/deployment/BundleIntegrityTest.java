package org.workbench.deployment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workbench.core.InputException;
import org.workbench.core.Json;
import org.workbench.run.ConfigLoader;
import org.workbench.run.Runner;

/**
 * A bundle is checked on every read: each entry against the SHA-256 and size the manifest lists,
 * the manifest against its own hash, and every entry through a size cap. Edited, truncated, bombed
 * and renamed files are one-line {@link InputException}s; bundles written before the hashes still load.
 */
class BundleIntegrityTest {
    @TempDir
    static Path dir;
    static Path bundleFile;

    @BeforeAll
    static void runIris() {
        Path run = Runner.run(ConfigLoader.load(Path.of("../configs/iris.yaml"), List.of("evaluate.cv_folds=0")),
                dir, null, r -> { }).dir();
        bundleFile = run.resolve(DeploymentStage.BUNDLE_FILE);
    }

    /** The bundle's entries in zip order. */
    private static Map<String, byte[]> entries(Path bundle) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(bundle))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.put(e.getName(), in.readAllBytes());
            }
        }
        return out;
    }

    private static Path zip(String name, Map<String, byte[]> entries) throws IOException {
        Path file = dir.resolve(name);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return file;
    }

    /** A copy of the bundle with one entry's bytes replaced. */
    private static Path edited(String name, String entry, UnaryOperator<byte[]> edit) throws IOException {
        Map<String, byte[]> entries = entries(bundleFile);
        entries.put(entry, edit.apply(entries.get(entry)));
        return zip(name, entries);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static String refused(Path file) {
        InputException e = assertThrows(InputException.class, () -> Bundle.read(file));
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        assertTrue(e.getMessage().startsWith(file.toString()), "names the file: " + e.getMessage());
        return e.getMessage();
    }

    @Test
    void theManifestListsEveryOtherEntryWithItsHashAndSize() throws IOException {
        Map<String, byte[]> entries = entries(bundleFile);
        assertEquals(List.of(Bundle.MANIFEST, Bundle.RECIPE, Bundle.MODEL, Bundle.PROVENANCE, Bundle.PROFILE), List.copyOf(entries.keySet()),
                "the manifest comes first, so the other entries are read with their listed sizes as caps");
        Manifest m = Bundle.read(bundleFile).manifest();
        assertEquals(Manifest.FORMAT, m.format());
        assertNotNull(m.integrity());
        assertEquals(64, m.integrity().manifest().length());
        assertEquals(List.of(Bundle.MODEL, Bundle.PROFILE, Bundle.PROVENANCE, Bundle.RECIPE), List.copyOf(m.integrity().entries().keySet()));
        for (String name : List.of(Bundle.RECIPE, Bundle.MODEL, Bundle.PROVENANCE, Bundle.PROFILE)) {
            Manifest.Integrity.Entry listed = m.integrity().entries().get(name);
            assertEquals(BundleZip.sha256(entries.get(name)), listed.sha256(), name);
            assertEquals(entries.get(name).length, listed.bytes(), name);
        }
        assertTrue(Bundle.read(bundleFile).integrityWarning().isEmpty());
    }

    @Test
    void anEditedRecipeIsRefused() throws IOException {
        // the scaler's first mean changed by one digit: the JSON still parses and would silently shift every prediction
        Path file = edited("edited-recipe.bundle", Bundle.RECIPE, b -> {
            String json = text(b);
            int at = json.indexOf("\"center\" : ") + "\"center\" : ".length();
            char digit = json.charAt(at);
            return (json.substring(0, at) + (digit == '9' ? '8' : (char) (digit + 1)) + json.substring(at + 1))
                    .getBytes(StandardCharsets.UTF_8);
        });
        assertEquals(file + ": recipe.json was changed after the bundle was written (SHA-256 mismatch); run the config again"
                + " to get a fresh model.bundle", refused(file));
    }

    @Test
    void anEditedModelIsRefused() throws IOException {
        Path file = edited("edited-model.bundle", Bundle.MODEL, b -> {
            byte[] copy = b.clone();
            copy[copy.length / 2] ^= 1;
            return copy;
        });
        assertTrue(refused(file).contains("model.tribuo was changed after the bundle was written"));
    }

    @Test
    void anEditedManifestIsRefused() throws IOException {
        Path file = edited("edited-manifest.bundle", Bundle.MANIFEST, b -> text(b).replace("\"name\" : \"iris\"",
                "\"name\" : \"irises\"").getBytes(StandardCharsets.UTF_8));
        assertTrue(refused(file).contains("manifest.json was changed after the bundle was written"));
    }

    @Test
    void anEntryAddedOrLeftOutIsRefused() throws IOException {
        Map<String, byte[]> more = entries(bundleFile);
        more.put("extra.bin", new byte[] {1, 2, 3});
        Path added = zip("added.bundle", more);
        assertTrue(refused(added).contains("unexpected entry 'extra.bin'"));

        Map<String, byte[]> fewer = entries(bundleFile);
        fewer.remove(Bundle.PROVENANCE);
        Path removed = zip("removed.bundle", fewer);
        assertTrue(refused(removed).contains("provenance.json is listed in manifest.json but missing"));
    }

    @Test
    void aTruncatedFileIsRefused() throws IOException {
        byte[] all = Files.readAllBytes(bundleFile);
        for (int keep : new int[] {all.length / 2, all.length - 30, 40}) {
            Path file = dir.resolve("truncated-" + keep + ".bundle");
            Files.write(file, Arrays.copyOf(all, keep));
            String message = refused(file);
            assertTrue(message.contains("truncated") || message.contains("damaged"), message);
        }
    }

    @Test
    void aRenamedFileThatIsNoZipIsRefused() throws IOException {
        Path csv = dir.resolve("data.bundle");
        Files.copy(Path.of("../datasets/iris/data.csv"), csv);
        assertEquals(csv + ": not a model bundle (not a zip file); give the model.bundle a run wrote", refused(csv));
        Path empty = Files.writeString(dir.resolve("empty.bundle"), "");
        assertTrue(refused(empty).contains("not a zip file"));
    }

    /** Writes {@code megabytes} MB of zeros as one deflated entry: a few hundred KB on disk. */
    private static void bomb(ZipOutputStream zip, String name, int megabytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        byte[] zeros = new byte[1 << 20];
        for (int i = 0; i < megabytes; i++) {
            zip.write(zeros);
        }
        zip.closeEntry();
    }

    @Test
    void aManifestThatExpandsPastItsCapIsRefused() throws IOException {
        Path file = dir.resolve("bomb-manifest.bundle");
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(Deflater.BEST_SPEED);
            bomb(zip, Bundle.MANIFEST, 40);
        }
        assertTrue(Files.size(file) < 1 << 20, "small compressed: " + Files.size(file));
        assertTrue(refused(file).contains("manifest.json expands past " + BundleZip.MAX_MANIFEST_BYTES + " bytes"));
    }

    @Test
    void anEntryThatExpandsPastItsListedSizeIsRefusedAtThatSize() throws IOException {
        Map<String, byte[]> entries = entries(bundleFile);
        Path file = dir.resolve("bomb-model.bundle");
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(Deflater.BEST_SPEED);
            zip.putNextEntry(new ZipEntry(Bundle.MANIFEST));
            zip.write(entries.get(Bundle.MANIFEST));
            zip.closeEntry();
            bomb(zip, Bundle.MODEL, 100);
        }
        assertTrue(Files.size(file) < 1 << 20, "small compressed: " + Files.size(file));
        assertTrue(refused(file).contains("model.tribuo was changed after the bundle was written (larger than the "));
    }

    @Test
    void anOldBundleWithoutHashesLoadsWithAWarning() throws IOException {
        Map<String, byte[]> entries = entries(bundleFile);
        ObjectNode manifest = (ObjectNode) Json.MAPPER.readTree(entries.get(Bundle.MANIFEST));
        manifest.remove("integrity");
        manifest.put("format", 1);
        entries.put(Bundle.MANIFEST, Json.write(manifest).getBytes(StandardCharsets.UTF_8));
        Path old = zip("old.bundle", entries);

        Bundle bundle = Bundle.read(old);
        assertEquals(1, bundle.manifest().format());
        String warning = bundle.integrityWarning().orElseThrow();
        assertTrue(warning.contains("predates entry hashes"), warning);
        BatchScorer.Result r = BatchScorer.score(bundle, Path.of("../datasets/iris/data.csv"));
        assertTrue(r.notes().contains("warning: " + warning), String.join("\n", r.notes()));
        assertArrayEquals(BatchScorer.score(Bundle.read(bundleFile), Path.of("../datasets/iris/data.csv")).predictions().labels(),
                r.predictions().labels(), "the same model, unchecked");

        // a format-2 manifest without its hashes is damage, not age
        manifest.put("format", 2);
        entries.put(Bundle.MANIFEST, Json.write(manifest).getBytes(StandardCharsets.UTF_8));
        assertTrue(refused(zip("stripped.bundle", entries)).contains("lacks its entry hashes"));
    }
}
