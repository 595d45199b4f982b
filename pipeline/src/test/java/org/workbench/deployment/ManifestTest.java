package org.workbench.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.workbench.table.DataConfig;
import org.workbench.core.Json;

/** The manifest's reading settings: recorded ones are used, and bundles written before them read as they did. */
class ManifestTest {
    /** Built from JSON, as a bundle is read, so fields added to the manifest later need no change here. */
    private static ObjectNode json(String decimal, String thousands, String encoding) {
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("format", Manifest.FORMAT).put("task", "regression").put("target", "y");
        json.putArray("missingValues").add("").add("-200");
        json.put("delimiter", ";").put("quote", "\"").put("header", true);
        json.put("decimal", decimal).put("thousands", thousands).put("encoding", encoding);
        return json;
    }

    private static Manifest manifest(String decimal, String thousands, String encoding) throws Exception {
        return Json.MAPPER.treeToValue(json(decimal, thousands, encoding), Manifest.class);
    }

    @Test
    void recordedSettingsReadNewRowsLikeTheTrainingFile() throws Exception {
        DataConfig data = manifest(",", ".", "windows-1252").dataConfig(Path.of("new.csv"), Map.of("a", "numeric"));
        assertEquals(';', data.delimiter());
        assertEquals(',', data.decimal());
        assertEquals('.', data.thousands());
        assertEquals("windows-1252", data.encoding().name());
        assertEquals(List.of("", "-200"), data.missingValues());
        assertEquals(Map.of("a", "numeric"), data.columnTypes());
    }

    @Test
    void anOlderManifestWithoutThemReadsAsBefore() throws Exception {
        ObjectNode json = json(",", "none", "UTF-8");
        json.remove(List.of("decimal", "thousands", "encoding"));
        Manifest old = Json.MAPPER.treeToValue(json, Manifest.class);
        DataConfig data = old.dataConfig(Path.of("new.csv"), Map.of());
        assertEquals('.', data.decimal());
        assertEquals(DataConfig.NONE, data.thousands());
        assertEquals(StandardCharsets.UTF_8, data.encoding());
        assertEquals(';', data.delimiter());
    }

    @Test
    void aReadWarningWhileScoringSaysHowTheBundleReadsNotWhichConfigKeyToSet() throws Exception {
        Manifest m = manifest(",", ".", "UTF-8");
        String scored = BatchScorer.forScoring("column 'x' is numeric except for 2 cells (\"0.5\" x2; lines 3, 4), read as missing;"
                + " to keep it as text set data.column_types: {x: categorical}, or add the tokens to data.missing_values", m);
        org.junit.jupiter.api.Assertions.assertEquals("column 'x' is numeric except for 2 cells (\"0.5\" x2; lines 3, 4), read as"
                + " missing; the model reads files as its training file was read (delimiter ';', decimal mark ',', missing values"
                + " [, -200]): if these cells are values, write them that way", scored);
        org.junit.jupiter.api.Assertions.assertEquals("no advice here", BatchScorer.forScoring("no advice here", m));
    }
}
