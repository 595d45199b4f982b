package org.workbench.evaluation;

import java.util.Map;
import java.util.Optional;
import org.workbench.config.PipelineConfig;
import org.workbench.core.Artifact;
import org.workbench.stage.RunContext;
import org.workbench.data.Frame;
import org.workbench.data.Predictions;
import org.workbench.definition.Problem;
import org.workbench.recipe.ApplyLog;
import org.workbench.recipe.FittedRecipe;
import org.workbench.training.Candidate;
import org.workbench.training.TrainedModel;
import tech.tablesaw.api.Table;
import org.workbench.collection.CollectionStage;
import org.workbench.training.TrainingStage;
import org.workbench.definition.DefinitionStage;
import org.workbench.recipe.RecipeStage;
import org.workbench.table.DataConfig;
import org.workbench.models.TrainConfig;

/**
 * The model a run ends with, decided in one place: the configured model as the evaluation scored
 * it, or the setting tuning adopted. The bundle ships it, {@code predictions.csv} writes its
 * predictions, the run's headline leads with its test metrics and {@code metrics.json} records them
 * in its {@code final} block.
 *
 * <p>{@code threshold} is null unless a decision threshold was chosen (binary problems). The test
 * predictions and metrics have it applied. {@code trainPredictions} are the training rows'
 * predictions, threshold applied, when they were already made as the bundle makes them from the raw
 * rows (by the evaluation, or by tuning choosing a threshold in-sample), else null. Each row is
 * predicted once per final model: {@code predictions.csv} reuses both.
 */
public record FinalModel(String model, boolean tuned, PipelineConfig config, Candidate candidate, FittedRecipe recipe,
                         TrainedModel trainedModel, DecisionThreshold threshold, Predictions testPredictions,
                         TrainingPredictions train, Map<String, Double> test) {

    public FinalModel {
        train = train == null ? new TrainingPredictions(null) : train;
    }

    /** The training rows' predictions when the evaluation or tuning already made them as the bundle would, else null. */
    public Predictions trainPredictions() {
        return train.known();
    }

    /**
     * The raw training rows' predictions as the bundle makes them (threshold applied): the ones the
     * evaluation or tuning made when they are exactly these, else predicted here once and kept, so the
     * training profile and predictions.csv share one pass.
     */
    public Predictions trainingPredictions(Frame rawTrain) {
        return train.get(() -> predict(rawTrain.features(), new ApplyLog()));
    }

    /** A memo of the training rows' predictions: filled at most once, by whichever reader comes first. */
    public static final class TrainingPredictions {
        private Predictions value;

        TrainingPredictions(Predictions known) {
            this.value = known;
        }

        synchronized Predictions known() {
            return value;
        }

        synchronized Predictions get(java.util.function.Supplier<Predictions> predict) {
            if (value == null) {
                value = predict.get();
            }
            return value;
        }
    }

    /**
     * The setting tuning adopted, when it adopted one. The key lives here, beside the one accessor that
     * reads it, because the tuning stage that writes it sits above this package.
     */
    public static final Artifact<FinalModel> ADOPTED_MODEL = new Artifact<>("adopted_model", FinalModel.class, "tuning");

    /** Replays the fitted recipe on raw rows, predicts and applies the threshold: what the bundle does. */
    public Predictions predict(Table rawFeatures, ApplyLog log) {
        return DecisionThreshold.apply(threshold, trainedModel.predict(recipe.apply(rawFeatures, log)));
    }

    /**
     * The model the run ends with, decided here and nowhere else: the setting tuning adopted when
     * there is one, else the configured model as the evaluation scored it; empty before the evaluation.
     * A stage that calls this declares both keys among its inputs.
     */
    public static Optional<FinalModel> find(RunContext context) {
        return context.find(ADOPTED_MODEL).or(() -> context.find(EvaluationStage.EVALUATED_MODEL));
    }

    /**
     * The configured model as the evaluation scored it. Its predictions are reused: the test rows'
     * always (the recipe applied to them is what the bundle replays), the training rows'
     * ({@code trainAsApplied}, null when there are none) only when they are what the bundle predicts
     * for the raw training rows.
     */
    public static FinalModel evaluated(RunContext context, Evaluation evaluation, Predictions trainAsApplied) {
        PipelineConfig config = context.config();
        Problem problem = context.get(DefinitionStage.PROBLEM);
        DecisionThreshold threshold = evaluation.threshold() == null ? null
                : evaluation.threshold().decision(problem.positiveClass());
        Map<String, Double> test = evaluation.threshold() == null ? evaluation.test() : evaluation.threshold().test();
        return new FinalModel(modelName(config, problem), false, config, Candidate.from(config, problem.task()),
                context.get(RecipeStage.PREPARED).fitted(), context.get(TrainingStage.MODEL), threshold,
                DecisionThreshold.apply(threshold, evaluation.testPredictions()),
                new TrainingPredictions(trainAsApplied == null ? null : DecisionThreshold.apply(threshold, trainAsApplied)), test);
    }

    /**
     * The setting tuning adopted, refitted on the whole training split: its threshold is chosen again
     * the way the evaluation chose the configured one, then the test rows are predicted and scored once.
     */
    public static FinalModel adopted(RunContext context, PipelineConfig tuned, Candidate candidate, Candidate.Fitted fitted) {
        Problem problem = context.get(DefinitionStage.PROBLEM);
        Frame rawTrain = context.get(CollectionStage.RAW_TRAIN);
        Frame rawTest = context.get(CollectionStage.RAW_TEST);
        Predictions scored = fitted.predict(rawTest.features());
        // the training rows are predicted only if the threshold is chosen on them; then predictions.csv reuses them
        Predictions[] train = new Predictions[1];
        DecisionThreshold threshold = Thresholds.forAdopted(tuned.section(EvaluateConfig.class), tuned.section(DataConfig.class).split().stratify(), tuned.seed(),
                problem, candidate, () -> train[0] = fitted.predict(rawTrain.features()), rawTrain, scored);
        Predictions test = DecisionThreshold.apply(threshold, scored);
        Map<String, Double> metrics = Scoring.headline(problem, rawTest.target(), test, context.config().section(EvaluateConfig.class).metrics());
        return new FinalModel(modelName(tuned, problem), true, tuned, candidate, fitted.recipe(), fitted.model(), threshold,
                test, new TrainingPredictions(train[0] == null ? null : DecisionThreshold.apply(threshold, train[0])), metrics);
    }

    /**
     * A final model in the stage cache: its config as a tree (the running config itself when the trees
     * are equal; a tuned setting's is parsed again) and the candidate made from it; the recipe as the
     * bundle's JSON, the model as Tribuo protobuf, the predictions in binary, the metrics as JSON.
     */
    public static final org.workbench.stage.Codec<FinalModel> CODEC = new org.workbench.stage.Codec<>() {
        @Override
        public void write(FinalModel m, java.io.DataOutputStream out) throws java.io.IOException {
            out.writeUTF(m.model());
            out.writeBoolean(m.tuned());
            org.workbench.stage.Codec.config().write(m.config(), out);
            org.workbench.data.TableCodec.writeString(out, org.workbench.training.AllSteps.JSON.toJson(m.recipe()));
            TrainingStage.MODEL_CODEC.write(m.trainedModel(), out);
            org.workbench.stage.Codec.writeJson(out, m.threshold());
            org.workbench.data.TableCodec.writePredictions(out, m.testPredictions());
            org.workbench.data.TableCodec.writePredictions(out, m.trainPredictions());
            org.workbench.stage.Codec.writeJson(out, m.test());
        }

        @Override
        @SuppressWarnings("unchecked")
        public FinalModel read(java.io.DataInputStream in, PipelineConfig config) throws java.io.IOException {
            String model = in.readUTF();
            boolean tuned = in.readBoolean();
            PipelineConfig own = org.workbench.stage.Codec.config().read(in, config);
            FittedRecipe recipe = org.workbench.training.AllSteps.JSON.fromJson(org.workbench.data.TableCodec.readString(in));
            TrainedModel trained = TrainingStage.MODEL_CODEC.read(in, config);
            DecisionThreshold threshold = org.workbench.stage.Codec.readJson(in, DecisionThreshold.class);
            Predictions test = org.workbench.data.TableCodec.readPredictions(in);
            Predictions train = org.workbench.data.TableCodec.readPredictions(in);
            Map<String, Double> metrics = org.workbench.stage.Codec.readJson(in, java.util.LinkedHashMap.class);
            return new FinalModel(model, tuned, own, Candidate.from(own, trained.task()), recipe, trained, threshold,
                    test, new TrainingPredictions(train), metrics);
        }
    };

    private static String modelName(PipelineConfig config, Problem problem) {
        return config.section(TrainConfig.class).model().equals("auto") ? problem.model() : config.section(TrainConfig.class).model();
    }
}
