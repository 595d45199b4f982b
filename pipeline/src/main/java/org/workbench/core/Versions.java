package org.workbench.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** Versions of Workbench, its libraries and the Java runtime, recorded with every run and bundle. */
public final class Versions {
    private Versions() {
    }

    public static Map<String, String> all() {
        Properties p = properties();
        Map<String, String> out = new LinkedHashMap<>();
        out.put("workbench", p.getProperty("workbench.version", "unknown"));
        out.put("tribuo", p.getProperty("tribuo.version", "unknown"));
        out.put("tablesaw", p.getProperty("tablesaw.version", "unknown"));
        out.put("picocli", p.getProperty("picocli.version", "unknown"));
        out.put("java", System.getProperty("java.version"));
        out.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        return out;
    }

    /**
     * When this build was made (UTC, to the millisecond). The version alone does not change between
     * builds from source, so a cache keyed by it would hand a rebuilt Workbench what older code computed.
     */
    public static String build() {
        return properties().getProperty("workbench.build", "unknown");
    }

    private static Properties properties() {
        Properties p = new Properties();
        try (InputStream in = Versions.class.getResourceAsStream("/workbench.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read workbench.properties", e);
        }
        return p;
    }

    public static String workbench() {
        return all().get("workbench");
    }
}
