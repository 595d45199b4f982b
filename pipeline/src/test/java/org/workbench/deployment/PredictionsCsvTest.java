package org.workbench.deployment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.workbench.data.Predictions;

class PredictionsCsvTest {
    private static byte[] joined(List<byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        parts.forEach(out::writeBytes);
        return out.toByteArray();
    }

    @Test
    void thePartsAreTheRenderedFileByteForByte() {
        int n = 2 * PredictionsCsv.CHUNK_ROWS + 5;
        Random random = new Random(5);
        String[] labels = new String[n];
        double[][] probabilities = new double[n][];
        String[] split = new String[n];
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            float p = random.nextFloat();
            labels[i] = p > 0.5 ? "yes, sure" : "no";
            probabilities[i] = new double[] {1 - (double) p, p};
            split[i] = i % 5 == 0 ? "test" : "train";
            rows[i] = i + 1;
        }
        Map<String, String[]> extra = new LinkedHashMap<>();
        extra.put("split", split);
        Predictions predictions = Predictions.classification(labels, probabilities, List.of("no", "yes, sure"));
        List<byte[]> parts = PredictionsCsv.chunks(rows, predictions, extra);
        assertEquals(3, parts.size());
        assertArrayEquals(PredictionsCsv.render(rows, predictions, extra).getBytes(StandardCharsets.UTF_8), joined(parts));
        // no rows: the header alone
        Predictions none = Predictions.regression(new double[0]);
        assertEquals("row,prediction\n", new String(joined(PredictionsCsv.chunks(new int[0], none, Map.of())), StandardCharsets.UTF_8));
    }
}
