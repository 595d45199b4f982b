package org.workbench.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.workbench.data.Frame;
import org.workbench.data.Predictions;
import org.workbench.data.Target;
import org.workbench.data.Task;
import org.workbench.definition.Problem;
import org.workbench.models.ModelCatalog;
import org.workbench.training.TrainedModel;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

class ImportanceTest {
    @Test
    void oneHotColumnsGroupBackToTheirSourceColumn() {
        assertEquals(Map.of("age", List.of("age"), "sex", List.of("sex=f", "sex=m"), "x=1", List.of("x=1")),
                Importance.groups(List.of("age", "sex=f", "sex=m", "x=1"), List.of("age", "sex")));
    }

    @Test
    void anEnginesOwnValuesAreSummedBySourceColumnLargestFirst() {
        assertEquals(List.of(new Importance.Entry("sex", 0.7, 0), new Importance.Entry("age", 0.25, 0)),
                Importance.ownView(List.of("age", "sex=f", "sex=m"), new double[] {0.25, 0.5, 0.2}, List.of("age", "sex")));
    }

    @Test
    void shufflingAColumnTheModelIgnoresCostsNothing() {
        // the label is "a" exactly when x <= 4; "flat" is 0.5 on every row
        Table features = Table.create("f", DoubleColumn.create("x", 1, 2, 3, 4, 5, 6, 7, 8),
                DoubleColumn.create("flat", 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5));
        Target labels = Target.labels("y", new String[] {"a", "a", "a", "a", "b", "b", "b", "b"});
        TrainedModel tree = TrainedModel.train(ModelCatalog.spec("decision_tree", Task.CLASSIFICATION),
                JsonNodeFactory.instance.objectNode().put("min_leaf", 1.0), 1L, features, labels);
        Problem problem = new Problem("y", Task.CLASSIFICATION, "accuracy", "b", List.of("a", "b"), "decision_tree");
        Importance imp = Importance.compute(tree, new Frame(features, labels), problem, List.of("x", "flat"), 4, 3L);
        assertEquals("x", imp.permutation().get(0).feature());
        assertTrue(imp.permutation().get(0).value() > 0, imp.toString());
        assertEquals(new Importance.Entry("flat", 0.0, 0.0), imp.permutation().get(1));
        // the tree's single split is on x
        assertEquals("x", imp.model().get(0).feature());
        assertTrue(imp.model().get(0).value() > 0);
        assertEquals(0.0, imp.model().get(1).value());
    }

    @Test
    void thresholdsRelabelByThePositiveProbability() {
        double[][] probs = {{0.7, 0.3}, {0.45, 0.55}, {0.2, 0.8}};
        Predictions p = Predictions.classification(new String[] {"no", "yes", "yes"}, probs, List.of("no", "yes"));
        assertEquals(List.of("yes", "yes", "yes"), List.of(Thresholds.apply(p, "yes", 0.3).labels()));
        assertEquals(List.of("no", "no", "yes"), List.of(Thresholds.apply(p, "yes", 0.6).labels()));
        // with "no" as the positive class: p(no) = 0.7, 0.45, 0.2 against 0.4
        assertEquals(List.of("no", "no", "yes"), List.of(Thresholds.apply(p, "no", 0.4).labels()));
    }
}
