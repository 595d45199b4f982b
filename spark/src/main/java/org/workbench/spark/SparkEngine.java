package org.workbench.spark;

import org.apache.spark.sql.SparkSession;
import org.workbench.config.PipelineConfig;
import org.workbench.core.Artifact;
import org.workbench.core.Json;
import org.workbench.core.Versions;
import org.workbench.collection.CollectionRecord;
import org.workbench.definition.DefinitionStage;
import org.workbench.evaluation.EvaluationStage;
import org.workbench.report.HtmlReport;
import org.workbench.report.RunMetrics;
import org.workbench.report.RunRecord;
import org.workbench.run.Engine;
import org.workbench.run.EngineConfig;
import org.workbench.stage.Pipeline;
import org.workbench.stage.RunContext;
import org.workbench.stage.StageResult;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Spark engine ({@code engine: spark}, {@code --engine spark}): the same config's stages as Spark
 * jobs, in {@code local[*]} or on a cluster by master URL. Found by {@link java.util.ServiceLoader}
 * when this module's jars are on the class path.
 */
public final class SparkEngine implements Engine {
    public static final String NAME = "spark";
    /** Read by {@link #write} after the run, so never released. */
    static final List<Artifact<?>> READ_AFTER_RUN = List.of(DefinitionStage.PROBLEM, EvaluationStage.EVALUATION,
            EvaluationOnSpark.CHART_ROWS, SparkFinalModel.ADOPTED);
    private SparkRun current;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Pipeline pipeline(PipelineConfig config) {
        List<String> notes = SparkSupport.check(config);
        // where Spark's mapping is close but not exact, the terminal says what was decided
        notes.forEach(n -> System.err.println("note: " + n));
        current = new SparkRun(config, config.section(EngineConfig.class), notes);
        return new Pipeline(SparkStages.all(current), List.of(RunContext.RUN_DIR), READ_AFTER_RUN);
    }

    /** The run the last {@link #pipeline} call prepared (tests read its session and datasets). */
    SparkRun current() {
        return current;
    }

    @Override
    public void write(Path dir, RunContext context, List<StageResult> results, Instant started, Instant finished) {
        SparkRun run = current;
        RunMetrics stages = RunMetrics.of(results, null);
        // the final block as a local run writes it: the adopted setting's test scores, or the configured model's
        RunMetrics metrics = new RunMetrics(stages.evaluation(), stages.tuning(), SparkFinalModel.block(context).orElse(null));
        Json.writeFile(dir.resolve("metrics.json"), metrics);
        RunRecord.DataFile data = results.stream().map(r -> r.data(CollectionRecord.class)).flatMap(java.util.Optional::stream)
                .findFirst().map(c -> new RunRecord.DataFile(c.file(), c.sha256(), c.rows())).orElse(null);
        Map<String, String> versions = new LinkedHashMap<>(Versions.all());
        RunRecord.EngineFacts facts = null;
        if (run != null && run.started()) {
            SparkSession s = run.session();
            versions.put("spark", s.version());
            int executors = s.sparkContext().statusTracker().getExecutorInfos().length;
            boolean local = s.sparkContext().isLocal();
            facts = new RunRecord.EngineFacts(NAME, s.version(), s.sparkContext().master(), local ? 1 : Math.max(0, executors - 1),
                    run.jobs.stages(s.sparkContext()));
        }
        RunRecord record = new RunRecord(context.config().name(), context.config().file().toString(), started.toString(),
                finished.toString(), context.config().seed(), versions, data, context.config().resolved(), results, metrics, facts);
        String runJson = record.json() + "\n";
        Json.writeAtomically(dir.resolve(RunRecord.FILE), runJson.getBytes(StandardCharsets.UTF_8));
        ChartRows charts = SparkFinalModel.charts(context).orElse(null);
        HtmlReport.write(dir, runJson, charts == null ? Map.of() : charts.text(), charts == null ? Map.of() : charts.numbers());
    }

    @Override
    public String predict(Path model, Path input, Path output) {
        return SparkPredict.predict(model, input, output);
    }

    @Override
    public List<String> modelLines(String task) {
        return SparkModels.lines(task);
    }
}
