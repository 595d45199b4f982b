/**
 * The stage contract: Stage, StageResult with the stage's StageRecord, RunContext (the config plus
 * the artifacts stages hand on) and Pipeline, which runs stages in order. May import core and config.
 */
package org.workbench.stage;
