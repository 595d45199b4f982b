/**
 * Stage 9: the model bundle (manifest, fitted recipe, Tribuo model, provenance, training profile), batch scoring
 * and predictions files. May import the layers below it and every earlier stage.
 */
package org.workbench.deployment;
