package org.workbench.run;

import org.workbench.collection.DataProfile;
import org.workbench.config.PipelineConfig;
import org.workbench.core.Artifact;
import org.workbench.data.Frame;
import org.workbench.data.Split;
import org.workbench.definition.Problem;
import org.workbench.evaluation.Evaluation;
import org.workbench.recipe.FittedRecipe;
import org.workbench.recipe.Recipe;
import org.workbench.training.TrainedModel;

/**
 * Everything one stage hands to a later one, in stage order. Reading this list is the quickest way
 * to see the data flow of a run.
 */
public final class Artifacts {
    private Artifacts() {
    }

    public static final Artifact<Problem> PROBLEM = new Artifact<>("problem", Problem.class, "definition");
    /** The CSV as read, every column: read once by the definition stage, profiled and split by collection. */
    public static final Artifact<tech.tablesaw.api.Table> RAW_TABLE = new Artifact<>("raw_table", tech.tablesaw.api.Table.class, "definition");
    /** How RAW_TABLE was read (dialect), with the read's data warnings and notes. */
    public static final Artifact<org.workbench.collection.CsvSource.CsvRead> CSV_READ = new Artifact<>("csv_read", org.workbench.collection.CsvSource.CsvRead.class, "definition");
    public static final Artifact<DataSource> SOURCE = new Artifact<>("source", DataSource.class, "collection");
    public static final Artifact<DataProfile> PROFILE = new Artifact<>("profile", DataProfile.class, "collection");
    /** Every row with a target, raw. */
    public static final Artifact<Frame> ALL_ROWS = new Artifact<>("all_rows", Frame.class, "collection");
    /** The training split, raw: what cross-validation and tuning refit the recipe on. */
    public static final Artifact<Frame> RAW_TRAIN = new Artifact<>("raw_train", Frame.class, "collection");
    public static final Artifact<Frame> RAW_TEST = new Artifact<>("raw_test", Frame.class, "collection");
    /** For each row of ALL_ROWS, its 1-based data row number in the file (rows without target are skipped). */
    public static final Artifact<int[]> ROW_NUMBERS = new Artifact<>("row_numbers", int[].class, "collection");
    /** Indices into ALL_ROWS of the training and test splits. */
    public static final Artifact<Split> SPLIT = new Artifact<>("split", Split.class, "collection");
    /** The training split after the steps fitted so far. */
    public static final Artifact<Frame> TRAIN = new Artifact<>("train", Frame.class, "collection");
    public static final Artifact<Frame> TEST = new Artifact<>("test", Frame.class, "collection");
    /**
     * True when TRAIN is exactly FITTED_RECIPE applied to RAW_TRAIN (no training row dropped or
     * encoded out of fold), so predictions on TRAIN are what the bundle predicts for those rows.
     */
    public static final Artifact<Boolean> TRAIN_AS_APPLIED = new Artifact<>("train_as_applied", Boolean.class, "preprocessing");
    /** The unfitted steps so far (refitted per cross-validation fold) and their fitted form. */
    public static final Artifact<Recipe> RECIPE = new Artifact<>("recipe", Recipe.class, "preprocessing");
    public static final Artifact<FittedRecipe> FITTED_RECIPE = new Artifact<>("fitted_recipe", FittedRecipe.class, "preprocessing");
    public static final Artifact<TrainedModel> MODEL = new Artifact<>("model", TrainedModel.class, "training");
    /**
     * TRAIN as the Tribuo examples MODEL learned from: the evaluation scores them without converting
     * again, then drops them.
     */
    public static final Artifact<org.workbench.training.TribuoRows> TRAINING_ROWS =
            new Artifact<>("training_rows", org.workbench.training.TribuoRows.class, "training");
    public static final Artifact<Evaluation> EVALUATION = new Artifact<>("evaluation", Evaluation.class, "evaluation");
    /**
     * The model the run ends with, decided once: put by the evaluation, replaced by tuning when it
     * adopts a setting. The bundle, predictions.csv, the headline and metrics.json read only this.
     */
    public static final Artifact<FinalModel> FINAL_MODEL = new Artifact<>("final_model", FinalModel.class, "evaluation");
    /** The config of the setting tuning adopted, when it beat the configured one. */
    public static final Artifact<PipelineConfig> TUNED_CONFIG = new Artifact<>("tuned_config", PipelineConfig.class, "tuning");
    /** Where this run's outputs are being written (a temporary folder until the run succeeds). */
    public static final Artifact<java.nio.file.Path> RUN_DIR = new Artifact<>("run_dir", java.nio.file.Path.class, "runner");
}
