/**
 * The model catalog: Tribuo trainers by name with documented parameters (ModelCatalog,
 * ModelSpec) and the train section that names one. May import core, config, stats and data.
 */
package org.workbench.models;
