package org.workbench.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.workbench.config.ConfigException;
import org.workbench.run.ConfigLoader;
import org.workbench.config.PipelineConfig;
import org.workbench.config.Yaml;

/**
 * The run-wide judgements kept in the evaluate section (the significance level and the overfitting limit),
 * and when permutation importance runs by default.
 */
class EvaluateConfigTest {
    private static PipelineConfig parse(String yaml) throws Exception {
        ObjectNode tree = (ObjectNode) Yaml.MAPPER.readTree("problem: {target: y}\ndata: {source: d.csv}\n" + yaml);
        return ConfigLoader.parse(tree, Path.of("c.yaml"));
    }

    @Test
    void defaultsAndOverrides() throws Exception {
        EvaluateConfig defaults = parse("").section(EvaluateConfig.class);
        assertEquals(0.05, defaults.alpha());
        assertEquals(0.10, defaults.overfitGap());
        EvaluateConfig set = parse("evaluate: {alpha: 0.01, overfit_gap: 0.2}").section(EvaluateConfig.class);
        assertEquals(0.01, set.alpha());
        assertEquals(0.2, set.overfitGap());
        assertEquals(0.02, parse("tune: {lab: {still_rising: 0.02}}").section(org.workbench.tuning.TuneConfig.class).lab().stillRising());
    }

    @Test
    void outOfRangeValuesNameTheirKey() {
        ConfigException alpha = assertThrows(ConfigException.class, () -> parse("evaluate: {alpha: 1.5}"));
        assertTrue(alpha.getMessage().contains("evaluate.alpha") && alpha.getMessage().contains("0 < x < 1"), alpha.getMessage());
        ConfigException gap = assertThrows(ConfigException.class, () -> parse("evaluate: {overfit_gap: 0}"));
        assertTrue(gap.getMessage().contains("evaluate.overfit_gap"), gap.getMessage());
    }

    @Test
    void theOldPerStageKeysPointToTheRunWideOnes() {
        ConfigException alpha = assertThrows(ConfigException.class, () -> parse("tune: {alpha: 0.1}"));
        assertTrue(alpha.getMessage().contains("tune.alpha") && alpha.getMessage().contains("set evaluate.alpha"), alpha.getMessage());
        ConfigException gap = assertThrows(ConfigException.class, () -> parse("tune: {lab: {overfit_gap: 0.2}}"));
        assertTrue(gap.getMessage().contains("tune.lab.overfit_gap") && gap.getMessage().contains("set evaluate.overfit_gap"),
                gap.getMessage());
    }

    @Test
    void autoImportanceRunsFiveShufflesWhileThatPredictsAtMostAHundredThousandRows() throws Exception {
        EvaluateConfig auto = parse("").section(EvaluateConfig.class);
        assertEquals(5, auto.importanceRepeats(2_000, 10)); // 2,000 x 10 x 5 = 100,000: on
        assertEquals(0, auto.importanceRepeats(2_001, 10)); // 100,050: off
        assertTrue(auto.importanceNote(2_000, 10).contains("on by default"), auto.importanceNote(2_000, 10));
        assertTrue(auto.importanceNote(2_001, 10).contains("off by default")
                && auto.importanceNote(2_001, 10).contains("100,050"), auto.importanceNote(2_001, 10));
        // a number is taken as given, and the run says nothing about it
        EvaluateConfig given = parse("evaluate: {importance_repeats: 2}").section(EvaluateConfig.class);
        assertEquals(2, given.importanceRepeats(1_000_000, 50));
        assertEquals(null, given.importanceNote(1_000_000, 50));
        assertEquals(0, parse("evaluate: {importance_repeats: 0}").section(EvaluateConfig.class).importanceRepeats(10, 2));
    }
}
