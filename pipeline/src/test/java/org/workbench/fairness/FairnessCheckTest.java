package org.workbench.fairness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.workbench.config.ConfigException;
import org.workbench.config.Section;
import org.workbench.config.Yaml;
import org.workbench.data.Task;
import org.workbench.definition.Problem;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** {@code evaluate.fairness}: the section's own checks, and the pre-fit check against the file. */
class FairnessCheckTest {
    private static final Problem BINARY = new Problem("income", Task.CLASSIFICATION, "f1", ">50K", List.of("<=50K", ">50K"),
            "logistic_regression");

    private static FairnessConfig parse(String yaml) throws Exception {
        ObjectNode evaluate = (ObjectNode) Yaml.MAPPER.readTree(yaml);
        return FairnessConfig.parse(new Section(evaluate, "evaluate", List.of(org.workbench.config.Key.section("fairness", ""))));
    }

    private static Table table() {
        String[] ids = IntStream.range(0, 60).mapToObj(i -> "id" + i).toArray(String[]::new);
        String[] sex = IntStream.range(0, 60).mapToObj(i -> i % 2 == 0 ? "Female" : "Male").toArray(String[]::new);
        String[] income = IntStream.range(0, 60).mapToObj(i -> i % 3 == 0 ? ">50K" : "<=50K").toArray(String[]::new);
        return Table.create("d", StringColumn.create("sex", sex), StringColumn.create("id", ids), StringColumn.create("income", income));
    }

    private static String refused(FairnessConfig config, Problem problem) {
        return assertThrows(ConfigException.class, () -> FairnessCheck.check(config, table(), problem, "d.csv")).getMessage();
    }

    @Test
    void absentMeansOffAndDefaultsApply() throws Exception {
        assertFalse(parse("{}").enabled());
        assertEquals(new FairnessConfig(List.of("sex", "race"), 30, 50), parse("{fairness: {groups: [sex, race]}}"));
        assertEquals(new FairnessConfig(List.of("sex"), 5, 50), parse("{fairness: {groups: sex, min_group_size: 5}}"));
    }

    @Test
    void theSectionRefusesWhatCannotBeAudited() {
        assertEquals("evaluate.fairness.groups: is required: raw columns to audit by, e.g. [sex, race]; read from the raw"
                + " rows, so a column dropped by preprocess.drop can still be audited",
                assertThrows(ConfigException.class, () -> parse("{fairness: {min_group_size: 5}}")).getMessage());
        assertEquals("evaluate.fairness.groups: name at least one column to audit by, e.g. [sex]",
                assertThrows(ConfigException.class, () -> parse("{fairness: {groups: []}}")).getMessage());
        assertEquals("evaluate.fairness.groups[1]: 'sex' is listed twice",
                assertThrows(ConfigException.class, () -> parse("{fairness: {groups: [sex, sex]}}")).getMessage());
        assertEquals("evaluate.fairness.min_group_size: expected 1 or more, got 0",
                assertThrows(ConfigException.class, () -> parse("{fairness: {groups: [sex], min_group_size: 0}}")).getMessage());
        String unknown = assertThrows(ConfigException.class, () -> parse("{fairness: {groups: [sex], min_groupsize: 5}}")).getMessage();
        assertEquals("evaluate.fairness.min_groupsize: unknown key; did you mean 'min_group_size'? valid keys: groups,"
                + " min_group_size, max_levels", unknown);
    }

    @Test
    void anUnknownColumnIsNamedWithTheNearestOne() {
        assertEquals("evaluate.fairness.groups: no column 'sx' in d.csv; did you mean 'sex'?",
                refused(new FairnessConfig(List.of("sx"), 30, 50), BINARY));
        assertEquals("evaluate.fairness.groups: no column 'religion' in d.csv; columns are sex, id, income",
                refused(new FairnessConfig(List.of("religion"), 30, 50), BINARY));
        assertEquals("evaluate.fairness.groups: 'income' is the target; audit by another column",
                refused(new FairnessConfig(List.of("income"), 30, 50), BINARY));
    }

    @Test
    void aColumnWithTooManyLevelsIsRefused() {
        assertEquals("evaluate.fairness.groups: 'id' has 60 distinct values, more than evaluate.fairness.max_levels (50):"
                + " audit by a column of a few groups (cut a number into bands in the file first), or raise max_levels",
                refused(new FairnessConfig(List.of("sex", "id"), 30, 50), BINARY));
        FairnessCheck.check(new FairnessConfig(List.of("sex", "id"), 30, 60), table(), BINARY, "d.csv");
    }

    @Test
    void moreClassesNeedAPositiveClassAndClusteringHasNoTruth() {
        Problem three = new Problem("income", Task.CLASSIFICATION, "accuracy", null, List.of("a", "b", "c"), "logistic_regression");
        assertEquals("evaluate.fairness: selection rate and true- and false-positive rates need a positive class, and"
                + " 'income' has 3 classes: set problem.positive_class to audit that class against the others (one-vs-rest,"
                + " as Fairlearn's pos_label)", refused(new FairnessConfig(List.of("sex"), 30, 50), three));
        Problem clustering = new Problem(null, Task.CLUSTERING, "silhouette", null, List.of(), "kmeans");
        assertEquals("evaluate.fairness: compares predictions with the truth per group; clustering has no target",
                refused(new FairnessConfig(List.of("sex"), 30, 50), clustering));
    }
}
