package org.workbench.core;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * One piece of work started on its own (daemon) thread while the caller goes on with another, for
 * independent work inside a stage: the machine usually has a second core that the pipeline's
 * single-threaded steps leave idle. {@link #join} returns the result or rethrows the work's own
 * exception unchanged, so errors read the same as when the work runs inline.
 */
public final class Background<T> {
    private final CompletableFuture<T> future;

    private Background(CompletableFuture<T> future) {
        this.future = future;
    }

    public static <T> Background<T> start(String name, Supplier<T> work) {
        CompletableFuture<T> future = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                future.complete(work.get());
            } catch (Throwable t) {
                future.completeExceptionally(t);
            }
        }, "workbench-" + name);
        thread.setDaemon(true);
        thread.start();
        return new Background<>(future);
    }

    public static Background<Void> start(String name, Runnable work) {
        return start(name, () -> {
            work.run();
            return null;
        });
    }

    /** Waits for the result; the work's RuntimeException or Error is rethrown as it was thrown. */
    public T join() {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }
}
