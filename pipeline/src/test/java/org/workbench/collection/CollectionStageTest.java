package org.workbench.collection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workbench.run.ConfigLoader;
import org.workbench.stage.RunContext;
import org.workbench.stage.StageResult;
import org.workbench.run.Workbench;

class CollectionStageTest {
    @TempDir
    Path dir;

    @Test
    void dropsRowsWithoutTargetAndSplitsTheRestBeforeAnythingIsFitted() throws IOException {
        StringBuilder csv = new StringBuilder("x,colour,y\n");
        for (int i = 1; i <= 20; i++) {
            // rows 5 and 12 have no target
            String y = i == 5 || i == 12 ? "" : i % 2 == 0 ? "a" : "b";
            csv.append(i).append(',').append(i % 3 == 0 ? "red" : "blue").append(',').append(y).append('\n');
        }
        Files.writeString(dir.resolve("d.csv"), csv.toString());
        Files.writeString(dir.resolve("c.yaml"), "problem: {target: y}\ndata: {source: d.csv, split: {test: 0.25}}\nseed: 3\n");
        RunContext context = new RunContext(ConfigLoader.load(dir.resolve("c.yaml"), List.of()));
        List<StageResult> results = new ArrayList<>();
        Workbench.pipeline().run(context, "collection", results::add);

        StageResult r = results.get(1);
        assertEquals(2, ((CollectionRecord) r.data()).rowsWithoutTarget());
        assertEquals(18, context.get(CollectionStage.TARGETS).size());
        assertEquals(14, context.get(CollectionStage.RAW_TRAIN).rows());
        assertEquals(4, context.get(CollectionStage.RAW_TEST).rows());
        assertEquals(List.of("x", "colour"), context.get(CollectionStage.RAW_TRAIN).features().columnNames());
        // the row numbers skip the two rows without target (file data rows 5 and 12)
        int[] rows = context.get(CollectionStage.ROW_NUMBERS);
        assertEquals(18, rows.length);
        assertArrayEquals(new int[] {1, 2, 3, 4, 6}, java.util.Arrays.copyOf(rows, 5));
        assertTrue(r.summary().contains("dropped 2 without target"), r.summary());
        assertEquals(64, ((CollectionRecord) r.data()).sha256().length());
        // the schema the bundle will ask for: raw columns and their types, without the target
        assertEquals("numeric", context.get(CollectionStage.SOURCE).columns().get(0).type());
        assertEquals("categorical", context.get(CollectionStage.SOURCE).columns().get(1).type());
        // the training rows' numbers as the bundle's drift profile needs them, without the target
        double[] x = context.get(CollectionStage.RAW_TRAIN).features().doubleColumn("x").asDoubleArray();
        java.util.Arrays.sort(x);
        assertEquals(java.util.Map.of("x", org.workbench.stats.BinnedSample.of(x, 0)),
                context.get(CollectionStage.TRAINING_NUMBERS).columns());
    }
}
