package org.workbench.models;

import static org.workbench.models.Params.atLeast;
import static org.workbench.models.Params.nonNegative;
import static org.workbench.models.Params.positive;

import java.util.List;
import org.tribuo.classification.baseline.DummyClassifierTrainer;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.dtree.impurity.Entropy;
import org.tribuo.classification.dtree.impurity.GiniIndex;
import org.tribuo.classification.dtree.impurity.LabelImpurity;
import org.tribuo.classification.ensemble.VotingCombiner;
import org.tribuo.classification.libsvm.LibSVMClassificationTrainer;
import org.tribuo.classification.libsvm.SVMClassificationType;
import org.tribuo.classification.mnb.MultinomialNaiveBayesTrainer;
import org.tribuo.common.libsvm.KernelType;
import org.tribuo.common.libsvm.SVMParameters;
import org.tribuo.common.tree.ExtraTreesTrainer;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.common.xgboost.XGBoostTrainer.BoosterType;
import org.tribuo.common.xgboost.XGBoostTrainer.LoggingVerbosity;
import org.tribuo.classification.Label;
import org.workbench.config.Key;
import org.workbench.config.Section;
import org.workbench.core.InputException;
import org.workbench.data.Task;

/** The classification algorithms of the catalog. */
final class ClassificationModels {
    private ClassificationModels() {
    }

    private static final List<String> CRITERIA = List.of("gini", "entropy");
    private static final List<Key> TREE_PARAMS = Trees.treeParams(6, CRITERIA);

    private static final List<Key> SVM_PARAMS = List.of(
            Key.choice("kernel", "rbf", List.of("rbf", "linear", "poly", "sigmoid"), "shape of the boundary: rbf bends"
                    + " around groups of points, linear is a flat cut, poly a curved one of the given degree"),
            Key.number("c", 1.0, "cost of a training point on the wrong side: larger fits the training rows more tightly"),
            Key.number("gamma", 0.0, "reach of each point for rbf/poly/sigmoid (larger = more local); 0 = 1 / number of features"),
            Key.integer("degree", 3, "degree of the poly kernel"),
            Key.number("coef0", 0.0, "constant term of the poly and sigmoid kernels"),
            Key.bool("probability", true, "fit class probabilities too (needed for ROC-AUC and log loss; about 5x slower)"));

    private static final List<Key> KNN_PARAMS = List.of(
            Key.integer("k", 5, "neighbours that vote"),
            Key.choice("distance", "l2", List.of("l2", "l1", "cosine"), "l2 = straight-line, l1 = city-block, cosine = angle"),
            Key.integer("threads", 0, "CPU threads for finding neighbours; 0 = auto: all processors from 10,000 training rows, else 1"));

    private static final List<Key> NAIVE_BAYES_PARAMS = List.of(
            Key.number("alpha", 1.0, "smoothing added to every feature count, so an unseen feature is not impossible"));

    static final List<ModelSpec> ALL = List.of(
            new ModelSpec("baseline", Task.CLASSIFICATION,
                    "Always predicts the most frequent training class: the score any real model must beat.",
                    List.of(), (p, seed, data) -> DummyClassifierTrainer.createMostFrequentTrainer())
                    .withProbabilities(ModelSpec.Probabilities.NEVER),
            new ModelSpec("logistic_regression", Task.CLASSIFICATION,
                    "A weighted sum of the features turned into class probabilities; fast, and its weights can be read.",
                    Linear.SGD_PARAMS, (p, seed, data) -> new LinearClassifier(LinearSgd.Objective.LOG_MULTICLASS,
                            Linear.learningRate(p, 1.0), Linear.epochs(p), Linear.minibatch(p), seed)),
            new ModelSpec("linear_svm", Task.CLASSIFICATION,
                    "A straight boundary placed with the widest margin between classes (hinge loss); gives no probabilities.",
                    Linear.SGD_PARAMS, (p, seed, data) -> new LinearClassifier(LinearSgd.Objective.HINGE,
                            Linear.learningRate(p, 1.0), Linear.epochs(p), Linear.minibatch(p), seed))
                    .withProbabilities(ModelSpec.Probabilities.NEVER),
            new ModelSpec("svm", Task.CLASSIFICATION,
                    "A support vector machine (LibSVM): the widest-margin boundary, bent by a kernel; scale the features first.",
                    SVM_PARAMS, (p, seed, data) -> svm(p, seed, data)).withProbabilities(p -> p.bool("probability")),
            new ModelSpec("decision_tree", Task.CLASSIFICATION,
                    "A flowchart of yes/no questions about single features; easy to read, overfits when deep.",
                    TREE_PARAMS, (p, seed, data) -> cart(p, 1f, false, seed)),
            new ModelSpec("random_forest", Task.CLASSIFICATION,
                    "Many decision trees, each on a bootstrap sample and random feature subsets, voting together.",
                    Trees.ensembleParams(CRITERIA, 0.5, Trees.FOREST_FRACTION), (p, seed, data) -> new RandomForestTrainer<>(
                            cart(p, Trees.featureFraction(p), false, seed), new VotingCombiner(), atLeast(p, "trees", 1), seed)),
            new ModelSpec("extra_trees", Task.CLASSIFICATION,
                    "Like a random forest, but each split point is drawn at random: faster, and often as accurate.",
                    Trees.ensembleParams(CRITERIA, 1.0, Trees.EXTRA_FRACTION), (p, seed, data) -> new ExtraTreesTrainer<>(
                            cart(p, Trees.featureShare(p), true, seed), new VotingCombiner(), atLeast(p, "trees", 1), seed)),
            new ModelSpec("knn", Task.CLASSIFICATION,
                    "Predicts the majority class of the k most similar training rows; scale the features first.",
                    KNN_PARAMS, (p, seed, data) -> Neighbours.trainer(p, data, new VotingCombiner())),
            new ModelSpec("naive_bayes", Task.CLASSIFICATION,
                    "Multinomial naive Bayes: treats features as independent counts; needs features >= 0 (use scale: minmax).",
                    NAIVE_BAYES_PARAMS, (p, seed, data) -> new MultinomialNaiveBayesTrainer(positive(p, "alpha")),
                    ClassificationModels::countLike),
            new ModelSpec("xgboost", Task.CLASSIFICATION,
                    "Gradient-boosted trees: each new tree corrects the errors of the ones before; often the most accurate on tables.",
                    Trees.XGBOOST_PARAMS, (p, seed, data) -> new XGBoostClassifier(BoosterType.GBTREE,
                            Trees.treeMethod(p), atLeast(p, "trees", 1), positive(p, "eta"), nonNegative(p, "gamma"),
                            atLeast(p, "max_depth", 1), nonNegative(p, "min_child_weight"), Params.share(p, "subsample"),
                            Params.share(p, "colsample"), nonNegative(p, "lambda"), nonNegative(p, "alpha"),
                            Params.threads(p, data), LoggingVerbosity.SILENT, seed)));

    private static CARTClassificationTrainer cart(Section p, float featureFraction, boolean randomSplits, long seed) {
        LabelImpurity impurity = p.choice("criterion").equals("entropy") ? new Entropy() : new GiniIndex();
        return new CARTClassificationTrainer(atLeast(p, "max_depth", 1), (float) nonNegative(p, "min_leaf"), 0f,
                featureFraction, randomSplits, impurity, seed);
    }

    private static LibSVMClassificationTrainer svm(Section p, long seed, ModelSpec.Shape data) {
        SVMParameters<Label> svm = new SVMParameters<>(new SVMClassificationType(SVMClassificationType.SVMMode.C_SVC),
                kernel(p));
        svm.setCost(positive(p, "c"));
        double gamma = nonNegative(p, "gamma");
        svm.setGamma(gamma == 0 ? 1.0 / Math.max(1, data.features()) : gamma);
        svm.setDegree(atLeast(p, "degree", 1));
        svm.setCoeff(p.number("coef0"));
        if (p.bool("probability")) {
            svm.setProbability();
        }
        return new LibSVMClassificationTrainer(svm, seed);
    }

    private static KernelType kernel(Section p) {
        return switch (p.choice("kernel")) {
            case "linear" -> KernelType.LINEAR;
            case "poly" -> KernelType.POLY;
            case "sigmoid" -> KernelType.SIGMOID;
            default -> KernelType.RBF;
        };
    }

    private static void countLike(String feature, double[] values) {
        for (double v : values) {
            if (v < 0) {
                throw new InputException("train.model: naive_bayes needs features >= 0, but '" + feature + "' has " + v
                        + " after preprocessing; set preprocess.scale: minmax");
            }
        }
    }
}
