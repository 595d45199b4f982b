package org.workbench.stage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.workbench.config.Suggest;
import org.workbench.core.Artifact;
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
        checkUntil(until);
        List<StageResult> results = new ArrayList<>();
        for (int i = 0; i < stages.size(); i++) {
            Stage stage = stages.get(i);
            long start = System.nanoTime();
            StageResult result;
            context.enter(stage, releaseAfter.get(i));
            context.progress().stageStarted(stage.name());
            try {
                result = stage.run(context).withMillis((System.nanoTime() - start) / 1_000_000);
            } finally {
                context.progress().stageFinished(stage.name());
                context.leave();
            }
            releaseAfter.get(i).forEach(name -> context.release(name, stage.name()));
            results.add(result);
            listener.accept(result);
            if (stage.name().equals(until)) {
                break;
            }
        }
        return results;
    }
}
