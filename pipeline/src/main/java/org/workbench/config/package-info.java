/**
 * Config machinery: strict YAML reading, documented keys (Key), path-aware section reading
 * (Section), config errors, and PipelineConfig, which holds each stage's section record by type
 * without naming any stage. May import core only.
 */
package org.workbench.config;
