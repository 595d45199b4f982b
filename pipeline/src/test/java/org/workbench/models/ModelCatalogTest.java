package org.workbench.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.tribuo.Trainer;
import org.workbench.config.ConfigException;
import org.workbench.config.Key;
import org.workbench.core.InputException;
import org.workbench.data.Task;

class ModelCatalogTest {

    private static ObjectNode params() {
        return JsonNodeFactory.instance.objectNode();
    }

    @Test
    void listsTheFoundationModelsPerTask() {
        assertEquals(List.of("baseline", "logistic_regression", "linear_svm", "svm", "decision_tree", "random_forest",
                "extra_trees", "knn", "naive_bayes", "xgboost"),
                ModelCatalog.forTask(Task.CLASSIFICATION).stream().map(ModelSpec::name).toList());
        assertEquals(List.of("baseline", "linear_regression", "least_squares", "ridge", "lasso", "elastic_net",
                "decision_tree", "random_forest", "knn", "xgboost"),
                ModelCatalog.forTask(Task.REGRESSION).stream().map(ModelSpec::name).toList());
        assertEquals(List.of("baseline", "kmeans", "hdbscan"),
                ModelCatalog.forTask(Task.CLUSTERING).stream().map(ModelSpec::name).toList());
        assertEquals(23, ModelCatalog.all().size());
        for (ModelSpec spec : ModelCatalog.all()) {
            assertFalse(spec.explanation().isBlank(), spec.name());
            assertTrue(spec.explanation().endsWith("."), spec.name());
        }
    }

    /** Every classifier's declaration is what a fitted model gives, for its default params and for svm without probabilities. */
    @Test
    void probabilityDeclarationsMatchWhatFittedModelsGive() {
        org.workbench.data.Frame iris = org.workbench.training.TestTables.iris();
        tech.tablesaw.api.Table features = org.workbench.training.TestTables.standardised(iris.features());
        // naive Bayes needs counts: shift each standardised column to be >= 0
        for (String name : features.columnNames()) {
            tech.tablesaw.api.DoubleColumn c = features.doubleColumn(name);
            features.replaceColumn(name, c.subtract(c.min()).setName(name));
        }
        List<ObjectNode> cases = new java.util.ArrayList<>();
        for (ModelSpec spec : ModelCatalog.forTask(Task.CLASSIFICATION)) {
            cases.add(params().put("model", spec.name()));
        }
        cases.add(params().put("model", "svm").put("probability", false));
        for (ObjectNode c : cases) {
            ModelSpec spec = ModelCatalog.spec(c.remove("model").asText(), Task.CLASSIFICATION);
            boolean declared = spec.givesProbabilities(c);
            boolean given = org.workbench.training.TrainedModel.train(spec, c, 1L, features, iris.target()).predict(features).hasProbabilities();
            assertEquals(given, declared, spec.name() + " " + c);
        }
        assertFalse(ModelCatalog.spec("linear_svm", Task.CLASSIFICATION).givesProbabilities(params()));
        assertFalse(ModelCatalog.spec("linear_regression", Task.REGRESSION).givesProbabilities(params()));
    }

    @Test
    void defaultsAndAuto() {
        assertEquals("logistic_regression", ModelCatalog.defaultModel(Task.CLASSIFICATION));
        assertEquals("linear_regression", ModelCatalog.defaultModel(Task.REGRESSION));
        assertEquals("linear_regression", ModelCatalog.spec("auto", Task.REGRESSION).name());
        assertEquals(Task.REGRESSION, ModelCatalog.spec("xgboost", Task.REGRESSION).task());
    }

    @Test
    void unknownModelSuggestsTheNearestName() {
        ConfigException e = assertThrows(ConfigException.class, () -> ModelCatalog.spec("xgbost", Task.CLASSIFICATION));
        assertEquals("train.model: 'xgbost' is not a classification model; did you mean 'xgboost'? valid: baseline,"
                + " logistic_regression, linear_svm, svm, decision_tree, random_forest, extra_trees, knn, naive_bayes, xgboost",
                e.getMessage());
        assertEquals("train.model", e.path());
        ConfigException far = assertThrows(ConfigException.class, () -> ModelCatalog.spec("neural_net", Task.REGRESSION));
        assertEquals("train.model: 'neural_net' is not a regression model; valid: baseline, linear_regression,"
                + " least_squares, ridge, lasso, elastic_net, decision_tree, random_forest, knn, xgboost", far.getMessage());
        ConfigException other = assertThrows(ConfigException.class,
                () -> ModelCatalog.spec("logistic_regression", Task.REGRESSION));
        assertEquals("train.model: 'logistic_regression' is not a regression model (it is for classification); valid:"
                + " baseline, linear_regression, least_squares, ridge, lasso, elastic_net, decision_tree, random_forest, knn,"
                + " xgboost", other.getMessage());
    }

    @Test
    void unknownParamWrongTypeAndOutOfRangeNameTheConfigPath() {
        ModelSpec xgb = ModelCatalog.spec("xgboost", Task.CLASSIFICATION);
        InputException unknown = assertThrows(InputException.class, () -> xgb.trainer(params().put("max_dept", 3), 1L));
        assertTrue(unknown.getMessage().startsWith("train.params.max_dept: unknown key; did you mean 'max_depth'? valid keys: trees,"),
                unknown.getMessage());
        InputException type = assertThrows(InputException.class, () -> xgb.trainer(params().put("eta", "fast"), 1L));
        assertEquals("train.params.eta: expected a number, got \"fast\"", type.getMessage());
        InputException range = assertThrows(InputException.class, () -> xgb.trainer(params().put("trees", 0), 1L));
        assertEquals("train.params.trees: expected an integer >= 1, got 0", range.getMessage());
        InputException share = assertThrows(InputException.class, () -> xgb.trainer(params().put("subsample", 1.5), 1L));
        assertEquals("train.params.subsample: expected a fraction 0 < x <= 1, got 1.5", share.getMessage());
        ModelSpec forest = ModelCatalog.spec("random_forest", Task.CLASSIFICATION);
        InputException fraction = assertThrows(InputException.class,
                () -> forest.trainer(params().put("feature_fraction", 1.0), 1L));
        assertEquals("train.params.feature_fraction: expected a fraction 0 < x < 1, got 1.0", fraction.getMessage());
        InputException none = assertThrows(InputException.class,
                () -> ModelCatalog.spec("baseline", Task.CLASSIFICATION).trainer(params().put("epochs", 3), 1L));
        assertEquals("train.params.epochs: unknown key; 'baseline' takes no parameters", none.getMessage());
    }

    @Test
    void resolvedParamsFillEveryDefault() {
        ModelSpec lr = ModelCatalog.spec("logistic_regression", Task.CLASSIFICATION);
        assertEquals("{\"epochs\":5,\"learning_rate\":0.1,\"minibatch\":1}",
                lr.resolvedParams(params().put("epochs", 5)).toString());
        ModelSpec xgb = ModelCatalog.spec("xgboost", Task.REGRESSION);
        ObjectNode resolved = xgb.resolvedParams(params().put("eta", 0.05));
        assertEquals(xgb.params().stream().map(Key::name).toList(), iterable(resolved));
        assertEquals(0.05, resolved.get("eta").doubleValue());
        assertEquals(100, resolved.get("trees").intValue());
        assertEquals(0, resolved.get("threads").intValue()); // 0 = auto, resolved from the table size when training
        assertEquals("hist", resolved.get("tree_method").asText());
        assertEquals("{}", ModelCatalog.spec("baseline", Task.REGRESSION).resolvedParams(null).toString());
    }

    @Test
    void everyCallBuildsAFreshTrainer() {
        for (ModelSpec spec : ModelCatalog.all()) {
            Trainer<?> a = spec.trainer(params(), 7L);
            Trainer<?> b = spec.trainer(params(), 7L);
            assertNotSame(a, b, spec.name());
            assertEquals(a.toString(), b.toString(), spec.name());
        }
        String text = ModelCatalog.spec("xgboost", Task.CLASSIFICATION).trainer(params().put("trees", 7), 3L).toString();
        assertTrue(text.contains("tree_method=hist"), text);
        assertTrue(text.contains("numTrees=7"), text);
    }

    @Test
    void tribuoLoggingIsQuiet() {
        ModelCatalog.all();
        assertEquals(Level.WARNING, Logger.getLogger("org.tribuo").getLevel());
    }

    private static List<String> iterable(ObjectNode node) {
        List<String> out = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
