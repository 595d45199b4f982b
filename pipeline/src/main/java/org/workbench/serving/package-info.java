/**
 * {@code workbench serve}: a model bundle behind HTTP (Javalin on Jetty), speaking the MLflow
 * scoring protocol, with Prometheus metrics (Micrometer) and a hook for monitors. Rows are scored
 * by the bundle exactly as {@code workbench predict} scores them. May import every package below
 * it (deployment and everything under it); run and cli sit above it.
 */
package org.workbench.serving;
