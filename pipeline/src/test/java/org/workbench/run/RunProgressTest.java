package org.workbench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workbench.core.StageProgress;

/** A run reports each stage's start and end, and the rows read, folds done and rows scored, to the sink it is given. */
class RunProgressTest {
    @TempDir
    Path out;

    /** Keeps every call, in order; calls may come from the scoring helper thread. */
    static final class Recording implements StageProgress {
        final List<String> events = new ArrayList<>();

        @Override
        public synchronized void stageStarted(String stage) {
            events.add("start " + stage);
        }

        @Override
        public synchronized void begin(String what, long total) {
            events.add("begin " + what + " " + total);
        }

        @Override
        public synchronized void advance(long count) {
            events.add("advance " + count);
        }

        @Override
        public synchronized void stageFinished(String stage) {
            events.add("end " + stage);
        }

        /** Per stage, each piece begun ("rows read -1") with the units advanced under it. */
        synchronized Map<String, Map<String, Long>> pieces() {
            Map<String, Map<String, Long>> out = new LinkedHashMap<>();
            String stage = null;
            String piece = null;
            for (String e : events) {
                if (e.startsWith("start ")) {
                    stage = e.substring(6);
                    out.put(stage, new LinkedHashMap<>());
                    piece = null;
                } else if (e.startsWith("begin ")) {
                    piece = e.substring(6);
                    out.get(stage).put(piece, 0L);
                } else if (e.startsWith("advance ")) {
                    out.get(stage).merge(piece, Long.parseLong(e.substring(8)), Long::sum);
                } else {
                    assertEquals("end " + stage, e, "a stage ends before the next starts");
                }
            }
            return out;
        }
    }

    @Test
    void irisReportsRowsReadFoldsAndRowsScored() {
        Recording sink = new Recording();
        Runner.run(ConfigLoader.load(Path.of("../configs/iris.yaml"), List.of()), out, null, r -> { },
                context -> context.reportProgressTo(sink));

        Map<String, Map<String, Long>> pieces = sink.pieces();
        assertEquals(List.of("definition", "collection", "preprocessing", "features", "selection", "training",
                "evaluation", "tuning", "deployment"), List.copyOf(pieces.keySet()));
        // 150 flowers, read once by the definition stage and handed on
        assertEquals(Map.of("rows read -1", 150L), pieces.get("definition"));
        assertEquals(Map.of(), pieces.get("collection"));
        // 120 training and 30 test rows scored, then 5 folds
        Map<String, Long> evaluation = new LinkedHashMap<>();
        evaluation.put("rows scored 150", 150L);
        evaluation.put("folds 5", 5L);
        assertEquals(evaluation, pieces.get("evaluation"));
        assertEquals("end deployment", sink.events.get(sink.events.size() - 1));
    }
}
