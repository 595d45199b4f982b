package org.workbench.core;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Runs independent jobs on a fixed number of threads and returns their results in job order, so a
 * result never depends on which thread finished first.
 */
public final class Workers {
    /** Table cells from which per-column work is spread over the cores. */
    private static final long PARALLEL_CELLS = 1 << 20;

    private final int threads;

    public Workers(int threads) {
        this.threads = threads <= 0 ? Runtime.getRuntime().availableProcessors() : threads;
    }

    /**
     * Every core for per-column work over at least 2^20 table cells, else the calling thread alone: below that,
     * starting threads costs more than it saves, and small fits run many times (every fold, every trial).
     */
    public static Workers forCells(long cells) {
        return new Workers(cells >= PARALLEL_CELLS ? 0 : 1);
    }

    public int threads() {
        return threads;
    }

    /** The results in the order of {@code jobs}. */
    public <T> List<T> run(List<Supplier<T>> jobs) {
        if (threads == 1 || jobs.size() <= 1) {
            List<T> out = new ArrayList<>();
            jobs.forEach(job -> out.add(job.get()));
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, jobs.size()), runnable -> {
            Thread t = new Thread(runnable, "workbench-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<T>> futures = new ArrayList<>();
            jobs.forEach(job -> futures.add(pool.submit(job::get)));
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for parallel jobs", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
