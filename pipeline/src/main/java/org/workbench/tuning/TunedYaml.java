package org.workbench.tuning;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.workbench.config.PipelineConfig;
import org.workbench.config.Yaml;
import org.workbench.core.Json;
import org.workbench.table.DataConfig;

/**
 * Writes the config a run ended with (the tuned setting when it was adopted) with the search turned
 * off and the data path made absolute, so {@code workbench run tuned.yaml} repeats the run anywhere
 * without searching.
 */
public final class TunedYaml {
    private TunedYaml() {
    }

    public static String render(PipelineConfig config, boolean adopted) {
        ObjectNode tree = config.tree().deepCopy();
        ObjectNode data = tree.has("data") && tree.get("data").isObject() ? (ObjectNode) tree.get("data") : tree.putObject("data");
        data.put("source", config.section(DataConfig.class).source().toAbsolutePath().normalize().toString());
        ObjectNode tune = tree.has("tune") && tree.get("tune").isObject() ? (ObjectNode) tree.get("tune") : tree.putObject("tune");
        tune.put("enabled", false);
        try {
            return "# " + (adopted ? "the tuned config" : "the configured setting (tuning did not beat it)")
                    + " of run '" + config.name() + "'; the search is turned off\n" + Yaml.MAPPER.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the tuned config", e);
        }
    }

    public static void write(Path file, PipelineConfig config, boolean adopted) {
        Json.writeAtomically(file, render(config, adopted).getBytes(StandardCharsets.UTF_8));
    }
}
