/**
 * The stage contract: Stage (with its declared inputs and outputs), StageResult with the stage's
 * StageRecord, RunContext (the config plus the write-once artifacts stages hand on) and Pipeline,
 * which checks the wiring, runs stages in order and releases each artifact after its last reader.
 * May import core and config.
 */
package org.workbench.stage;
