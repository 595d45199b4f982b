package org.workbench.stage;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.workbench.config.Suggest;
import org.workbench.core.InputException;

/** Runs stages in order, timing each, and stops after the named stage when asked. */
public final class Pipeline {
    private final List<Stage> stages;

    public Pipeline(List<Stage> stages) {
        this.stages = List.copyOf(stages);
    }

    public List<Stage> stages() {
        return stages;
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
        for (Stage stage : stages) {
            long start = System.nanoTime();
            StageResult result = stage.run(context).withMillis((System.nanoTime() - start) / 1_000_000);
            results.add(result);
            listener.accept(result);
            if (stage.name().equals(until)) {
                break;
            }
        }
        return results;
    }
}
