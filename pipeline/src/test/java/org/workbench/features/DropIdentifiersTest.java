package org.workbench.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.workbench.config.Yaml;
import org.workbench.core.InputException;
import org.workbench.data.Frame;
import org.workbench.data.Target;
import org.workbench.preprocessing.DropColumns;
import org.workbench.recipe.Recipe;
import org.workbench.run.ConfigLoader;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Identifier-like text columns are left out of the features by default; the key and encode_columns keep them. */
class DropIdentifiersTest {
    private static final int ROWS = 40;

    /** code: every row distinct (an identifier); city: 4 levels; x numeric and also all distinct. */
    private static Table table() {
        return Table.create("t",
                StringColumn.create("code", IntStream.range(0, ROWS).mapToObj(i -> "id-" + i).toArray(String[]::new)),
                StringColumn.create("city", IntStream.range(0, ROWS).mapToObj(i -> "c" + i % 4).toArray(String[]::new)),
                DoubleColumn.create("x", IntStream.range(0, ROWS).mapToDouble(i -> i * 0.5).toArray()));
    }

    private static Recipe recipe(String features) throws Exception {
        ObjectNode tree = (ObjectNode) Yaml.MAPPER.readTree("problem: {target: y}\ndata: {source: d.csv}\nfeatures: " + features);
        return FeatureSteps.from(ConfigLoader.parse(tree, Path.of("c.yaml")).section(FeaturesConfig.class));
    }

    private static List<String> featuresAfter(Recipe recipe) {
        double[] y = IntStream.range(0, ROWS).mapToDouble(i -> i % 2).toArray();
        return recipe.fit(new Frame(table(), Target.values("y", y))).train().features().columnNames();
    }

    @Test
    void anIdentifierColumnIsLeftOutByDefaultWithTheKeyThatKeepsIt() throws Exception {
        Recipe recipe = recipe("{}");
        assertEquals(List.of("x", "city=c0", "city=c1", "city=c2", "city=c3"), featuresAfter(recipe));
        DropColumns.Fitted fitted = new DropIdentifiers(List.of()).fit(table());
        assertEquals(List.of("code"), fitted.columns());
        assertTrue(fitted.summary().contains("features.keep_identifiers: true keeps them"), fitted.summary());
    }

    @Test
    void keepIdentifiersKeepsIt() throws Exception {
        assertTrue(featuresAfter(recipe("{keep_identifiers: true, max_levels: 0}")).contains("code=id-7"));
    }

    @Test
    void aColumnNamedInEncodeColumnsKeepsItsEncoding() throws Exception {
        List<String> out = featuresAfter(recipe("{encode_columns: {code: frequency}}"));
        assertTrue(out.contains("code"), out.toString());
    }

    @Test
    void numbersWrittenAsTextAreNotIdentifiers() {
        Table t = table().addColumns(StringColumn.create("amount",
                IntStream.range(0, ROWS).mapToObj(i -> String.format(java.util.Locale.ROOT, "$%,.2f", 1000 + i * 37.5)).toArray(String[]::new)));
        assertEquals(List.of("code"), new DropIdentifiers(List.of()).fit(t).columns());
    }

    @Test
    void nothingButIdentifiersIsAnInputErrorNamingTheKey() {
        Table ids = table().selectColumns("code");
        InputException e = assertThrows(InputException.class, () -> new DropIdentifiers(List.of()).fit(ids));
        assertEquals("features.keep_identifiers: every feature column looks like an identifier in the 40 training rows (code);"
                + " set features.keep_identifiers: true to use them anyway", e.getMessage());
    }
}
