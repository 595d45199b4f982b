package org.workbench.stage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.workbench.config.PipelineConfig;
import org.workbench.core.Json;
import org.workbench.core.Versions;

/**
 * Stage outputs kept between runs, one folder per stage key: {@code manifest.json} (the files with
 * their CRC-32C and size: a check against torn or damaged files, which is all it guards against), {@code result.json} (what the stage reported) and one file per output
 * artifact, written by its {@link Codec}. A run's files made from its stages' results (its metrics,
 * predictions and report bodies) are kept the same way under a key following its last stage's
 * ({@link #storeFiles}, {@link #runFilesKey}), so an unchanged rerun copies them instead of loading
 * the models and tables they were made from.
 *
 * <p>A key is the SHA-256 of the previous stage's key, the stage's name and the config values it
 * reads ({@link Stage#keyPaths()} and {@code seed}); the first stage starts from the Workbench and
 * library versions, the build ({@link Versions#build()}: a rebuilt Workbench starts a fresh cache) and
 * the data file's content hash. Nothing volatile about the run (run folder, time) is hashed.
 *
 * <p>An entry is written into a temporary folder inside the cache and renamed into place, so readers
 * see a whole entry or none; when two runs store the same key, the second rename fails and that run
 * drops its copy. A missing, incomplete or corrupt entry is a miss: it is removed with a warning,
 * never an error. After a run, {@link #trim()} removes least recently used entries (a hit touches its
 * entry) until the cache is under its size, and temporary folders older than an hour (a killed run's).
 */
public final class StageCache {
    /** The default bound: 2 GiB. */
    public static final long DEFAULT_SIZE = 2L << 30;
    /**
     * Part of every key, so entries of another layout are never read: 2 stores collection's targets
     * instead of all_rows, the definition's csv_dialect, and csv_read without its table; 3 stores
     * predictions in binary, a final model's own config, tuning and deployment, and CRC-32C sums.
     */
    private static final int FORMAT = 3;
    private static final String MANIFEST = "manifest.json";
    private static final String RESULT = "result.json";
    private static final String TEMP = ".tmp-";
    private static final String TRASH = ".del-";
    private static final Duration OLD_TEMP = Duration.ofHours(1);
    /** Config values are hashed with map keys sorted, so reordering a YAML section keeps its key. */
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    private final Path dir;
    private final long maxBytes;
    private final String version;
    private final Consumer<String> warnings;
    /** A cache that cannot be written (a full disk, no permission) is reported once per run, not once per stage. */
    private final java.util.concurrent.atomic.AtomicBoolean storeFailed = new java.util.concurrent.atomic.AtomicBoolean();

    /** @param warnings where a removed corrupt entry or a failed store is reported (one line each) */
    public StageCache(Path dir, long maxBytes, Consumer<String> warnings) {
        this(dir, maxBytes, Json.write(Versions.all()) + " build " + Versions.build(), warnings);
    }

    private StageCache(Path dir, long maxBytes, String version, Consumer<String> warnings) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("cache size must be positive");
        }
        this.dir = dir.toAbsolutePath().normalize();
        this.maxBytes = maxBytes;
        this.version = version;
        this.warnings = warnings;
    }

    /** The same cache as another Workbench version would see it (tests: a new version misses). */
    public StageCache withVersion(String otherVersion) {
        return new StageCache(dir, maxBytes, otherVersion, warnings);
    }

    public Path dir() {
        return dir;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** What every stage key of a run starts from: the versions and the given facts about the data. */
    public String baseKey(String... data) {
        List<String> parts = new ArrayList<>(List.of("workbench stage cache " + FORMAT, version));
        parts.addAll(List.of(data));
        return sha256(String.join("\n", parts));
    }

    /** The key of {@code stage} following the key {@code previous}. */
    public static String stageKey(String previous, Stage stage, PipelineConfig config) {
        StringBuilder sb = new StringBuilder(previous).append('\n').append(stage.name());
        List<String> paths = new ArrayList<>(stage.keyPaths());
        if (!paths.contains("seed")) {
            paths.add("seed");
        }
        for (String path : paths) {
            JsonNode node = config.resolved().at("/" + path.replace('.', '/'));
            try {
                sb.append('\n').append(path).append('=')
                        .append(CANONICAL.writeValueAsString(CANONICAL.convertValue(node, Object.class)));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return sha256(sb.toString());
    }

    /** A complete entry: what the stage reported and which outputs it wrote. */
    public record Entry(String key, Path folder, StageResult result, List<String> outputs, Map<String, FileSum> files) {
    }

    /** One file of an entry. */
    public record FileSum(String crc32c, long size) {
    }

    record Manifest(int format, String key, String stage, List<String> outputs, Map<String, FileSum> files) {
    }

    record SavedResult(String stage, String summary, List<String> details, String recordType, JsonNode data, long millis) {
    }

    /** The entry under {@code key} when it is whole; a broken one is removed with a warning. */
    Entry find(String key, String stage) {
        Path folder = dir.resolve(key);
        if (!Files.isDirectory(folder)) {
            return null;
        }
        try {
            Manifest manifest = manifest(folder, key, stage);
            if (!manifest.files().containsKey(RESULT)) {
                throw new IOException("its manifest does not describe this entry");
            }
            for (Map.Entry<String, FileSum> file : manifest.files().entrySet()) {
                if (Files.size(folder.resolve(file.getKey())) != file.getValue().size()) {
                    throw new IOException(file.getKey() + " has the wrong size");
                }
            }
            for (String output : manifest.outputs()) {
                if (!manifest.files().containsKey(output + ".bin")) {
                    throw new IOException("output " + output + " is not listed");
                }
            }
            SavedResult saved = Json.MAPPER.readValue(checked(folder, RESULT, manifest.files()), SavedResult.class);
            Class<?> type = Class.forName(saved.recordType(), false, StageCache.class.getClassLoader());
            if (!StageRecord.class.isAssignableFrom(type) || !stage.equals(saved.stage())) {
                throw new IOException("its result is not a stage record of stage " + stage);
            }
            StageRecord data = (StageRecord) Json.MAPPER.treeToValue(saved.data(), type);
            StageResult result = new StageResult(saved.stage(), saved.summary(), saved.details(), data, saved.millis());
            return new Entry(key, folder, result, List.copyOf(manifest.outputs()), Map.copyOf(manifest.files()));
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            discard(folder, stage, e);
            return null;
        }
    }

    /** The manifest of the entry in {@code folder}, checked to be of this format, key and stage (or kind). */
    private static Manifest manifest(Path folder, String key, String kind) throws IOException {
        Manifest manifest = Json.MAPPER.readValue(Files.readAllBytes(folder.resolve(MANIFEST)), Manifest.class);
        if (manifest.format() != FORMAT || !key.equals(manifest.key()) || !kind.equals(manifest.stage())
                || manifest.files() == null || manifest.outputs() == null) {
            throw new IOException("its manifest does not describe this entry");
        }
        return manifest;
    }

    /** Reads one output of an entry, its checksum verified first. */
    <T> T read(Entry entry, String artifact, Codec<T> codec, PipelineConfig config) throws IOException {
        byte[] bytes = checked(entry.folder(), artifact + ".bin", entry.files());
        return codec.read(new DataInputStream(new ByteArrayInputStream(bytes)), config);
    }

    /** An entry a run could not use after all: removed, with a warning saying why. */
    void discard(Entry entry, Exception why) {
        discard(entry.folder(), entry.result().stage(), why);
    }

    private void discard(Path folder, String stage, Exception why) {
        discard(folder, stage, why, "the stage runs again");
    }

    private void discard(Path folder, String kind, Exception why, String consequence) {
        warnings.accept(String.format(Locale.ROOT, "stage cache: the %s entry %s was unreadable (%s) and is removed; %s",
                kind, folder.getFileName(), firstLine(why), consequence));
        remove(folder);
    }

    /** Marks an entry as just used, for the least-recently-used order. */
    void touch(Entry entry) {
        touch(entry.folder());
    }

    private static void touch(Path folder) {
        try {
            Files.setLastModifiedTime(folder, FileTime.from(Instant.now()));
        } catch (IOException e) {
            // another run may have evicted it meanwhile: it was read already
        }
    }

    /** Writes one output into an entry being stored. */
    interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    /**
     * Stores a stage's result and outputs under {@code key}. Failing to store (a full disk, an output
     * a codec refuses) is a warning: the run goes on without this entry.
     */
    void store(String key, StageResult result, Map<String, Writer> outputs) {
        Map<String, Writer> files = new LinkedHashMap<>();
        files.put(RESULT, out -> {
            SavedResult saved = new SavedResult(result.stage(), result.summary(), result.details(),
                    result.data().getClass().getName(), Json.MAPPER.valueToTree(result.data()), result.millis());
            out.write(Json.MAPPER.writeValueAsBytes(saved));
        });
        outputs.forEach((name, writer) -> files.put(name + ".bin", writer));
        storeEntry(key, result.stage(), List.copyOf(outputs.keySet()), files, "the " + result.stage() + " stage");
    }

    /**
     * Stores files that are not a stage's outputs under {@code key}, with the label {@code kind} in the
     * manifest (the run's files made from its stages' results; see {@link #runFilesKey}). A failure is
     * a warning, as for a stage.
     */
    public void storeFiles(String key, String kind, Map<String, byte[]> contents) {
        Map<String, Writer> files = new LinkedHashMap<>();
        contents.forEach((name, bytes) -> files.put(name, out -> out.write(bytes)));
        storeEntry(key, kind, List.copyOf(contents.keySet()), files, "the " + kind);
    }

    /**
     * The files stored under {@code key} with {@link #storeFiles}, each checked against its checksum
     * (the entry is then marked as just used), or null: none, or a damaged entry, which is removed with
     * a warning.
     */
    public Map<String, byte[]> findFiles(String key, String kind) {
        Path folder = dir.resolve(key);
        if (!Files.isDirectory(folder)) {
            return null;
        }
        try {
            Manifest manifest = manifest(folder, key, kind);
            Map<String, byte[]> out = new LinkedHashMap<>();
            for (String name : manifest.outputs()) {
                out.put(name, checked(folder, name, manifest.files()));
            }
            touch(folder);
            return out;
        } catch (IOException | RuntimeException e) {
            discard(folder, kind, e, "they are made again");
            return null;
        }
    }

    /** The key of the files a run writes from the results of the stages up to the one keyed {@code lastStageKey}. */
    public static String runFilesKey(String lastStageKey) {
        return sha256(lastStageKey + "\nrun files");
    }

    /** Writes an entry into a temporary folder and renames it into place; a failure is one warning per run. */
    private void storeEntry(String key, String kind, List<String> outputs, Map<String, Writer> contents, String what) {
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createDirectory(dir.resolve(TEMP + UUID.randomUUID()));
            Map<String, FileSum> files = new LinkedHashMap<>();
            for (Map.Entry<String, Writer> file : contents.entrySet()) {
                files.put(file.getKey(), write(tmp.resolve(file.getKey()), file.getValue()));
            }
            Manifest manifest = new Manifest(FORMAT, key, kind, outputs, files);
            Files.write(tmp.resolve(MANIFEST), Json.MAPPER.writeValueAsBytes(manifest));
            try {
                Files.move(tmp, dir.resolve(key), StandardCopyOption.ATOMIC_MOVE);
                tmp = null;
            } catch (IOException e) {
                if (!Files.isDirectory(dir.resolve(key))) {
                    throw e;
                }
                // another run stored the same key first: its entry is as good as this one
            }
        } catch (IOException | RuntimeException e) {
            if (!storeFailed.getAndSet(true)) {
                warnings.accept("stage cache: could not store " + what + " in " + dir + " (" + firstLine(e)
                        + "); the run goes on without storing");
            }
        } finally {
            if (tmp != null) {
                remove(tmp);
            }
        }
    }

    private static FileSum write(Path file, Writer writer) throws IOException {
        java.util.zip.CRC32C sum = new java.util.zip.CRC32C();
        try (OutputStream raw = Files.newOutputStream(file);
             java.util.zip.CheckedOutputStream summed = new java.util.zip.CheckedOutputStream(new BufferedOutputStream(raw, 1 << 16), sum);
             DataOutputStream out = new DataOutputStream(summed)) {
            writer.write(out);
        }
        return new FileSum(Long.toHexString(sum.getValue()), Files.size(file));
    }

    /**
     * CRC-32C, not a cryptographic hash: an entry is the run's own output, so the check is against a
     * torn or damaged file only. The JVM computes it with the processor's CRC instruction; SHA-256 of
     * the files an unchanged adult rerun restores took about 0.1 s of its 4 s, most of it before the
     * hash code was compiled.
     */
    private static String crc32c(byte[] bytes) {
        java.util.zip.CRC32C sum = new java.util.zip.CRC32C();
        sum.update(bytes);
        return Long.toHexString(sum.getValue());
    }

    private static byte[] checked(Path folder, String name, Map<String, FileSum> files) throws IOException {
        FileSum sum = files.get(name);
        if (sum == null) {
            throw new IOException(name + " is not listed");
        }
        byte[] bytes = Files.readAllBytes(folder.resolve(name));
        if (bytes.length != sum.size() || !crc32c(bytes).equals(sum.crc32c())) {
            throw new IOException(name + " does not match its checksum");
        }
        return bytes;
    }

    /**
     * Removes least recently used entries until the cache is under its size, and temporary folders
     * left by runs that were killed (older than an hour; a running store is younger).
     */
    public void trim() {
        if (!Files.isDirectory(dir)) {
            return;
        }
        record Sized(Path folder, long size, FileTime used) {
        }
        List<Sized> entries = new ArrayList<>();
        Instant old = Instant.now().minus(OLD_TEMP);
        try (Stream<Path> list = Files.list(dir)) {
            for (Path p : list.toList()) {
                String name = p.getFileName().toString();
                try {
                    FileTime modified = Files.getLastModifiedTime(p);
                    if (name.startsWith(TRASH) || (name.startsWith(TEMP) && modified.toInstant().isBefore(old))) {
                        remove(p);
                    } else if (Files.isDirectory(p) && !name.startsWith(".")) {
                        entries.add(new Sized(p, folderSize(p), modified));
                    }
                } catch (IOException e) {
                    // removed by another run meanwhile
                }
            }
        } catch (IOException e) {
            warnings.accept("stage cache: cannot list " + dir + " (" + e.getMessage() + ")");
            return;
        }
        long total = entries.stream().mapToLong(Sized::size).sum();
        entries.sort(Comparator.comparing(Sized::used).thenComparing(s -> s.folder().getFileName().toString()));
        for (Sized entry : entries) {
            if (total <= maxBytes) {
                break;
            }
            remove(entry.folder());
            total -= entry.size();
        }
    }

    private static long folderSize(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            long sum = 0;
            for (Path f : files.toList()) {
                sum += Files.size(f);
            }
            return sum;
        }
    }

    /** Renames the folder out of sight first, so no reader finds half of it, then deletes it. */
    private void remove(Path folder) {
        Path gone = folder;
        if (!folder.getFileName().toString().startsWith(TRASH)) {
            try {
                gone = Files.move(folder, dir.resolve(TRASH + UUID.randomUUID()), StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                return; // someone else removed or is removing it
            }
        }
        try (Stream<Path> files = Files.walk(gone)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // what is left is removed by a later trim
        }
    }

    /** Parses a size such as {@code 2g}, {@code 500m}, {@code 64k} or a number of bytes. */
    public static long parseSize(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        long unit = 1;
        if (t.endsWith("b")) {
            t = t.substring(0, t.length() - 1);
        }
        if (!t.isEmpty()) {
            switch (t.charAt(t.length() - 1)) {
                case 'k' -> unit = 1L << 10;
                case 'm' -> unit = 1L << 20;
                case 'g' -> unit = 1L << 30;
                case 't' -> unit = 1L << 40;
                default -> unit = 1;
            }
            if (unit > 1) {
                t = t.substring(0, t.length() - 1);
            }
        }
        try {
            double value = Double.parseDouble(t);
            if (!(value > 0) || Double.isInfinite(value)) {
                throw new NumberFormatException();
            }
            return (long) Math.ceil(value * unit);
        } catch (NumberFormatException e) {
            throw new org.workbench.core.InputException("--cache-size: '" + text
                    + "' is not a size; give a positive number with an optional unit, e.g. 2g, 500m or 64k");
        }
    }

    /** Warnings are one line; a parser's message goes on with its location. */
    private static String firstLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse("").strip();
    }

    private static String sha256(String text) {
        return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
