package org.workbench.deployment;

import java.util.List;
import org.workbench.config.Key;
import org.workbench.config.Section;

/** The {@code deploy:} section. */
public record DeployConfig(boolean bundle, int partialDependence) {

    public static final List<Key> KEYS = List.of(
            Key.bool("bundle", true, "write model.bundle (model, fitted recipe, schema, metrics, provenance)"),
            Key.integer("partial_dependence", 3, "partial-dependence charts in report.html for this many input columns,"
                    + " those the predictions depend on most (at most 200 training rows x 10 values per column, so cheap"
                    + " enough to be on by default); 0 = none"));

    public static DeployConfig parse(Section d) {
        int columns = d.integer("partial_dependence");
        if (columns < 0) {
            throw new org.workbench.config.ConfigException(d.join("partial_dependence"), columns
                    + " is negative; give a number of columns, or 0 for none");
        }
        return new DeployConfig(d.bool("bundle"), columns);
    }
}
