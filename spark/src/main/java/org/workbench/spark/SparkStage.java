package org.workbench.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.workbench.config.Key;
import org.workbench.core.Artifact;
import org.workbench.stage.RunContext;
import org.workbench.stage.Stage;
import org.workbench.stage.StageResult;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What every Spark stage shares: the run's resources, its Spark jobs counted under the stage's name,
 * no config keys of its own (the local stages document them) and no cache (a Dataset is a plan, not data).
 */
abstract class SparkStage implements Stage {
    final SparkRun run;
    private final String name;
    private final String description;

    SparkStage(SparkRun run, String name, String description) {
        this.run = run;
        this.name = name;
        this.description = description;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public Map<String, List<Key>> configKeys() {
        return Map.of();
    }

    @Override
    public StageResult run(RunContext context) {
        return run.jobs(name, () -> runJobs(context));
    }

    abstract StageResult runJobs(RunContext context);

    /** A key for a Spark Dataset of rows (the class literal cannot carry its type argument). */
    @SuppressWarnings("unchecked")
    static Artifact<Dataset<Row>> rows(String name, String producedBy) {
        return new Artifact<>(name, (Class<Dataset<Row>>) (Class<?>) Dataset.class, producedBy);
    }

    /** A number as the terminal shows it. */
    static String f4(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
