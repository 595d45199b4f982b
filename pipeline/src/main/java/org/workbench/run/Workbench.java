package org.workbench.run;

import java.util.ArrayList;
import java.util.List;
import org.workbench.collection.CollectionStage;
import org.workbench.core.Artifact;
import org.workbench.definition.DefinitionStage;
import org.workbench.deployment.DeploymentStage;
import org.workbench.evaluation.EvaluationStage;
import org.workbench.evaluation.FinalModel;
import org.workbench.stage.Pipeline;
import org.workbench.stage.RunContext;
import org.workbench.stage.RunFile;
import org.workbench.stage.Stage;
import org.workbench.training.RecipeStages;
import org.workbench.training.TrainingStage;
import org.workbench.tuning.TuningProgress;
import org.workbench.tuning.TuningStage;

/** The nine stages, in order, and what their caller supplies before a run and reads after it. */
public final class Workbench {
    /**
     * Put into the context before the run by the runner (the run folder; the data file's hash when it
     * hashed the file for the stage cache) and the command line (a progress display).
     */
    static final List<Artifact<?>> SUPPLIED = List.of(RunContext.RUN_DIR, TuningProgress.KEY, CollectionStage.FILE_SHA256);
    /**
     * Read after the run (run.json, metrics.json, predictions.csv, report.md, the headline), so never
     * released: everything else is released after the last stage that reads it.
     */
    static final List<Artifact<?>> READ_AFTER_RUN = List.of(DefinitionStage.PROBLEM, CollectionStage.SOURCE,
            CollectionStage.TARGETS, CollectionStage.SPLIT, CollectionStage.ROW_NUMBERS, CollectionStage.RAW_TRAIN,
            CollectionStage.RAW_TEST, EvaluationStage.EVALUATION, EvaluationStage.EVALUATED_MODEL, FinalModel.ADOPTED_MODEL,
            TuningStage.TUNED_YAML_FILE, DeploymentStage.BUNDLE);
    /**
     * What is read after a run whose every stage was restored and whose files are copied from the
     * cache: run.json's data file, the problem for the terminal's headline (its numbers are in the
     * evaluation stage's record), and the files stages made.
     */
    static final List<Artifact<?>> READ_AFTER_REUSED_RUN = List.of(DefinitionStage.PROBLEM, CollectionStage.SOURCE,
            TuningStage.TUNED_YAML_FILE, DeploymentStage.BUNDLE);
    /** The files stages make for the run folder, which the run writes there. */
    static final List<Artifact<RunFile>> RUN_FILES = List.of(TuningStage.TUNED_YAML_FILE, DeploymentStage.BUNDLE);

    private Workbench() {
    }

    public static Pipeline pipeline() {
        List<Stage> stages = new ArrayList<>(List.of(new DefinitionStage(Preflight.CHECK), new CollectionStage()));
        stages.addAll(RecipeStages.all());
        stages.addAll(List.of(new TrainingStage(), new EvaluationStage(), new TuningStage(), new DeploymentStage()));
        return new Pipeline(stages, SUPPLIED, READ_AFTER_RUN);
    }

    /** The run's first two stages, as {@code workbench validate} runs them: nothing fitted, nothing written. */
    public static Pipeline checks() {
        return new Pipeline(List.of(new DefinitionStage(Preflight.CHECK), new CollectionStage()), List.of(CollectionStage.FILE_SHA256),
                List.of(DefinitionStage.RAW_TABLE, DefinitionStage.CSV_READ, DefinitionStage.PROBLEM));
    }
}
