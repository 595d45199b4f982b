package org.workbench.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.workbench.collection.CollectionRecord;
import org.workbench.core.InputException;
import org.workbench.core.Json;
import org.workbench.definition.DefinitionRecord;
import org.workbench.deployment.DeploymentRecord;
import org.workbench.evaluation.EvaluationRecord;
import org.workbench.recipe.RecipeRecord;
import org.workbench.stage.StageRecord;
import org.workbench.stage.StageResult;
import org.workbench.training.TrainingRecord;
import org.workbench.tuning.TuningRecord;

/**
 * {@code run.json}: everything a run recorded. The config file, name, seed and resolved config; when
 * the run started and finished and the library versions; the data file; each stage's result with its
 * own record ({@link StageResult#data()}); and the metrics ({@link RunMetrics}, the same as
 * {@code metrics.json}). Written and read by Jackson as this type, so report.html, {@code compare} and
 * {@code demo} read fields, not strings; a run.json that does not match (older, or edited by hand) is an
 * {@link InputException} naming the file and the field.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder(alphabetic = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunRecord(String name, String configFile, String started, String finished, long seed, Map<String, String> versions,
                        DataFile data, JsonNode config, List<StageResult> stages, RunMetrics metrics, EngineFacts engine) {
    public static final String FILE = "run.json";

    @com.fasterxml.jackson.annotation.JsonCreator
    public RunRecord {
        stages = stages == null ? List.of() : List.copyOf(stages);
    }

    /** A run of the local engine: no {@code engine} field. */
    public RunRecord(String name, String configFile, String started, String finished, long seed, Map<String, String> versions,
                     DataFile data, JsonNode config, List<StageResult> stages, RunMetrics metrics) {
        this(name, configFile, started, finished, seed, versions, data, config, stages, metrics, null);
    }

    /**
     * Where a run's stages ran, when not in this JVM: the engine, its master URL, the executors it had,
     * and the engine's jobs per stage (count and wall time).
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonPropertyOrder(alphabetic = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EngineFacts(String name, String version, String master, Integer executors, List<StageJobs> jobs) {
    }

    /** The engine jobs one stage started: how many, and their summed wall time in milliseconds. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonPropertyOrder(alphabetic = true)
    public record StageJobs(String stage, int jobs, long millis) {
    }

    /** The data file (relative to the config), its SHA-256 and its rows. */
    @JsonPropertyOrder(alphabetic = true)
    public record DataFile(String file, String sha256, int rows) {
    }

    /** Which record each stage writes, by stage name: how a stage's {@code data} is read back. */
    static final Map<String, Class<? extends StageRecord>> RECORDS = records();

    private static Map<String, Class<? extends StageRecord>> records() {
        Map<String, Class<? extends StageRecord>> out = new java.util.LinkedHashMap<>();
        out.put("definition", DefinitionRecord.class);
        out.put("collection", CollectionRecord.class);
        out.put("preprocessing", RecipeRecord.class);
        out.put("features", RecipeRecord.class);
        out.put("selection", RecipeRecord.class);
        out.put("training", TrainingRecord.class);
        out.put("evaluation", EvaluationRecord.class);
        out.put("tuning", TuningRecord.class);
        out.put("deployment", DeploymentRecord.class);
        return java.util.Collections.unmodifiableMap(out);
    }

    /** Reads stage results with their stage's record type; otherwise {@link Json#MAPPER}'s settings. */
    static final ObjectMapper READER = Json.MAPPER.copy()
            .registerModule(new SimpleModule("run-record").addDeserializer(StageResult.class, new StageResultReader()));

    /** The result of the named stage, when the run got that far. */
    public Optional<StageResult> stage(String stageName) {
        return stages.stream().filter(s -> s.stage().equals(stageName)).findFirst();
    }

    /** The record of the first stage that wrote one of this type, when the run got that far. */
    public <R extends StageRecord> Optional<R> record(Class<R> type) {
        return stages.stream().map(s -> s.data(type)).flatMap(Optional::stream).findFirst();
    }

    /** The run's JSON text, as written to {@code run.json} (without the final newline). */
    public String json() {
        return Json.write(this);
    }

    /** Reads {@code RUN_DIR/run.json}. */
    public static RunRecord read(Path runDir) {
        Path file = runDir.resolve(FILE);
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new InputException(file + ": not found; give a run folder (it holds run.json)");
        } catch (IOException e) {
            throw new InputException(file + ": cannot read run.json: " + e.getMessage());
        }
        return parse(text, file.toString());
    }

    /** Reads run.json text; {@code where} names it in an error. */
    public static RunRecord parse(String text, String where) {
        try {
            return READER.readValue(text, RunRecord.class);
        } catch (JsonMappingException e) {
            throw new InputException(where + ": field " + path(e) + ": " + reason(e)
                    + "; it does not match this version's run.json (re-run the config to write a new one)");
        } catch (JsonProcessingException e) {
            throw new InputException(where + ": not valid JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage().lines().findFirst().orElse(""));
        }
    }

    /** e.g. {@code stages[6].data.test_report.rows}. */
    static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                sb.append(sb.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.length() == 0 ? "(top level)" : sb.toString();
    }

    private static String reason(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "unknown field";
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            return "not a value of type " + m.getTargetType().getSimpleName();
        }
        return e.getOriginalMessage().lines().findFirst().orElse("does not match");
    }

    /** A stage result: its {@code data} is read as the record of the stage it names. */
    private static final class StageResultReader extends StdDeserializer<StageResult> {
        /** The fields of one entry of {@code stages}, with {@code data} still as JSON. */
        private record Entry(String stage, String summary, List<String> details, JsonNode data, long millis, Boolean cached) {
        }

        StageResultReader() {
            super(StageResult.class);
        }

        @Override
        public StageResult deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            Entry e = ctxt.readValue(p, Entry.class);
            Class<? extends StageRecord> type = RECORDS.get(e.stage());
            if (type == null) {
                throw JsonMappingException.wrapWithPath(MismatchedInputException.from(p, (Class<?>) null,
                        "unknown stage '" + e.stage() + "' (stages are " + String.join(", ", RECORDS.keySet()) + ")"), e, "stage");
            }
            if (e.data() == null || !e.data().isObject()) {
                throw JsonMappingException.wrapWithPath(MismatchedInputException.from(p, (Class<?>) null,
                        "missing, or not an object"), e, "data");
            }
            try {
                StageRecord data = ctxt.readTreeAsValue(e.data(), type);
                return new StageResult(e.stage(), e.summary(), e.details() == null ? List.of() : e.details(), data, e.millis(), e.cached());
            } catch (JsonMappingException x) {
                throw JsonMappingException.wrapWithPath(x, e, "data");
            }
        }
    }
}
