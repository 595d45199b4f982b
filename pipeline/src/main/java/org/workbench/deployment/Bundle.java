package org.workbench.deployment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.workbench.core.InputException;
import org.workbench.data.Predictions;
import org.workbench.data.Task;
import org.workbench.evaluation.DecisionThreshold;
import org.workbench.recipe.ApplyLog;
import org.workbench.recipe.FittedRecipe;
import org.workbench.core.Json;
import org.workbench.training.AllSteps;
import org.workbench.training.TrainedModel;
import tech.tablesaw.api.Table;

/**
 * A deployable model: one zip file holding the manifest (JSON), the fitted recipe (JSON), the
 * Tribuo model (Tribuo's protobuf format, never Java serialization) and the model's provenance.
 * {@code profile} is the training rows' {@link TrainingProfile} for drift checks; null in bundles
 * written before it existed.
 */
public record Bundle(Manifest manifest, FittedRecipe recipe, TrainedModel model, TrainingProfile profile) {
    static final String MANIFEST = "manifest.json";
    static final String RECIPE = "recipe.json";
    static final String MODEL = "model.tribuo";
    static final String PROVENANCE = "provenance.json";
    static final String PROFILE = "profile.json";

    /** A bundle without a training profile. */
    public Bundle(Manifest manifest, FittedRecipe recipe, TrainedModel model) {
        this(manifest, recipe, model, null);
    }

    /** Replays the fitted recipe on raw feature rows, predicts and applies the decision threshold, if any. */
    public Predictions predict(Table rawFeatures, ApplyLog log) {
        return DecisionThreshold.apply(manifest.threshold(), model.predict(recipe.apply(rawFeatures, log)));
    }

    public void write(Path file) {
        Json.writeAtomically(file, toBytes());
    }

    /** The bundle file's bytes: a zip of its entries, the manifest listing each one's SHA-256 and size. */
    public byte[] toBytes() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(RECIPE, AllSteps.JSON.toJson(recipe).getBytes(StandardCharsets.UTF_8));
        entries.put(MODEL, model.toBytes());
        entries.put(PROVENANCE, model.provenanceJson().getBytes(StandardCharsets.UTF_8));
        if (profile != null) {
            entries.put(PROFILE, Json.write(profile).getBytes(StandardCharsets.UTF_8));
        }
        return BundleZip.write(manifest, entries);
    }

    /**
     * Reads a bundle and checks it: sizes capped while reading, every entry's SHA-256 and the
     * manifest's own against the manifest (format 2 on). A bundle of format 1, written before bundles
     * carried hashes, is read unchecked: {@link #integrityWarning} says so.
     */
    public static Bundle read(Path file) {
        BundleZip.Contents contents = BundleZip.read(file);
        Map<String, byte[]> entries = contents.entries();
        for (String required : new String[] {RECIPE, MODEL}) {
            if (!entries.containsKey(required)) {
                throw new InputException(file + ": not a model bundle (no " + required + " inside)");
            }
        }
        try {
            Manifest manifest = Json.MAPPER.readValue(contents.manifest(), Manifest.class);
            if (manifest.format() < Manifest.OLDEST_FORMAT || manifest.format() > Manifest.FORMAT) {
                throw new InputException(file + ": bundle format " + manifest.format() + " is not supported (expected "
                        + Manifest.OLDEST_FORMAT + " to " + Manifest.FORMAT + ")");
            }
            FittedRecipe recipe = AllSteps.JSON.fromJson(new String(entries.get(RECIPE), StandardCharsets.UTF_8));
            TrainedModel model = TrainedModel.fromBytes(entries.get(MODEL), Task.valueOf(manifest.task().toUpperCase(Locale.ROOT)));
            TrainingProfile profile = entries.containsKey(PROFILE)
                    ? Json.MAPPER.readValue(entries.get(PROFILE), TrainingProfile.class) : null;
            return new Bundle(manifest, recipe, model, profile);
        } catch (IOException | IllegalArgumentException e) {
            throw new InputException(file + ": damaged model bundle: " + e.getMessage());
        } catch (InputException e) {
            throw e.getMessage().startsWith(file.toString()) ? e : new InputException(file + ": " + e.getMessage(), e);
        }
    }

    /** One line for a bundle whose entries could not be checked (format 1, written before bundles carried hashes). */
    public java.util.Optional<String> integrityWarning() {
        return manifest.integrity() != null ? java.util.Optional.empty() : java.util.Optional.of(
                "this bundle (format " + manifest.format() + ") predates entry hashes, so its contents were not checked;"
                        + " run the config again for a checked bundle");
    }

}
