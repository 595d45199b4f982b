package org.workbench.table;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * auto_mpg rewritten as a European spreadsheet export: ';' delimited, decimal commas, -200 as the
 * missing code (horsepower's "?" cells, every tenth acceleration, written "-200" and "-200,0"),
 * and two trailing empty columns ({@code ;;}).
 */
public final class AirLikeFile {
    private AirLikeFile() {
    }

    public static Path write(Path file) throws IOException {
        List<String> lines = Files.readAllLines(Path.of("../datasets/auto_mpg/data.csv"));
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String[] fields = lines.get(i).split(",", -1);
            if (i > 0) {
                for (int f = 0; f < fields.length; f++) {
                    fields[f] = fields[f].equals("?") ? "-200" : fields[f].replace('.', ',');
                }
                if (i % 10 == 0) {
                    fields[5] = i % 20 == 0 ? "-200" : "-200,0";
                }
            }
            out.append(String.join(";", fields)).append(";;\r\n");
        }
        Files.writeString(file, out.toString());
        return file;
    }
}
