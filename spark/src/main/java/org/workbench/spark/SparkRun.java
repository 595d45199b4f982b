package org.workbench.spark;

import org.apache.spark.sql.SparkSession;
import org.workbench.config.PipelineConfig;
import org.workbench.run.EngineConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * One run's resources on Spark: the config, the session, the job times and the notes. What the stages
 * hand each other goes through the {@code RunContext} as typed artifacts.
 */
final class SparkRun {
    /** Columns the engine adds to the rows; a data column may not use these names. */
    static final String LABEL = "__label";
    static final String FEATURES = "__features";
    static final String PREDICTION = "__prediction";
    static final String PROBABILITY = "__probability";
    static final String RAW = "__raw";
    static final String FOLD = "__fold";

    final PipelineConfig config;
    final EngineConfig engine;
    final JobTimes jobs = new JobTimes("workbench-" + UUID.randomUUID() + "/");
    /** What the engine decided where Spark's mapping is not exact: printed and kept in the stages' details. */
    final List<String> notes;
    private SparkSession session;

    SparkRun(PipelineConfig config, EngineConfig engine, List<String> notes) {
        this.config = config;
        this.engine = engine;
        this.notes = new ArrayList<>(notes);
    }

    synchronized SparkSession session() {
        if (session == null) {
            session = Sessions.start(engine, config.name());
            session.sparkContext().addSparkListener(jobs);
        }
        return session;
    }

    boolean started() {
        return session != null;
    }

    /** Runs {@code work} with its Spark jobs counted under {@code stage}. */
    <T> T jobs(String stage, Supplier<T> work) {
        SparkSession s = session();
        s.sparkContext().setJobGroup(jobs.group(stage), stage, false);
        try {
            return work.get();
        } finally {
            s.sparkContext().clearJobGroup();
        }
    }
}
