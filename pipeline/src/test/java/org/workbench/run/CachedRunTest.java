package org.workbench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workbench.core.Json;
import org.workbench.stage.StageCache;
import org.workbench.stage.StageResult;

/**
 * The stage cache reruns exactly what a change touches and never changes a result: the files of a
 * run that restored stages are the bytes of a run without the cache. Damaged entries are misses, the
 * bound evicts the least recently used entries, and two runs may share the cache at once.
 */
class CachedRunTest {
    private static final boolean T = true;
    private static final boolean F = false;

    @TempDir
    Path out;
    @TempDir
    Path cacheDir;

    private final List<String> warnings = new CopyOnWriteArrayList<>();

    private StageCache cache() {
        return new StageCache(cacheDir, StageCache.DEFAULT_SIZE, warnings::add);
    }

    private Runner.Outcome run(String config, StageCache cache, String... sets) {
        return Runner.run(ConfigLoader.load(Path.of("../configs", config), List.of(sets)), out, null, r -> { }, c -> { }, cache);
    }

    private static List<Boolean> cached(Runner.Outcome outcome) {
        return outcome.results().stream().map(StageResult::fromCache).toList();
    }

    /**
     * The files a run's results are judged by, byte for byte, when both runs trained their model: a
     * fresh model's bundle holds its training time (Tribuo's provenance), as report.md does. When the
     * model came from the cache, the bundle and report.md are the same bytes too ({@code ShippedConfigsTest}).
     */
    private static void sameFiles(Runner.Outcome expected, Runner.Outcome actual) throws IOException {
        for (String file : List.of("metrics.json", "predictions.csv")) {
            assertEquals(-1L, Files.mismatch(expected.dir().resolve(file), actual.dir().resolve(file)), file);
        }
    }

    @Test
    void everyStoreIsWholeWhenTheRunReturnsThoughStoringRunsBesideLaterStages() throws IOException {
        run("iris.yaml", cache());
        // one entry per stage, renamed into place; no temporary folder left behind
        List<String> entries;
        try (Stream<Path> list = Files.list(cacheDir)) {
            entries = list.map(p -> p.getFileName().toString()).sorted().toList();
        }
        // and one for the run's files made from the stages' results
        assertEquals(10, entries.size(), entries.toString());
        assertTrue(entries.stream().noneMatch(name -> name.startsWith(".tmp-")), entries.toString());
        for (String entry : entries) {
            assertTrue(Files.isRegularFile(cacheDir.resolve(entry).resolve("manifest.json")), entry);
        }
        // the collection entry holds the targets alone, and the definition's read is not stored twice
        assertTrue(Files.exists(cacheDir.resolve(entryOf("collection")).resolve("targets.bin")));
        assertFalse(Files.exists(cacheDir.resolve(entryOf("collection")).resolve("all_rows.bin")));
        assertTrue(Files.size(cacheDir.resolve(entryOf("definition")).resolve("csv_read.bin"))
                < Files.size(cacheDir.resolve(entryOf("definition")).resolve("raw_table.bin")) / 10);
        assertEquals(List.of(T, T, T, T, T, T, T, T, T), cached(run("iris.yaml", cache())));
    }

    private String entryOf(String stage) throws IOException {
        try (Stream<Path> list = Files.list(cacheDir)) {
            return list.filter(p -> {
                try {
                    return Files.readString(p.resolve("manifest.json")).contains("\"stage\" : \"" + stage + "\"")
                            || Files.readString(p.resolve("manifest.json")).contains("\"stage\":\"" + stage + "\"");
                } catch (IOException e) {
                    return false;
                }
            }).map(p -> p.getFileName().toString()).findFirst().orElseThrow();
        }
    }

    @Test
    void changingTrainParamsRefitsFromTrainingOnAndChangingEvaluateOnlyEvaluates() throws IOException {
        run("iris.yaml", cache());
        Runner.Outcome params = run("iris.yaml", cache(), "train.params.epochs=20");
        assertEquals(List.of(T, T, T, T, T, F, F, F, F), cached(params));
        sameFiles(run("iris.yaml", null, "train.params.epochs=20"), params);

        // the training stage is restored (its training rows are not stored: the evaluation converts them again)
        Runner.Outcome folds = run("iris.yaml", cache(), "evaluate.cv_folds=3");
        assertEquals(List.of(T, T, T, T, T, T, F, F, F), cached(folds));
        sameFiles(run("iris.yaml", null, "evaluate.cv_folds=3"), folds);

        Runner.Outcome scale = run("iris.yaml", cache(), "preprocess.scale=minmax");
        assertEquals(List.of(T, T, F, F, F, F, F, F, F), cached(scale));
        assertEquals(List.of(), warnings);
        // without a cache run.json has no "cached" field at all
        assertFalse(Files.readString(run("iris.yaml", null).dir().resolve("run.json")).contains("\"cached\""));
        assertTrue(Files.readString(scale.dir().resolve("run.json")).contains("\"cached\" : true"));
    }

    @Test
    void anUnchangedTunedRunRestoresEveryStageAndWritesTheSameFiles() throws IOException {
        String[] tune = {"tune.enabled=true", "tune.cv_folds=3", "tune.grid={train.params.epochs: [2, 20]}"};
        Runner.Outcome cold = run("iris.yaml", cache(), tune);
        Runner.Outcome warm = run("iris.yaml", cache(), tune);
        assertEquals(List.of(T, T, T, T, T, T, T, T, T), cached(warm));
        // the files the tuning and deployment stages made are the cold run's bytes
        for (String file : List.of("metrics.json", "predictions.csv", "tuned.yaml", "model.bundle")) {
            assertEquals(-1L, Files.mismatch(cold.dir().resolve(file), warm.dir().resolve(file)), file);
        }
        // and their records read back as they were made
        assertEquals(Json.write(cold.results().get(7).data()), Json.write(warm.results().get(7).data()));
        assertEquals(Json.write(cold.results().get(8).data()), Json.write(warm.results().get(8).data()));

        // a search cut by a time budget depends on the clock: tuning and deployment run again
        String[] budget = {tune[0], tune[1], tune[2], "tune.time_budget=600"};
        run("iris.yaml", cache(), budget);
        assertEquals(List.of(T, T, T, T, T, T, T, F, F), cached(run("iris.yaml", cache(), budget)));
        assertEquals(List.of(), warnings);
    }

    @Test
    void anotherDataFileContentOrVersionIsAMiss(@TempDir Path data) throws IOException {
        Path csv = data.resolve("iris.csv");
        Files.copy(Path.of("../datasets/iris/data.csv"), csv);
        String source = "data.source=" + csv.toAbsolutePath();
        run("iris.yaml", cache(), source);
        assertEquals(List.of(T, T, T, T, T, T, T, T, T), cached(run("iris.yaml", cache(), source)));

        assertEquals(List.of(F, F, F, F, F, F, F, F, F), cached(run("iris.yaml", cache().withVersion("9.9.9"), source)));

        // the same path with one value changed
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        Files.writeString(csv, text.replaceFirst("5\\.1", "5.2"), StandardCharsets.UTF_8);
        Runner.Outcome changed = run("iris.yaml", cache(), source);
        assertEquals(List.of(F, F, F, F, F, F, F, F, F), cached(changed));
        sameFiles(run("iris.yaml", null, source), changed);
        assertEquals(List.of(), warnings);
    }

    @Test
    void aCorruptOrIncompleteEntryIsAMissWithAWarning() throws IOException {
        Runner.Outcome cold = run("titanic.yaml", cache());
        // one flipped byte in the collection's training rows, and the features entry's manifest cut short
        Path collection = entry("collection");
        Path rows = collection.resolve("raw_train.bin");
        byte[] bytes = Files.readAllBytes(rows);
        bytes[bytes.length / 2] ^= 1;
        Files.write(rows, bytes);
        Path manifest = entry("features").resolve("manifest.json");
        Files.write(manifest, java.util.Arrays.copyOf(Files.readAllBytes(manifest), 20));

        Runner.Outcome again = run("titanic.yaml", cache());
        assertEquals(List.of(T, F, F, F, F, F, F, F, F), cached(again));
        assertEquals(2, warnings.size(), warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.contains("collection entry") && w.contains("raw_train.bin does not match its checksum")),
                warnings.toString());
        assertTrue(warnings.stream().allMatch(w -> w.startsWith("stage cache: ") && !w.contains("\n")), warnings.toString());
        sameFiles(cold, again);
        // the damaged entries were replaced by whole ones
        assertEquals(List.of(T, T, T, T, T, T, T, T, T), cached(run("titanic.yaml", cache())));
    }

    @Test
    void theBoundEvictsTheLeastRecentlyUsedEntries() throws IOException {
        run("iris.yaml", cache());
        List<Path> iris = entries();
        run("titanic.yaml", cache());
        List<Path> titanic = new ArrayList<>(entries());
        titanic.removeAll(iris);
        assertEquals(10, iris.size());
        assertEquals(10, titanic.size());
        for (Path p : iris) {
            Files.setLastModifiedTime(p, FileTime.from(Instant.parse("2000-01-01T00:00:00Z")));
        }
        for (Path p : titanic) {
            Files.setLastModifiedTime(p, FileTime.from(Instant.parse("2001-01-01T00:00:00Z")));
        }
        long irisBytes = 0;
        for (Path p : iris) {
            irisBytes += size(p);
        }
        // a hit touches iris' entries, so titanic's are now the least recently used; the run then trims
        Runner.Outcome hit = Runner.run(ConfigLoader.load(Path.of("../configs/iris.yaml"), List.of()), out, null, r -> { },
                c -> { }, new StageCache(cacheDir, irisBytes, warnings::add));
        assertEquals(List.of(T, T, T, T, T, T, T, T, T), cached(hit));
        assertEquals(iris.stream().sorted().toList(), entries().stream().sorted().toList());

        new StageCache(cacheDir, 1, warnings::add).trim();
        assertEquals(List.of(), entries());
        assertEquals(List.of(), warnings);
    }

    @Test
    void leftoversOfAKilledRunAreRemovedOnceOld() throws IOException {
        Path old = Files.createDirectories(cacheDir.resolve(".tmp-killed"));
        Files.writeString(old.resolve("raw_train.bin"), "half");
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minusSeconds(7200)));
        Path live = Files.createDirectories(cacheDir.resolve(".tmp-running"));
        cache().trim();
        assertFalse(Files.exists(old));
        assertTrue(Files.exists(live));
    }

    @Test
    void twoRunsAtOnceBothSucceedAndShareTheEntries() throws Exception {
        StageCache shared = cache();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = pool.submit(() -> run("titanic.yaml", shared));
            var second = pool.submit(() -> run("titanic.yaml", shared));
            sameFiles(first.get(), second.get());
        } finally {
            pool.shutdown();
        }
        assertEquals(10, entries().size());
        try (Stream<Path> all = Files.list(cacheDir)) {
            assertEquals(List.of(), all.filter(p -> p.getFileName().toString().startsWith(".")).toList());
        }
        assertEquals(List.of(), warnings);
        assertEquals(List.of(T, T, T, T, T, T, T, T, T), cached(run("titanic.yaml", shared)));
    }

    @Test
    void aCacheThatCannotBeWrittenIsOneWarningAndTheRunGoesOn() throws IOException {
        Path file = Files.writeString(cacheDir.resolve("in-the-way"), "x");
        Runner.Outcome outcome = run("iris.yaml", new StageCache(file.resolve("stages"), StageCache.DEFAULT_SIZE, warnings::add));
        assertEquals(List.of(F, F, F, F, F, F, F, F, F), cached(outcome));
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("stage cache: could not store the definition stage in "), warnings.get(0));
        sameFiles(run("iris.yaml", null), outcome);
    }

    @Test
    void anUnchangedRunCopiesTheFilesMadeFromItsStagesAndADamagedCopyIsMadeAgain() throws IOException {
        Runner.Outcome cold = run("titanic.yaml", cache());
        Runner.Outcome warm = run("titanic.yaml", cache());
        assertEquals(List.of(T, T, T, T, T, T, T, T, T), cached(warm));
        // the final model and the rows were not loaded: the files came from the run-files entry
        assertFalse(warm.context().find(org.workbench.evaluation.FinalModel.ADOPTED_MODEL).isPresent());
        assertFalse(warm.context().find(org.workbench.collection.CollectionStage.RAW_TRAIN).isPresent());
        sameRunFiles(cold, warm);

        // one flipped byte in the stored predictions: a warning, and the files are made from the restored stages
        Path stored = entry("run files").resolve("predictions.csv");
        byte[] bytes = Files.readAllBytes(stored);
        bytes[bytes.length / 2] ^= 1;
        Files.write(stored, bytes);
        Runner.Outcome again = run("titanic.yaml", cache());
        assertEquals(List.of(T, T, T, T, T, T, T, T, T), cached(again));
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("stage cache: the run files entry ") && warnings.get(0).contains(
                "predictions.csv does not match its checksum") && warnings.get(0).endsWith("they are made again"), warnings.get(0));
        assertTrue(again.context().find(org.workbench.collection.CollectionStage.RAW_TRAIN).isPresent());
        sameRunFiles(cold, again);
        // ... and stored again whole
        warnings.clear();
        sameRunFiles(cold, run("titanic.yaml", cache()));
        assertEquals(List.of(), warnings);

        // a stage evicted after all: that stage and the later ones run, and the files are made anew
        removeEntry(entry("deployment"));
        Runner.Outcome rerun = run("titanic.yaml", cache());
        assertEquals(List.of(T, T, T, T, T, T, T, T, F), cached(rerun));
        sameFiles(cold, rerun);
        assertEquals(List.of(), warnings);
    }

    /** Every file of two runs of one config the same bytes, but for the run's times and the cache flags. */
    private static void sameRunFiles(Runner.Outcome expected, Runner.Outcome actual) throws IOException {
        for (String file : List.of("metrics.json", "predictions.csv", "model.bundle", "report.md")) {
            assertEquals(-1L, Files.mismatch(expected.dir().resolve(file), actual.dir().resolve(file)), file);
        }
        for (String file : List.of("run.json", "report.html")) {
            assertEquals(withoutRunFacts(expected.dir().resolve(file)), withoutRunFacts(actual.dir().resolve(file)), file);
        }
    }

    /** A file's text without the run's start and end times, stage times and cache flags. */
    static String withoutRunFacts(Path file) throws IOException {
        return Files.readString(file).replaceAll("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z", "TIME")
                .replaceAll("\"millis\" : \\d+", "\"millis\" : 0").replaceAll(",?\\s*\"cached\" : (true|false)", "");
    }

    private static void removeEntry(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Test
    void sizesReadWithUnits() {
        assertEquals(2L << 30, StageCache.parseSize("2g"));
        assertEquals(500L << 20, StageCache.parseSize("500M"));
        assertEquals(1536, StageCache.parseSize("1.5k"));
        assertEquals(4096, StageCache.parseSize("4096"));
        assertEquals("--cache-size: 'lots' is not a size; give a positive number with an optional unit, e.g. 2g, 500m or 64k",
                org.junit.jupiter.api.Assertions.assertThrows(org.workbench.core.InputException.class,
                        () -> StageCache.parseSize("lots")).getMessage());
    }

    private List<Path> entries() throws IOException {
        try (Stream<Path> all = Files.list(cacheDir)) {
            return all.filter(p -> !p.getFileName().toString().startsWith(".")).toList();
        }
    }

    /** The entry the named stage stored (the only one in these tests). */
    private Path entry(String stage) throws IOException {
        for (Path p : entries()) {
            if (Json.MAPPER.readTree(p.resolve("manifest.json").toFile()).path("stage").asText().equals(stage)) {
                return p;
            }
        }
        throw new AssertionError("no entry of " + stage);
    }

    private static long size(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            long sum = 0;
            for (Path f : files.toList()) {
                sum += Files.size(f);
            }
            return sum;
        }
    }
}
