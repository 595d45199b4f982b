package org.workbench.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.workbench.config.Key;
import org.workbench.core.Artifact;

/** The wiring check, write-once artifacts, declared reads and writes, and release after the last reader. */
class PipelineTest {
    static final Artifact<String> A = new Artifact<>("a", String.class, "first");
    static final Artifact<String> B = new Artifact<>("b", String.class, "second");
    static final Artifact<String> DIR = new Artifact<>("dir", String.class, "runner");

    /** A stage that only declares, then does what {@code body} says. */
    record Fake(String name, List<Artifact<?>> inputs, List<Artifact<?>> outputs, Consumer<RunContext> body) implements Stage {
        Fake(String name, List<Artifact<?>> inputs, List<Artifact<?>> outputs) {
            this(name, inputs, outputs, c -> { });
        }

        @Override
        public String description() {
            return "a test stage";
        }

        @Override
        public StageResult run(RunContext context) {
            body.accept(context);
            return StageResult.of(name, "ran", List.of(), new StageRecord() { });
        }

        @Override
        public Map<String, List<Key>> configKeys() {
            return Map.of();
        }
    }

    private static String miswired(List<Stage> stages) {
        return assertThrows(IllegalStateException.class, () -> new Pipeline(stages, List.of(DIR), List.of())).getMessage();
    }

    @Test
    void anInputNoEarlierStageProducesIsAMiswiring() {
        String message = miswired(List.of(new Fake("second", List.of(A), List.of(B))));
        assertEquals("stage 'second' reads artifact 'a', which no earlier stage produces and the caller does not supply", message);
        // produced, but too late
        message = miswired(List.of(new Fake("second", List.of(A), List.of(B)), new Fake("first", List.of(), List.of(A))));
        assertTrue(message.endsWith("(stage 'first' produces it, but not before)"), message);
    }

    @Test
    void anArtifactProducedTwiceIsAMiswiring() {
        String message = miswired(List.of(new Fake("first", List.of(), List.of(A)), new Fake("again", List.of(), List.of(A))));
        assertEquals("artifact 'a' is produced twice: by stage 'first' and by stage 'again'", message);
        Artifact<String> dir = new Artifact<>("dir", String.class, "tuning");
        message = miswired(List.of(new Fake("tuning", List.of(), List.of(dir))));
        assertTrue(message.contains("'dir'"), message);
    }

    @Test
    void aStageProducesOnlyKeysThatNameIt() {
        String message = miswired(List.of(new Fake("other", List.of(), List.of(A))));
        assertEquals("stage 'other' produces artifact 'a', whose key names 'first' as its producer", message);
    }

    @Test
    void theWiringIsCheckedBeforeAnyStageRuns() {
        List<String> ran = new ArrayList<>();
        assertThrows(IllegalStateException.class, () -> new Pipeline(List.of(
                new Fake("first", List.of(), List.of(A), c -> ran.add("first")),
                new Fake("second", List.of(B), List.of(), c -> ran.add("second")))));
        assertEquals(List.of(), ran);
    }

    @Test
    void anArtifactIsWrittenOnce() {
        RunContext context = new RunContext(null);
        context.put(A, "x");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> context.put(A, "y"));
        assertEquals("artifact 'a' is already written; artifacts are written once", e.getMessage());
        assertEquals("x", context.get(A));
    }

    @Test
    void aRunningStageWritesOnlyItsDeclaredOutputsAndReadsOnlyItsDeclaredInputs() {
        Pipeline writesUndeclared = new Pipeline(List.of(new Fake("first", List.of(), List.of(A), c -> c.put(B, "b"))));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> writesUndeclared.run(new RunContext(null), null, r -> { }));
        assertEquals("stage 'first' writes artifact 'b', which is not among its declared outputs()", e.getMessage());

        Pipeline readsUndeclared = new Pipeline(List.of(new Fake("first", List.of(), List.of(A), c -> c.find(DIR))),
                List.of(DIR), List.of());
        e = assertThrows(IllegalStateException.class, () -> readsUndeclared.run(new RunContext(null), null, r -> { }));
        assertEquals("stage 'first' reads artifact 'dir', which is not among its declared inputs()", e.getMessage());

        Pipeline writesTwice = new Pipeline(List.of(new Fake("first", List.of(), List.of(A), c -> {
            c.put(A, "1");
            c.put(A, "2");
        })));
        e = assertThrows(IllegalStateException.class, () -> writesTwice.run(new RunContext(null), null, r -> { }));
        assertEquals("artifact 'a' is already written (stage 'first' writes it again); artifacts are written once", e.getMessage());
    }

    @Test
    void anArtifactIsReleasedAfterItsLastReaderUnlessTheCallerKeepsIt() {
        List<String> seen = new ArrayList<>();
        List<Stage> stages = List.of(
                new Fake("first", List.of(DIR), List.of(A), c -> c.put(A, "a from " + c.get(DIR))),
                new Fake("second", List.of(A), List.of(B), c -> c.put(B, c.get(A) + ", b")),
                new Fake("third", List.of(B), List.of(), c -> seen.add(c.get(B))));
        Pipeline pipeline = new Pipeline(stages, List.of(DIR), List.of(B));
        assertEquals(List.of("a"), pipeline.releasedAfter("second"));
        assertEquals(List.of(), pipeline.releasedAfter("third"), "b is kept");

        RunContext context = new RunContext(null);
        context.put(DIR, "runner");
        pipeline.run(context, null, r -> { });
        assertEquals(List.of("a from runner, b"), seen);
        assertEquals("a from runner, b", context.get(B));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> context.get(A));
        assertTrue(e.getMessage().startsWith("artifact 'a' was released after its last reader, stage 'second'"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> context.put(A, "again"), "a released artifact stays written");

        // the last reader may let go of an input early; a reader before it, or of a kept key, may not
        List<String> early = new ArrayList<>();
        Pipeline freeing = new Pipeline(List.of(
                new Fake("first", List.of(DIR), List.of(A), c -> c.put(A, "a")),
                new Fake("second", List.of(A, DIR), List.of(B), c -> {
                    c.put(B, c.get(A) + "b");
                    c.finishedWith(A);
                    early.add(assertThrows(IllegalStateException.class, () -> c.get(A)).getMessage());
                    c.finishedWith(DIR);
                }),
                new Fake("third", List.of(B, DIR), List.of(), c -> early.add(c.get(DIR) + " " + c.get(B)))),
                List.of(DIR), List.of());
        RunContext freed = new RunContext(null);
        freed.put(DIR, "runner");
        freeing.run(freed, null, r -> { });
        assertTrue(early.get(0).startsWith("artifact 'a' was released after its last reader, stage 'second'"), early.get(0));
        assertEquals("runner ab", early.get(1), "the caller's key stays");
        Pipeline notLast = new Pipeline(List.of(
                new Fake("first", List.of(), List.of(A), c -> c.put(A, "a")),
                new Fake("second", List.of(A), List.of(B), c -> {
                    c.finishedWith(A);
                    c.put(B, c.get(A));
                }),
                new Fake("third", List.of(A, B), List.of(), c -> early.add(c.get(A)))));
        notLast.run(new RunContext(null), null, r -> { });
        assertEquals("a", early.get(2), "a later stage still reads it: not released");

        // stopped early, the last reader never ran: nothing is released before it
        RunContext partial = new RunContext(null);
        partial.put(DIR, "runner");
        pipeline.run(partial, "first", r -> { });
        assertEquals("a from runner", partial.get(A));
    }
}
