package org.workbench.deployment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.workbench.config.Key;
import org.workbench.table.CsvDialect;
import org.workbench.table.CsvSource;
import org.workbench.config.PipelineConfig;
import org.workbench.stage.Codec;
import org.workbench.stage.RunContext;
import org.workbench.stage.RunFile;
import org.workbench.stage.Stage;
import org.workbench.stage.StageResult;
import org.workbench.definition.Problem;
import org.workbench.collection.DataSource;
import org.workbench.evaluation.FinalModel;
import org.workbench.core.Artifact;
import org.workbench.core.Versions;
import org.workbench.collection.CollectionStage;
import org.workbench.collection.TrainingNumbers;
import org.workbench.stats.BinnedSample;
import org.workbench.evaluation.EvaluationStage;
import org.workbench.definition.DefinitionStage;
import org.workbench.table.DataConfig;
import org.workbench.preprocessing.PreprocessConfig;
import org.workbench.data.Frame;
import org.workbench.data.Predictions;

/**
 * Stage 9: makes the model bundle that {@code workbench predict} scores raw rows with; the run writes
 * it into the run folder as {@value #BUNDLE_FILE}.
 */
public final class DeploymentStage implements Stage {
    public static final String BUNDLE_FILE = "model.bundle";
    /** {@value #BUNDLE_FILE}, for the run folder. */
    public static final Artifact<RunFile> BUNDLE = new Artifact<>("bundle_file", RunFile.class, "deployment");

    @Override
    public String name() {
        return "deployment";
    }

    @Override
    public Map<String, List<Key>> configKeys() {
        return Map.of("deploy", DeployConfig.KEYS);
    }

    @Override
    public List<Artifact<?>> inputs() {
        // both final-model keys: FinalModel.find decides which is final
        return List.of(EvaluationStage.EVALUATED_MODEL, FinalModel.ADOPTED_MODEL, DefinitionStage.PROBLEM,
                CollectionStage.SOURCE, CollectionStage.RAW_TRAIN, CollectionStage.TRAINING_NUMBERS, DefinitionStage.CSV_DIALECT);
    }

    @Override
    public List<Artifact<?>> outputs() {
        return List.of(BUNDLE);
    }

    @Override
    public Map<String, Codec<?>> codecs() {
        return Map.of(BUNDLE.name(), RunFile.CODEC);
    }

    @Override
    public String description() {
        return "write model.bundle: Tribuo model (protobuf), fitted recipe, input schema, metrics, provenance";
    }

    @Override
    public StageResult run(RunContext context) {
        PipelineConfig config = context.config();
        if (!config.section(DeployConfig.class).bundle()) {
            return StageResult.of(name(), "skipped (deploy.bundle is false)", List.of(), DeploymentRecord.skippedRun());
        }
        Bundle bundle = bundle(context);
        byte[] bytes = bundle.toBytes();
        context.put(BUNDLE, new RunFile(BUNDLE_FILE, bytes));

        Manifest m = bundle.manifest();
        List<String> details = new ArrayList<>();
        details.add("needs columns " + m.requiredColumns());
        details.add("replays " + bundle.recipe().steps().size() + " fitted steps, then " + m.model()
                + (m.threshold() == null ? "" : ", then labels by the " + m.threshold().describe(m.target())));
        details.add("score new rows: workbench predict --model " + BUNDLE_FILE + " --input new.csv");
        details.add("compare new rows with the " + bundle.profile().rows() + " training rows: workbench drift --model "
                + BUNDLE_FILE + " --input new.csv");
        String summary = String.format(Locale.ROOT, "wrote %s (%.1f KB): %s with %d fitted steps, needs %d input columns",
                BUNDLE_FILE, bytes.length / 1024.0, m.model(), bundle.recipe().steps().size(),
                m.requiredColumns().size())
                + (m.threshold() == null ? "" : "; " + m.threshold().onProbability(m.target()));
        List<PartialDependence> curves = partialDependence(context, bundle, details);
        return StageResult.of(name(), summary, details, DeploymentRecord.wrote(BUNDLE_FILE, bytes.length,
                m.requiredColumns(), curves));
    }

    /** The curves {@code deploy.partial_dependence} asks for (null when it is 0), on the training rows. */
    private static List<PartialDependence> partialDependence(RunContext context, Bundle bundle, List<String> details) {
        int columns = context.config().section(DeployConfig.class).partialDependence();
        if (columns == 0) {
            return null;
        }
        if (bundle.model().task() == org.workbench.data.Task.CLUSTERING) {
            return null; // clusters have no score to average
        }
        List<PartialDependence> curves = PartialDependence.top(bundle, context.get(CollectionStage.RAW_TRAIN).features(),
                bundle.manifest().requiredColumns(), columns);
        details.add("partial dependence for report.html: " + String.join(", ", curves.stream().map(PartialDependence::column).toList())
                + " (the columns the predictions move most with, over " + (curves.isEmpty() ? 0 : curves.get(0).rows())
                + " training rows)");
        return curves;
    }

    /** Assembles the bundle of the model the run ends with ({@link FinalModel}: tuned, thresholded or as configured). */
    public static Bundle bundle(RunContext context) {
        FinalModel chosen = FinalModel.find(context).orElseThrow(() -> new IllegalStateException(
                "no final model: the evaluation stage must run first"));
        PipelineConfig config = chosen.config();
        Problem problem = context.get(DefinitionStage.PROBLEM);
        DataSource source = context.get(CollectionStage.SOURCE);
        List<String> required = source.columns().stream().map(DataSource.InputColumn::name)
                .filter(c -> !config.section(PreprocessConfig.class).drop().contains(c)).toList();
        // the dialect the training file was actually read with (sniffed or configured)
        CsvDialect dialect = context.find(DefinitionStage.CSV_DIALECT)
                .orElseGet(() -> CsvSource.load(config.section(DataConfig.class)).dialect());
        Manifest manifest = new Manifest(Manifest.FORMAT, config.name(), problem.task().label(), problem.target(),
                problem.classes(), problem.positiveClass(), chosen.model(), source.columns(), required,
                config.section(DataConfig.class).missingValues(), String.valueOf(dialect.delimiter()),
                String.valueOf(config.section(DataConfig.class).quote()), config.section(DataConfig.class).header(), String.valueOf(dialect.decimal()),
                dialect.toMap().get("thousands").toString(), dialect.encoding().name(), chosen.test(), source.file(),
                source.sha256(), config.seed(), Versions.all(), config.resolved(), chosen.threshold());
        return new Bundle(manifest, chosen.recipe(), chosen.trainedModel(), profile(context, chosen, required));
    }

    /** The training rows' profile (never the test rows'), for drift checks on rows scored later. */
    private static TrainingProfile profile(RunContext context, FinalModel chosen, List<String> required) {
        Frame rawTrain = context.get(CollectionStage.RAW_TRAIN);
        Predictions train = chosen.trainingPredictions(rawTrain);
        // the number columns as the collection stage summarised them while sorting them for its profile
        Map<String, BinnedSample> sorted = context.find(CollectionStage.TRAINING_NUMBERS).map(TrainingNumbers::columns).orElse(Map.of());
        return TrainingProfile.of(rawTrain.features(), required, train, sorted);
    }
}
