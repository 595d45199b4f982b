package org.workbench.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.workbench.config.PipelineConfig;
import org.workbench.core.InputException;
import org.workbench.core.Json;
import org.workbench.deployment.Bundle;
import org.workbench.deployment.DeploymentStage;
import org.workbench.monitoring.DriftCheck;
import org.workbench.monitoring.DriftResult;
import org.workbench.report.DriftPage;
import org.workbench.run.ConfigLoader;
import org.workbench.table.DataConfig;

/**
 * {@code workbench demo drift}: the config's data file is cut in two by one column's value, the
 * model is trained on one slice (the normal nine stages) and the other slice is checked as new rows.
 * The cut is fixed here, the model in {@code configs/demos/drift.yaml}.
 */
final class DriftDemo {
    static final String COLUMN = "ocean_proximity";
    static final String NEW_VALUE = "INLAND";

    private final Path config;
    private final Path trainSlice;
    private final Path newSlice;
    private final int trainRows;
    private final int newRows;

    private DriftDemo(Path config, Path trainSlice, Path newSlice, int trainRows, int newRows) {
        this.config = config;
        this.trainSlice = trainSlice;
        this.newSlice = newSlice;
        this.trainRows = trainRows;
        this.newRows = newRows;
    }

    /** Writes the two slices under {@code out} and returns the demo, whose config trains on the first. */
    static DriftDemo slice(Path configFile, Path out) {
        PipelineConfig base = ConfigLoader.load(configFile, List.of());
        Path source = base.section(DataConfig.class).source();
        List<String> lines;
        try {
            lines = Files.readAllLines(source, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException("demo drift: cannot read " + source + ": " + e.getMessage());
        }
        List<String> header = List.of(lines.get(0).split(",", -1));
        int column = header.indexOf(COLUMN);
        if (column < 0 || lines.stream().anyMatch(l -> l.indexOf('"') >= 0)) {
            throw new InputException("demo drift: " + source + " must be a plain comma-separated file with a column '"
                    + COLUMN + "' (the demo cuts it by that column)");
        }
        List<String> train = new ArrayList<>(List.of(lines.get(0)));
        List<String> fresh = new ArrayList<>(List.of(lines.get(0)));
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            (cells.length > column && cells[column].equals(NEW_VALUE) ? fresh : train).add(line);
        }
        Path folder = out.resolve(base.name() + "-data").toAbsolutePath().normalize();
        Path trainSlice = folder.resolve("train.csv");
        Path newSlice = folder.resolve("new.csv");
        write(trainSlice, train);
        write(newSlice, fresh);
        return new DriftDemo(configFile, trainSlice, newSlice, train.size() - 1, fresh.size() - 1);
    }

    private static void write(Path file, List<String> lines) {
        Json.writeAtomically(file, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** The demo's config, reading the training slice. */
    PipelineConfig trainingConfig() {
        return ConfigLoader.load(config, List.of("data.source=" + trainSlice));
    }

    /** Checks the new slice against the run's bundle, writes drift.json and drift.html into the run folder, and says what happened. */
    List<String> findings(Path runDir) {
        Path bundleFile = runDir.resolve(DeploymentStage.BUNDLE_FILE);
        DriftResult result = DriftCheck.check(Bundle.read(bundleFile), bundleFile, newSlice);
        String json = Json.write(result) + "\n";
        Json.writeAtomically(runDir.resolve("drift.json"), json.getBytes(StandardCharsets.UTF_8));
        Path html = DriftPage.write(runDir, result);
        List<String> lines = new ArrayList<>();
        lines.add("trained on the " + trainRows + " blocks whose " + COLUMN + " is not " + NEW_VALUE + " (" + trainSlice
                + "); new rows: the " + newRows + " " + NEW_VALUE + " blocks (" + newSlice + ")");
        lines.addAll(DriftCommand.lines(result, false));
        lines.add("");
        lines.add("drift: " + html);
        lines.add("retrain on the new rows: workbench run " + config + " --set data.source=" + newSlice);
        return lines;
    }

}
