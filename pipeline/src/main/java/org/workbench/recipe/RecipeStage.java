package org.workbench.recipe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.workbench.config.PipelineConfig;
import org.workbench.stage.RunContext;
import org.workbench.stage.Stage;
import org.workbench.stage.StageResult;
import org.workbench.data.Frame;
import org.workbench.core.Artifact;
import org.workbench.data.TableCodec;
import org.workbench.stage.Codec;

/**
 * Shared behaviour of the stages that add steps to the recipe (preprocessing, features,
 * selection): fit the new steps on the training split only, apply them to both splits, and
 * append them to the fitted recipe the bundle replays. Each reads its predecessor's
 * {@link Prepared} and writes its own; the last writes {@link #PREPARED}.
 */
public abstract class RecipeStage implements Stage {
    /** The splits after the last recipe stage: what training and evaluation read. */
    public static final Artifact<Prepared> PREPARED = new Artifact<>("prepared", Prepared.class, "selection");

    /**
     * The training and test splits after the recipe stages so far, and the steps they fitted, in
     * order. {@code trainAsApplied} is true when {@code train} is exactly {@code fitted} applied to
     * the raw training rows (no step dropped a training row or encoded it out of fold), so predictions
     * on {@code train} are what the bundle predicts for those rows.
     */
    public record Prepared(Frame train, Frame test, FittedRecipe fitted, boolean trainAsApplied) {
        /** The raw splits, before any step. */
        public static Prepared raw(Frame train, Frame test) {
            return new Prepared(train, test, new FittedRecipe(List.of()), true);
        }
    }

    /** Writes this stage's fitted steps into its record; it knows only this stage's step types. */
    private final StepJson json;
    /** Reads and writes the whole recipe so far, for the stage cache. */
    private final StepJson recipeJson;
    /** What this stage continues from: the previous recipe stage's output, or (the first stage) the raw splits. */
    private final Artifact<Prepared> previous;
    private final Artifact<Frame> rawTrain;
    private final Artifact<Frame> rawTest;
    private final Artifact<Prepared> output;

    /**
     * A stage that continues from the previous recipe stage's {@code previous} output; {@code earlierTypes}
     * are the fitted step types of the stages before it (the recipe it writes holds them too).
     */
    protected RecipeStage(List<StepJson.Type> fittedTypes, List<StepJson.Type> earlierTypes, Artifact<Prepared> previous,
                          Artifact<Prepared> output) {
        this(fittedTypes, earlierTypes, previous, null, null, output);
    }

    /** The first recipe stage: it starts from the raw training and test splits. */
    protected RecipeStage(List<StepJson.Type> fittedTypes, Artifact<Frame> rawTrain, Artifact<Frame> rawTest,
                          Artifact<Prepared> output) {
        this(fittedTypes, List.of(), null, rawTrain, rawTest, output);
    }

    private RecipeStage(List<StepJson.Type> fittedTypes, List<StepJson.Type> earlierTypes, Artifact<Prepared> previous,
                        Artifact<Frame> rawTrain, Artifact<Frame> rawTest, Artifact<Prepared> output) {
        this.json = StepJson.of(fittedTypes);
        this.recipeJson = StepJson.of(earlierTypes, fittedTypes);
        this.previous = previous;
        this.rawTrain = rawTrain;
        this.rawTest = rawTest;
        this.output = output;
    }

    /** The unfitted steps this stage contributes for the given config (may be empty). */
    public abstract Recipe steps(PipelineConfig config);

    @Override
    public final List<Artifact<?>> inputs() {
        return previous != null ? List.of(previous) : List.of(rawTrain, rawTest);
    }

    @Override
    public final List<Artifact<?>> outputs() {
        return List.of(output);
    }

    /** Both splits as tables, the recipe so far as its JSON (what bundles replay), and the flag. */
    @Override
    public final Map<String, Codec<?>> codecs() {
        return Map.of(output.name(), Codec.<Prepared>of((out, p) -> {
            TableCodec.writeFrame(out, p.train());
            TableCodec.writeFrame(out, p.test());
            TableCodec.writeString(out, recipeJson.toJson(p.fitted()));
            out.writeBoolean(p.trainAsApplied());
        }, in -> new Prepared(TableCodec.readFrame(in), TableCodec.readFrame(in), recipeJson.fromJson(TableCodec.readString(in)),
                in.readBoolean())));
    }

    /** The splits and fitted steps this stage writes. */
    public final Artifact<Prepared> output() {
        return output;
    }

    /** A decision about this stage's steps the user should read on its line (null: none). */
    protected String note(PipelineConfig config) {
        return null;
    }

    @Override
    public final StageResult run(RunContext context) {
        Prepared before = previous != null ? context.get(previous) : Prepared.raw(context.get(rawTrain), context.get(rawTest));
        Frame train = before.train();
        Recipe recipe = steps(context.config());
        Recipe.Fit fit = recipe.fit(train);
        FittedRecipe fitted = fit.recipe();
        ApplyLog testLog = new ApplyLog();
        Frame newTrain = fit.train();
        Frame newTest = before.test().withFeatures(fitted.apply(before.test().features(), testLog));
        context.put(output, new Prepared(newTrain, newTest, before.fitted().then(fitted), before.trainAsApplied() && fit.asApplied()));

        List<String> details = new ArrayList<>();
        for (FittedStep step : fitted.steps()) {
            details.add(step.name() + ": " + step.summary());
        }
        if (newTrain.rows() != train.rows()) {
            details.add("training rows: " + train.rows() + " -> " + newTrain.rows()
                    + " (rows are dropped from the training split only)");
        }
        if (!testLog.isEmpty()) {
            details.add("on the test split: " + testLog);
        }
        String summary = fitted.steps().isEmpty()
                ? "no steps configured; " + train.features().columnCount() + " features pass through"
                : String.format(Locale.ROOT, "fitted %d step%s (%s) on %d training rows; %d -> %d features",
                        fitted.steps().size(), fitted.steps().size() == 1 ? "" : "s",
                        String.join(", ", fitted.steps().stream().map(FittedStep::name).toList()),
                        train.rows(), train.features().columnCount(), newTrain.features().columnCount());
        String note = note(context.config());
        if (note != null) {
            summary += "; " + note;
        }
        return StageResult.of(name(), summary, details, new RecipeRecord(RecipeRecord.FittedSteps.of(json.toTree(fitted)), train.features().columnCount(),
                newTrain.features().columnCount(), train.rows(), newTrain.rows() != train.rows() ? newTrain.rows() : null,
                testLog.isEmpty() ? null : testLog.counts()));
    }
}
