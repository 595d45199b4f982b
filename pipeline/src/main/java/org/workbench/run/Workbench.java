package org.workbench.run;

import java.util.List;
import org.workbench.collection.CollectionStage;
import org.workbench.stage.Pipeline;
import org.workbench.definition.DefinitionStage;
import org.workbench.deployment.DeploymentStage;
import org.workbench.evaluation.EvaluationStage;
import org.workbench.features.FeaturesStage;
import org.workbench.preprocessing.PreprocessingStage;
import org.workbench.selection.SelectionStage;
import org.workbench.training.TrainingStage;
import org.workbench.tuning.TuningStage;

/** The nine stages, in order. */
public final class Workbench {
    private Workbench() {
    }

    public static Pipeline pipeline() {
        return new Pipeline(List.of(new DefinitionStage(Preflight.CHECK), new CollectionStage(), new PreprocessingStage(),
                new FeaturesStage(), new SelectionStage(), new TrainingStage(), new EvaluationStage(),
                new TuningStage(), new DeploymentStage()));
    }
}
