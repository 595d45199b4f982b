package org.workbench.deployment;

import java.util.List;
import org.workbench.config.Key;
import org.workbench.config.Section;

/** The {@code deploy:} section. */
public record DeployConfig(boolean bundle) {

    public static final List<Key> KEYS = List.of(
            Key.bool("bundle", true, "write model.bundle (model, fitted recipe, schema, metrics, provenance)"));

    public static DeployConfig parse(Section d) {
        return new DeployConfig(d.bool("bundle"));
    }
}
