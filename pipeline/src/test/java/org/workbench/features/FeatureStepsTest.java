package org.workbench.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.workbench.recipe.Step;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/** The feature recipe built from its config section: step order and per-column encoders. */
class FeatureStepsTest {
    @Test
    void perColumnEncodingsFromConfig() {
        FeaturesConfig config = new FeaturesConfig("target", Map.of("Sex", "onehot"), 0, 0, true, Map.of(),
                new FeaturesConfig.TargetEncoding(5, 10, 42), List.of(new DeriveColumns.Derived("F", "a + b")),
                Map.of("a", "log1p"), Map.of("b", 3), "quantile", new FeaturesConfig.Polynomial(2, List.of(), false),
                new FeaturesConfig.Dates(List.of("d"), List.of("year"), ""));
        List<String> names = FeatureSteps.from(config).steps().stream().map(Step::name).toList();
        assertEquals(List.of("dates", "derive", "transform", "bin", "polynomial", "onehot", "target_encode"), names);
        assertEquals(new OneHotEncoder(0, CategoricalColumns.only(List.of("Sex"))), FeatureSteps.from(config).steps().get(5));
        assertEquals(new TargetEncoder(CategoricalColumns.except(List.of("Sex")), 5, 10, 42),
                FeatureSteps.from(config).steps().get(6));
        Table t = Table.create("t", DoubleColumn.create("x", 1, 2));
        assertEquals(List.of(), new FrequencyEncoder(CategoricalColumns.ALL).fit(t).columns());
    }

    @Test
    void configBuildsOneEncoder() {
        assertEquals(List.of(new OneHotEncoder()), FeatureSteps.from(new FeaturesConfig("onehot")).steps());
    }
}
