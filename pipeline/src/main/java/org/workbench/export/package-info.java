/**
 * Exporting a model bundle to other runtimes: {@code OnnxExport} writes the fitted recipe and the
 * model as one ONNX graph. Sits above deployment (it reads bundles) and below report, run and cli;
 * may import deployment and every layer below it.
 */
package org.workbench.export;
