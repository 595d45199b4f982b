package org.workbench.deployment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
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
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            put(zip, MANIFEST, Json.write(manifest).getBytes(StandardCharsets.UTF_8));
            put(zip, RECIPE, AllSteps.JSON.toJson(recipe).getBytes(StandardCharsets.UTF_8));
            put(zip, MODEL, model.toBytes());
            put(zip, PROVENANCE, model.provenanceJson().getBytes(StandardCharsets.UTF_8));
            if (profile != null) {
                put(zip, PROFILE, Json.write(profile).getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot build bundle: " + e.getMessage(), e);
        }
        Json.writeAtomically(file, bytes.toByteArray());
    }

    public static Bundle read(Path file) {
        Map<String, byte[]> entries = new HashMap<>();
        try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries.put(e.getName(), zip.readAllBytes());
            }
        } catch (NoSuchFileException e) {
            throw new InputException(file + ": model bundle not found");
        } catch (ZipException e) {
            throw new InputException(file + ": not a model bundle (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new InputException(file + ": cannot read model bundle: " + e.getMessage());
        }
        for (String required : new String[] {MANIFEST, RECIPE, MODEL}) {
            if (!entries.containsKey(required)) {
                throw new InputException(file + ": not a model bundle (no " + required + " inside)");
            }
        }
        try {
            Manifest manifest = Json.MAPPER.readValue(entries.get(MANIFEST), Manifest.class);
            if (manifest.format() != Manifest.FORMAT) {
                throw new InputException(file + ": bundle format " + manifest.format() + " is not supported (expected "
                        + Manifest.FORMAT + ")");
            }
            FittedRecipe recipe = AllSteps.JSON.fromJson(new String(entries.get(RECIPE), StandardCharsets.UTF_8));
            TrainedModel model = TrainedModel.fromBytes(entries.get(MODEL), Task.valueOf(manifest.task().toUpperCase(Locale.ROOT)));
            TrainingProfile profile = entries.containsKey(PROFILE)
                    ? Json.MAPPER.readValue(entries.get(PROFILE), TrainingProfile.class) : null;
            return new Bundle(manifest, recipe, model, profile);
        } catch (IOException e) {
            throw new InputException(file + ": damaged model bundle: " + e.getMessage());
        }
    }

    private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(0); // fixed timestamps: the same model gives the same bytes
        zip.putNextEntry(entry);
        zip.write(content);
        zip.closeEntry();
    }
}
