package org.workbench.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.workbench.core.Background;
import org.workbench.core.StageProgress;
import org.workbench.data.Target;
import org.workbench.data.Task;
import org.workbench.report.HtmlReport;
import org.workbench.models.ModelCatalog;
import org.workbench.training.TrainedModel;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * One-time library set-up that a command will need but that does not depend on its input, started
 * on a spare thread as the command starts (a run: as its first stage starts), so it overlaps parsing
 * the config and reading the CSV.
 * Tablesaw scans the class path for its readers and writers the first time a table is created
 * (about 0.3 s in the shaded jar), the first Tribuo model written to protobuf builds the protobuf
 * descriptors and provenance machinery (about 0.15 s), and the first chart pays for fonts and Java 2D
 * (about 0.4 s).
 * If the main thread gets there first it simply waits for the class to finish initialising.
 */
final class SetUp {
    private SetUp() {
    }

    /** For commands that read data: Tablesaw's set-up. */
    static void tables() {
        Background.start("set-up", SetUp::createTable);
    }

    /**
     * For commands that train, write a bundle and end with an HTML report: Tablesaw's, protobuf's and
     * the charts' set-up, started once the first stage starts to run or stages' outputs are loaded
     * from the stage cache, as reported to the returned progress (which passes everything on to
     * {@code progress}). A run whose stages and files all come
     * from the stage cache never starts it: on an unchanged adult rerun it took about 0.4 s of 2.3 s
     * on 2 cores (the class-path scan contends with the main thread's class loading), and starting it
     * only with the first stage did not slow a run without the cache (iris, adult: 3 rounds each).
     */
    static StageProgress onFirstStage(StageProgress progress) {
        java.util.concurrent.atomic.AtomicBoolean started = new java.util.concurrent.atomic.AtomicBoolean();
        Runnable start = () -> {
            if (!started.getAndSet(true)) {
                Background.start("set-up", () -> {
                    createTable();
                    writeTinyModel();
                    HtmlReport.warmUp();
                });
            }
        };
        return new StageProgress() {
            @Override
            public void restoring() {
                start.run(); // restored tables need Tablesaw's set-up too
                progress.restoring();
            }

            @Override
            public void stageStarted(String stage) {
                start.run();
                progress.stageStarted(stage);
            }

            @Override
            public void begin(String what, long total) {
                progress.begin(what, total);
            }

            @Override
            public void advance(long count) {
                progress.advance(count);
            }

            @Override
            public void stageFinished(String stage) {
                progress.stageFinished(stage);
            }
        };
    }

    private static void createTable() {
        Table.create("set-up");
    }

    /** Trains a majority-class model on two rows and serializes it. */
    private static void writeTinyModel() {
        TrainedModel.train(ModelCatalog.spec("baseline", Task.CLASSIFICATION), JsonNodeFactory.instance.objectNode(), 1L,
                Table.create("set-up", DoubleColumn.create("x", 1, 2)), Target.labels("y", new String[] {"a", "b"})).toBytes();
    }
}
