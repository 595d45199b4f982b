package org.workbench.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.workbench.run.ConfigLoader;
import org.workbench.config.PipelineConfig;
import org.workbench.config.Yaml;
import org.workbench.core.InputException;
import org.workbench.preprocessing.PreprocessConfig;
import org.workbench.selection.SelectConfig;
import org.workbench.tuning.TuneConfig;

/** The preprocess, features and select sections as parsed from YAML, and their errors. */
class FeaturesConfigTest {
    private static PipelineConfig parse(String yaml) throws Exception {
        ObjectNode tree = (ObjectNode) Yaml.MAPPER.readTree("problem: {target: y}\ndata: {source: d.csv}\n" + yaml);
        return ConfigLoader.parse(tree, Path.of("c.yaml"));
    }

    @Test
    void everyOptionIsRead() throws Exception {
        PipelineConfig c = parse("""
                preprocess:
                  drop_constant: true
                  impute: {numeric: drop_rows, indicator: true, columns: {Cabin: constant}}
                  outliers: {method: zscore, threshold: 2.5, action: flag, columns: [Fare]}
                  scale: robust
                  scale_columns: {Fare: maxabs}
                features:
                  encode: target
                  encode_columns: {Sex: onehot}
                  ordinal_order: {size: [S, M, L]}
                  target: {folds: 3, smoothing: 5}
                  derive: {FamilySize: "SibSp + Parch + 1", Ratio: "Fare / FamilySize"}
                  transform: {Fare: log1p}
                  bins: {Age: 4}
                  polynomial: {degree: 3, columns: [Age], interaction_only: true}
                  dates: {columns: [when], parts: [year, hour], format: "dd/MM/yyyy HH:mm"}
                select: {method: mutual_info, k: 5, mi_method: jmi, bins: 8}
                """);
        PreprocessConfig p = c.section(PreprocessConfig.class);
        assertEquals(new PreprocessConfig.Impute("drop_rows", "most_frequent", 0, "missing", true, Map.of("Cabin", "constant")),
                p.impute());
        assertEquals(new PreprocessConfig.Outliers("zscore", 1.5, 2.5, "flag", List.of("Fare")), p.outliers());
        assertTrue(p.dropConstant());
        assertEquals(Map.of("Fare", "maxabs"), p.scaleColumns());
        FeaturesConfig f = c.section(FeaturesConfig.class);
        assertEquals(List.of(new DeriveColumns.Derived("FamilySize", "SibSp + Parch + 1"),
                new DeriveColumns.Derived("Ratio", "Fare / FamilySize")), f.derive());
        assertEquals(Map.of("size", List.of("S", "M", "L")), f.ordinalOrder());
        assertEquals(Map.of("Age", 4), f.bins());
        assertEquals(new FeaturesConfig.Polynomial(3, List.of("Age"), true), f.polynomial());
        assertEquals(new FeaturesConfig.TargetEncoding(3, 5, 42), f.target());
        assertEquals(new FeaturesConfig.Dates(List.of("when"), List.of("year", "hour"), "dd/MM/yyyy HH:mm"), f.dates());
        assertEquals(new SelectConfig("mutual_info", List.of(), List.of(), 5, 0.0, 0.95, "jmi", 8, "tree"), c.section(SelectConfig.class));
    }

    @Test
    void stepParametersAreTunableByPath() throws Exception {
        PipelineConfig c = parse("""
                preprocess: {outliers: {method: iqr}}
                select: {method: f_test}
                tune:
                  enabled: true
                  grid:
                    preprocess.outliers.factor: [1.5, 3.0]
                    features.polynomial.degree: [1, 2]
                    select.k: [5, 10]
                """);
        assertEquals(3, c.section(TuneConfig.class).grid().size());
        InputException bad = assertThrows(InputException.class, () -> parse("""
                tune: {enabled: true, grid: {features.polynomial.degre: [1, 2]}}
                """));
        assertTrue(bad.getMessage().contains("tune.grid.features.polynomial.degre: not a valid config path"), bad.getMessage());
    }

    @Test
    void oneHotDefaultsCapLevelsAndLeaveIdentifiersOut() throws Exception {
        FeaturesConfig defaults = parse("").section(FeaturesConfig.class);
        assertEquals(FeaturesConfig.MAX_LEVELS, defaults.maxLevels());
        assertEquals(0.0, defaults.minFrequency());
        assertEquals(false, defaults.keepIdentifiers());
        FeaturesConfig set = parse("features: {min_frequency: 5, keep_identifiers: true}").section(FeaturesConfig.class);
        assertEquals(5.0, set.minFrequency());
        assertTrue(set.keepIdentifiers());
        assertEquals(0.05, parse("features: {min_frequency: 0.05}").section(FeaturesConfig.class).minFrequency());
    }

    @Test
    void badValuesNameTheirPath() {
        assertEquals("c.yaml: features.bins.Age: expected a number of bins >= 2, got \"one\"",
                assertThrows(InputException.class, () -> parse("features: {bins: {Age: one}}")).getMessage());
        assertEquals("c.yaml: features.transform.Fare: 'log' is not one of [log1p, sqrt, power]",
                assertThrows(InputException.class, () -> parse("features: {transform: {Fare: log}}")).getMessage());
        assertEquals("c.yaml: features.encode_columns.Sex: 'hot' is not one of [onehot, ordinal, frequency, target, none]",
                assertThrows(InputException.class, () -> parse("features: {encode_columns: {Sex: hot}}")).getMessage());
        assertEquals("c.yaml: select.k: must be at least 1, got 0",
                assertThrows(InputException.class, () -> parse("select: {k: 0}")).getMessage());
        assertEquals("c.yaml: features.min_frequency: expected a count of training rows (an integer >= 0) or a share below 1"
                + " (e.g. 0.01), got 1.5", assertThrows(InputException.class, () -> parse("features: {min_frequency: 1.5}")).getMessage());
        assertEquals("c.yaml: features.min_frequency: expected a count of training rows (an integer >= 0) or a share below 1"
                + " (e.g. 0.01), got -3", assertThrows(InputException.class, () -> parse("features: {min_frequency: -3}")).getMessage());
        assertEquals("c.yaml: features.polynomial.degree: expected 1 to 5, got 9",
                assertThrows(InputException.class, () -> parse("features: {polynomial: {degree: 9}}")).getMessage());
    }
}
