package org.workbench.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.workbench.config.Key;
import org.workbench.stage.RunContext;
import org.workbench.stage.Stage;
import org.workbench.stage.StageResult;
import org.workbench.data.Frame;
import org.workbench.definition.Problem;
import org.workbench.core.Artifact;
import org.workbench.definition.DefinitionStage;
import org.workbench.recipe.RecipeStage;
import org.workbench.models.ModelCatalog;
import org.workbench.models.ModelSpec;
import org.workbench.models.TrainConfig;

/** Stage 6: trains the chosen Tribuo algorithm on the processed training split. */
public final class TrainingStage implements Stage {
    public static final Artifact<TrainedModel> MODEL = new Artifact<>("model", TrainedModel.class, "training");
    /**
     * The prepared training split as MODEL learned from it (Tribuo examples, or for XGBoost the table's
     * columns): the evaluation scores them without converting again; released after the evaluation.
     */
    public static final Artifact<ModelRows> TRAINING_ROWS = new Artifact<>("training_rows", ModelRows.class, "training");

    @Override
    public String name() {
        return "training";
    }

    @Override
    public Map<String, List<Key>> configKeys() {
        return Map.of("train", TrainConfig.KEYS);
    }

    @Override
    public List<Artifact<?>> inputs() {
        return List.of(DefinitionStage.PROBLEM, RecipeStage.PREPARED);
    }

    @Override
    public List<Artifact<?>> outputs() {
        return List.of(MODEL, TRAINING_ROWS);
    }

    /**
     * The model in Tribuo's own protobuf format (as the bundle stores it). The training rows are not
     * stored: they read back as no rows, and an evaluation that runs again converts the prepared
     * training table instead, which is cheaper than storing Tribuo's dataset (on 800,000 rows x 33
     * features, writing it deflated added about 20 s to a 27 s run; converting takes about 2 s, and
     * nothing for XGBoost, which reads the table's columns).
     */
    @Override
    public Map<String, org.workbench.stage.Codec<?>> codecs() {
        return Map.of(MODEL.name(), MODEL_CODEC, TRAINING_ROWS.name(),
                org.workbench.stage.Codec.<ModelRows>of((out, rows) -> { }, in -> ModelRows.examples(List.of())));
    }

    /** A trained model as its task, Tribuo protobuf bytes and provenance JSON; read back it predicts identically and writes the same bundle. */
    public static final org.workbench.stage.Codec<TrainedModel> MODEL_CODEC = org.workbench.stage.Codec.of((out, model) -> {
        out.writeUTF(model.task().name());
        org.workbench.stage.Codec.writeBytes(out, model.toBytes());
        org.workbench.data.TableCodec.writeString(out, model.provenanceJson());
    }, in -> {
        org.workbench.data.Task task = org.workbench.data.Task.valueOf(in.readUTF());
        byte[] bytes = org.workbench.stage.Codec.readBytes(in);
        return TrainedModel.restored(bytes, task, org.workbench.data.TableCodec.readString(in));
    });

    @Override
    public String description() {
        return "train the chosen algorithm (Tribuo) on the processed training split";
    }

    @Override
    public StageResult run(RunContext context) {
        Problem problem = context.get(DefinitionStage.PROBLEM);
        Frame train = context.get(RecipeStage.PREPARED).train();
        ModelSpec spec = ModelCatalog.spec(problem.model(), problem.task());
        var params = context.config().section(TrainConfig.class).params();
        TrainedModel.Fit fit = TrainedModel.fit(spec, params, context.config().seed(), train.features(), train.target());
        TrainedModel model = fit.model();
        context.put(TrainingStage.MODEL, model);
        context.put(TrainingStage.TRAINING_ROWS, fit.rows());

        List<String> details = new ArrayList<>();
        details.add(spec.name() + ": " + spec.explanation());
        details.add("params: " + spec.resolvedParams(params));
        String summary = String.format(Locale.ROOT, "trained %s on %d rows x %d features in %.2f s",
                spec.name(), train.rows(), train.features().columnCount(), model.trainMillis() / 1000.0);
        return StageResult.of(name(), summary, details, new TrainingRecord(spec.name(), spec.resolvedParams(params), train.rows(),
                train.features().columnCount()));
    }
}
