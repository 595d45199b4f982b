package org.workbench.stage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.workbench.config.PipelineConfig;
import org.workbench.config.Suggest;
import org.workbench.core.Artifact;
import org.workbench.core.Background;
import org.workbench.core.InputException;

/**
 * Runs stages in order, timing each, and stops after the named stage when asked.
 *
 * <p>The wiring is checked once, when the pipeline is built, before any stage can run (Kedro's
 * rule): every input of a stage is produced by an earlier stage or supplied by the caller before
 * the run, and no artifact has two producers. A miswiring is a programming error, not bad input:
 * an {@link IllegalStateException} naming the stage and the artifact. While running, each artifact a
 * stage produced is released after the last stage that reads it, unless the caller keeps it to read
 * after the run.
 */
public final class Pipeline {
    private final List<Stage> stages;
    /** For each stage (by position), the artifact names to release once it has run. */
    private final List<List<String>> releaseAfter;
    /** What the caller reads after the run: a restored stage must put these back even when no later stage reads them. */
    private final Set<String> kept;

    /** A pipeline whose inputs all come from its own stages, releasing every artifact after its last reader. */
    public Pipeline(List<Stage> stages) {
        this(stages, List.of(), List.of());
    }

    /**
     * @param supplied artifacts the caller may put into the context before the run (e.g. {@code RUN_DIR})
     * @param kept     artifacts the caller reads after the run: never released
     */
    public Pipeline(List<Stage> stages, List<Artifact<?>> supplied, List<Artifact<?>> kept) {
        this.stages = List.copyOf(stages);
        this.releaseAfter = wire(this.stages, supplied, kept);
        Set<String> names = new java.util.HashSet<>();
        kept.forEach(k -> names.add(k.name()));
        this.kept = Set.copyOf(names);
    }

    public List<Stage> stages() {
        return stages;
    }

    /** Checks the wiring; returns, per stage, what becomes free after it (the last reader, not kept). */
    private static List<List<String>> wire(List<Stage> stages, List<Artifact<?>> supplied, List<Artifact<?>> kept) {
        Map<String, Artifact<?>> keys = new HashMap<>();
        Map<String, String> producer = new HashMap<>();
        for (Artifact<?> key : supplied) {
            same(keys, key, "the caller");
            if (producer.put(key.name(), "the caller") != null) {
                throw new IllegalStateException("artifact '" + key.name() + "' is supplied twice");
            }
        }
        Map<String, Integer> lastReader = new HashMap<>();
        for (int i = 0; i < stages.size(); i++) {
            Stage stage = stages.get(i);
            for (Artifact<?> in : stage.inputs()) {
                same(keys, in, stage.name());
                if (!producer.containsKey(in.name())) {
                    String later = stages.subList(i, stages.size()).stream()
                            .filter(s -> s.outputs().stream().anyMatch(o -> o.name().equals(in.name())))
                            .map(Stage::name).findFirst().map(s -> " (stage '" + s + "' produces it, but not before)").orElse("");
                    throw new IllegalStateException("stage '" + stage.name() + "' reads artifact '" + in.name()
                            + "', which no earlier stage produces and the caller does not supply" + later);
                }
                lastReader.put(in.name(), i);
            }
            for (Artifact<?> out : stage.outputs()) {
                same(keys, out, stage.name());
                String earlier = producer.putIfAbsent(out.name(), stage.name());
                if (earlier != null) {
                    throw new IllegalStateException("artifact '" + out.name() + "' is produced twice: by "
                            + (earlier.equals("the caller") ? earlier : "stage '" + earlier + "'") + " and by stage '"
                            + stage.name() + "'");
                }
                if (!out.producedBy().equals(stage.name())) {
                    throw new IllegalStateException("stage '" + stage.name() + "' produces artifact '" + out.name()
                            + "', whose key names '" + out.producedBy() + "' as its producer");
                }
            }
        }
        // what the caller supplies it also owns: only what stages produce is released
        Set<String> keep = new LinkedHashSet<>();
        supplied.forEach(key -> keep.add(key.name()));
        for (Artifact<?> key : kept) {
            same(keys, key, "the caller");
            if (!producer.containsKey(key.name())) {
                throw new IllegalStateException("the caller keeps artifact '" + key.name() + "', which no stage produces");
            }
            keep.add(key.name());
        }
        List<List<String>> release = new ArrayList<>();
        stages.forEach(s -> release.add(new ArrayList<>()));
        lastReader.forEach((name, i) -> {
            if (!keep.contains(name)) {
                release.get(i).add(name);
            }
        });
        release.replaceAll(List::copyOf);
        return List.copyOf(release);
    }

    /** One name, one key: two different keys under one name would mix up two artifacts. */
    private static void same(Map<String, Artifact<?>> keys, Artifact<?> key, String where) {
        Artifact<?> known = keys.putIfAbsent(key.name(), key);
        if (known != null && !known.equals(key)) {
            throw new IllegalStateException(where + " declares artifact '" + key.name() + "' as " + key
                    + ", elsewhere it is " + known);
        }
    }

    /** The artifact names released after the named stage has run (for the documentation and tests). */
    public List<String> releasedAfter(String stage) {
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i).name().equals(stage)) {
                return releaseAfter.get(i).stream().sorted().toList();
            }
        }
        throw new IllegalArgumentException("no stage '" + stage + "'");
    }

    /** Fails, suggesting the nearest stage name, unless {@code until} is null or names a stage. */
    public void checkUntil(String until) {
        List<String> names = stages.stream().map(Stage::name).toList();
        if (until != null && !names.contains(until)) {
            String near = Suggest.nearest(until, names);
            throw new InputException("--until: unknown stage '" + until + "'"
                    + (near == null ? "" : " (did you mean '" + near + "'?)") + "; stages are " + String.join(", ", names));
        }
    }

    /** Runs every stage up to and including {@code until} (or all when null). */
    public List<StageResult> run(RunContext context, String until, Consumer<StageResult> listener) {
        return run(context, until, listener, null, null);
    }

    /** As below, loading for the caller everything it keeps. */
    public List<StageResult> run(RunContext context, String until, Consumer<StageResult> listener, StageCache cache,
                                 String baseKey) {
        return run(context, until, listener, cache, baseKey, null);
    }

    /**
     * As above, with a stage cache (null: none). Each stage up to the first one that cannot be cached
     * gets a key following {@code baseKey}; the leading stages whose entries are whole are restored
     * instead of run (only the outputs that later stages or the caller read are loaded), the first
     * miss runs normally from there, and every cachable stage that runs is stored once it succeeds.
     * A restored result says {@code cached: true}; with a cache, a stage that ran says false.
     *
     * @param keptIfAllRestored what the caller reads after the run when every stage is restored
     *                          (it has what else it needs from elsewhere), instead of all it keeps;
     *                          null: all it keeps, always
     */
    public List<StageResult> run(RunContext context, String until, Consumer<StageResult> listener, StageCache cache,
                                 String baseKey, List<Artifact<?>> keptIfAllRestored) {
        int last = lastIndex(until);
        String[] keys = new String[stages.size()];
        List<StageCache.Entry> entries = new ArrayList<>();
        Map<String, Object> restored = new HashMap<>();
        if (cache != null) {
            keys = keys(context.config(), baseKey, last);
            for (int i = 0; i <= last && keys[i] != null; i++) {
                StageCache.Entry entry = cache.find(keys[i], stages.get(i).name());
                if (entry == null) {
                    break;
                }
                entries.add(entry);
            }
            Set<String> light = null;
            if (keptIfAllRestored != null) {
                light = new java.util.HashSet<>();
                for (Artifact<?> key : keptIfAllRestored) {
                    if (!kept.contains(key.name())) {
                        throw new IllegalStateException("the caller reads artifact '" + key.name() + "', which it does not keep");
                    }
                    light.add(key.name());
                }
            }
            if (!entries.isEmpty() && (light == null || entries.size() <= last)) {
                context.progress().restoring();
            }
            restore(cache, context, entries, last, restored, light);
        }
        List<StageResult> results = new ArrayList<>();
        // stages are stored on a spare thread while the next ones run, one after another in stage order
        Background<Void> storing = null;
        try {
            storing = runStages(context, last, listener, cache, keys, entries, restored, results);
        } finally {
            if (storing != null) {
                storing.join();
            }
        }
        return results;
    }

    /**
     * The cache key of the last stage a run up to {@code until} runs, when every stage up to it can be
     * cached (else null): what a run's own files made from those stages' results are keyed by.
     */
    public String lastKey(PipelineConfig config, String baseKey, String until) {
        int last = lastIndex(until);
        return keys(config, baseKey, last)[last];
    }

    private int lastIndex(String until) {
        checkUntil(until);
        int last = stages.size() - 1;
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i).name().equals(until)) {
                last = i;
            }
        }
        return last;
    }

    /** Each stage's key up to {@code last}, null from the first stage that cannot be cached. */
    private String[] keys(PipelineConfig config, String baseKey, int last) {
        String[] keys = new String[stages.size()];
        String chain = baseKey;
        for (int i = 0; i <= last && chain != null; i++) {
            chain = cachable(stages.get(i), config) ? StageCache.stageKey(chain, stages.get(i), config) : null;
            keys[i] = chain;
        }
        return keys;
    }

    /** Runs (or restores) stages 0..last into {@code results}; returns the store still being written, if any. */
    private Background<Void> runStages(RunContext context, int last, Consumer<StageResult> listener, StageCache cache,
                                       String[] keys, List<StageCache.Entry> entries, Map<String, Object> restored,
                                       List<StageResult> results) {
        Background<Void> storing = null;
        for (int i = 0; i <= last; i++) {
            Stage stage = stages.get(i);
            long start = System.nanoTime();
            StageResult result;
            context.enter(stage, releaseAfter.get(i));
            try {
                if (i < entries.size()) {
                    StageCache.Entry entry = entries.get(i);
                    for (Artifact<?> out : stage.outputs()) {
                        if (restored.containsKey(out.name())) {
                            context.put(cast(out), restored.remove(out.name()));
                        }
                    }
                    cache.touch(entry);
                    result = entry.result().withMillis((System.nanoTime() - start) / 1_000_000).withCached(true);
                } else {
                    context.progress().stageStarted(stage.name());
                    try {
                        result = stage.run(context).withMillis((System.nanoTime() - start) / 1_000_000);
                    } finally {
                        context.progress().stageFinished(stage.name());
                    }
                    if (cache != null) {
                        result = result.withCached(false);
                        if (keys[i] != null) {
                            storing = store(cache, keys[i], stage, result, context, storing);
                        }
                    }
                }
            } finally {
                context.leave();
            }
            releaseAfter.get(i).forEach(name -> context.release(name, stage.name()));
            if (!releaseAfter.get(i).isEmpty() && i < last) {
                reclaim();
            }
            results.add(result);
            listener.accept(result);
        }
        return storing;
    }

    /** Old-generation use above which a stage's released artifacts are worth a full collection at once. */
    static final long RECLAIM_ABOVE_BYTES = 512L << 20;

    /**
     * Collects the garbage at once when the old generation holds much after artifacts were released:
     * big artifacts outlive many young collections, so they die in the old generation, which the
     * serial collector would rather grow than collect. Collecting here returns their memory before the
     * next stage allocates (a pause of tenths of a second on a million rows; small runs never pause).
     */
    private static void reclaim() {
        long old = 0;
        for (java.lang.management.MemoryPoolMXBean pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
            String name = pool.getName();
            if (pool.getType() == java.lang.management.MemoryType.HEAP && (name.contains("Old") || name.contains("Tenured"))) {
                old += pool.getUsage().getUsed();
            }
        }
        if (old > RECLAIM_ABOVE_BYTES) {
            System.gc();
        }
    }

    /** A stage is cachable when every output it declares has a codec and its result is repeatable under the config. */
    private static boolean cachable(Stage stage, PipelineConfig config) {
        return stage.outputs().stream().allMatch(o -> stage.codecs().containsKey(o.name())) && stage.repeatable(config);
    }

    /**
     * Loads the outputs of the restorable stages that a later stage (up to {@code last}) or the caller
     * reads ({@code light} instead of what it keeps when every stage is restored, unless null). An
     * entry that fails to load is removed, and restoring stops before its stage.
     */
    private void restore(StageCache cache, RunContext context, List<StageCache.Entry> entries, int last,
                         Map<String, Object> restored, Set<String> light) {
        boolean changed = true;
        while (changed) {
            changed = false;
            Set<String> needed = new java.util.HashSet<>(light != null && entries.size() == last + 1 ? light : kept);
            for (int j = entries.size(); j <= last; j++) {
                stages.get(j).inputs().forEach(in -> needed.add(in.name()));
            }
            restored.keySet().retainAll(needed);
            for (int i = 0; i < entries.size() && !changed; i++) {
                Stage stage = stages.get(i);
                StageCache.Entry entry = entries.get(i);
                for (String name : entry.outputs()) {
                    if (!needed.contains(name) || restored.containsKey(name)) {
                        continue;
                    }
                    try {
                        restored.put(name, cache.read(entry, name, stage.codecs().get(name), context.config()));
                    } catch (java.io.IOException | RuntimeException e) {
                        cache.discard(entry, e);
                        entries.subList(i, entries.size()).clear();
                        changed = true;
                        break;
                    }
                }
            }
        }
    }

    /**
     * Stores every output the stage wrote with its result, on a spare thread once {@code previous} (the
     * earlier stage's store) is done: outputs are never changed once written, so they can be encoded
     * while later stages read them. A store that fails only warns (see {@link StageCache#store}).
     */
    private static Background<Void> store(StageCache cache, String key, Stage stage, StageResult result, RunContext context,
                                          Background<Void> previous) {
        Map<String, StageCache.Writer> outputs = new java.util.LinkedHashMap<>();
        for (Artifact<?> out : stage.outputs()) {
            Object value = context.written(out.name());
            if (value != null) {
                @SuppressWarnings("unchecked")
                Codec<Object> codec = (Codec<Object>) stage.codecs().get(out.name());
                outputs.put(out.name(), stream -> codec.write(value, stream));
            }
        }
        return Background.start("stage-cache", () -> {
            if (previous != null) {
                previous.join();
            }
            cache.store(key, result, outputs);
        });
    }

    @SuppressWarnings("unchecked")
    private static Artifact<Object> cast(Artifact<?> key) {
        return (Artifact<Object>) key;
    }
}
