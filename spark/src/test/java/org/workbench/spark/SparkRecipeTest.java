package org.workbench.spark;

import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.feature.VectorSlicer;
import org.junit.jupiter.api.Test;
import org.workbench.core.InputException;
import org.workbench.data.Task;
import org.workbench.table.DataConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Spark ML stages the recipe builds from a config, without fitting them: with only numeric columns the
 * builder reads no rows, so no Spark session is needed.
 */
class SparkRecipeTest {
    /** wine's columns: the class and 13 numeric measurements. */
    private static Map<String, String> wineTypes() throws IOException {
        Map<String, String> types = new LinkedHashMap<>();
        for (String c : Files.readAllLines(Path.of("../datasets/wine/data.csv")).get(0).split(",")) {
            types.put(c, DataConfig.NUMERIC);
        }
        return types;
    }

    private static SparkRecipe.Parts build(String config, String... sets) throws IOException {
        return SparkRecipe.build(SparkEngineTest.config(config, sets), wineTypes(), List.of("class"), Task.CLASSIFICATION, null);
    }

    @Test
    void pcaOfNamedColumnsProjectsTheirSliceAndPassesTheRestThrough() throws IOException {
        SparkRecipe.Parts parts = build("wine_pca", "features.pca.columns=[alcohol, ash, proline]");
        List<PipelineStage> features = parts.features();
        VectorSlicer projected = (VectorSlicer) features.get(0);
        VectorSlicer kept = (VectorSlicer) features.get(1);
        assertArrayEquals(new int[] {0, 2, 12}, projected.getIndices());
        assertEquals(10, kept.getIndices().length);
        assertEquals(List.of("alcohol", "ash", "proline"), parts.projected().numeric());
        assertTrue(features.get(3) instanceof SparkPca);
        // the columns left as they are, then the components
        assertArrayEquals(new String[] {"__kept_num", "__pcs"}, ((VectorAssembler) features.get(4)).getInputCols());
        // without columns every numeric feature is projected, unsliced
        assertEquals(13, build("wine_pca").projected().numeric().size());
        assertTrue(build("wine_pca").features().stream().noneMatch(s -> s instanceof VectorSlicer));
    }

    @Test
    void pcaRefusesAColumnItCannotProject() {
        InputException e = assertThrows(InputException.class, () -> build("wine_pca", "features.pca.columns=[alcohl]"));
        assertEquals("features.pca.columns: no numeric column 'alcohl'; did you mean 'alcohol'?", e.getMessage());
        e = assertThrows(InputException.class, () -> build("wine_pca", "features.pca.columns=['Sex=male']"));
        assertTrue(e.getMessage().startsWith("features.pca.columns: 'Sex=male' is one-hot encoded"), e.getMessage());
    }
}
