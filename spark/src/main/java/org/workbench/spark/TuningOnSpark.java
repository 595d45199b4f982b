package org.workbench.spark;

import org.workbench.config.Key;
import org.workbench.core.Artifact;
import org.workbench.stage.RunContext;
import org.workbench.stage.Stage;
import org.workbench.stage.StageResult;
import org.workbench.tuning.TuningRecord;

import java.util.List;
import java.util.Map;

/** Stage 8 on Spark: not there yet, so it records itself as skipped (SparkSupport refuses tune.enabled: true). */
final class TuningOnSpark implements Stage {
    @Override
    public String name() {
        return "tuning";
    }

    @Override
    public String description() {
        return "searches settings with cross-validation (not on the spark engine yet: tune.enabled must be false)";
    }

    @Override
    public List<Artifact<?>> inputs() {
        return List.of();
    }

    @Override
    public List<Artifact<?>> outputs() {
        return List.of();
    }

    @Override
    public Map<String, List<Key>> configKeys() {
        return Map.of();
    }

    @Override
    public StageResult run(RunContext context) {
        return StageResult.of(name(), "skipped (tune.enabled is false)", List.of(), new TuningRecord(true, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null));
    }
}
