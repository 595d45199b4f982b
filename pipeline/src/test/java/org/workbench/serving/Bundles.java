package org.workbench.serving;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.workbench.deployment.DeploymentStage;
import org.workbench.run.ConfigLoader;
import org.workbench.run.Runner;

/** Bundles of shipped configs, trained once per test JVM with few folds (the model itself is what matters here). */
final class Bundles {
    private static final Map<String, Path> BUILT = new HashMap<>();

    private Bundles() {
    }

    static synchronized Path of(String config) {
        return BUILT.computeIfAbsent(config, name -> {
            try {
                // under target/: removed by mvn clean, never left in the system's temp folder
                Path out = Files.createTempDirectory(Files.createDirectories(Path.of("target/serving-bundles")), name + "-");
                var loaded = ConfigLoader.load(Path.of("../configs", name + ".yaml"), List.of("evaluate.cv_folds=2"));
                return Runner.run(loaded, out, null, r -> { }).dir().resolve(DeploymentStage.BUNDLE_FILE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
