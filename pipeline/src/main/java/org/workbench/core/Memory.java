package org.workbench.core;

import java.util.Locale;

/**
 * The memory this JVM may use, for steps that can tell before they allocate that a table would not fit:
 * they refuse with one line saying how much they would need and how to ask for less, where the JVM would
 * otherwise fail much later with an {@code OutOfMemoryError} and a stack trace.
 */
public final class Memory {
    /** A step may take at most this share of the heap for one new table: the run holds others beside it. */
    public static final double MAX_SHARE = 0.5;

    private Memory() {
    }

    /** The most heap this JVM will use (-Xmx, or the launcher's share of the machine). */
    public static long maxHeap() {
        return Runtime.getRuntime().maxMemory();
    }

    /** True when {@code bytes} more fit in this JVM's share for one table. */
    public static boolean fits(long bytes) {
        return bytes <= maxHeap() * MAX_SHARE;
    }

    /** "31.9 GB", "512.0 MB": decimal units, as a file manager shows them. */
    public static String size(long bytes) {
        if (bytes >= 1_000_000_000L) {
            return String.format(Locale.ROOT, "%.1f GB", bytes / 1e9);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
