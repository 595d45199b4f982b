package org.workbench.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.workbench.config.PipelineConfig;
import org.workbench.definition.Problem;
import org.workbench.run.EngineConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * One run on Spark: the session, and what the stages hand each other. Datasets are Spark's lazy plans
 * (the rows stay on the executors); only counts, aggregates and bounded samples reach this JVM.
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

    // set by the stages, in order
    Problem problem;
    SparkData.Read read;
    Dataset<Row> all;
    Dataset<Row> train;
    Dataset<Row> test;
    long trainRows;
    long testRows;
    SparkRecipe.Built recipe;
    org.apache.spark.ml.Model<?> model;
    Dataset<Row> trainScored;
    Dataset<Row> testScored;
    ChartRows chartRows;

    /** A bounded sample of the test rows' truth, prediction and probabilities, for report.html's charts. */
    record ChartRows(java.util.Map<String, String[]> text, java.util.Map<String, double[]> numbers) {
    }

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
