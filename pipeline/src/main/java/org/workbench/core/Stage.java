package org.workbench.core;

/**
 * One step of the machine-learning process. A stage reads the artifacts earlier stages put into
 * the {@link RunContext}, adds its own, and returns a short account of what it did, with numbers.
 */
public interface Stage {
    /** Lower-case name used on the command line, e.g. {@code preprocessing}. */
    String name();

    /** One sentence a student can read: what this stage does. */
    String description();

    StageResult run(RunContext context);
}
