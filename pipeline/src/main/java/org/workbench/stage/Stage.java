package org.workbench.stage;

import java.util.List;
import java.util.Map;
import org.workbench.config.Key;

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

    /** The config sections this stage reads, by dotted path, with their documented keys. */
    Map<String, List<Key>> configKeys();
}
