package org.workbench.run;

import java.util.List;
import java.util.Map;
import org.workbench.collection.CollectionStage;
import org.workbench.core.Pipeline;
import org.workbench.definition.DefinitionStage;
import org.workbench.deployment.DeploymentStage;
import org.workbench.evaluation.EvaluationStage;
import org.workbench.features.FeaturesStage;
import org.workbench.preprocessing.PreprocessingStage;
import org.workbench.selection.SelectionStage;
import org.workbench.training.TrainingStage;
import org.workbench.tuning.TuningStage;

/** The nine stages in order, and the config section each one reads. */
public final class Workbench {
    private Workbench() {
    }

    public static Pipeline pipeline() {
        return new Pipeline(List.of(new DefinitionStage(), new CollectionStage(), new PreprocessingStage(),
                new FeaturesStage(), new SelectionStage(), new TrainingStage(), new EvaluationStage(),
                new TuningStage(), new DeploymentStage()));
    }

    /** Stage name to the config sections documented under it in {@code workbench stages}. */
    public static final Map<String, List<String>> SECTIONS = Map.of(
            "definition", List.of("problem"),
            "collection", List.of("data", "data.split"),
            "preprocessing", List.of("preprocess", "preprocess.impute"),
            "features", List.of("features"),
            "selection", List.of("select"),
            "training", List.of("train"),
            "evaluation", List.of("evaluate"),
            "tuning", List.of("tune"),
            "deployment", List.of("deploy"));
}
