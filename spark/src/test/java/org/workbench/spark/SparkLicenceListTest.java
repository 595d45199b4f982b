package org.workbench.spark;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Spark engine's class path (spark/target/lib; its list META-INF/THIRD-PARTY.txt, written by the
 * license plugin before the tests run) names no GPL or AGPL-only code, by the core's LicenceListTest rule:
 * a dependency passes when one of its licences is not GPL or AGPL; LGPL passes, and so do dual licences
 * such as "CDDL OR GPL2 w/ CPE" and "EPL 2.0 / GPL2 w/ CPE".
 */
class SparkLicenceListTest {
    private static final Path LIST = Path.of("target/classes/META-INF/THIRD-PARTY.txt");
    private static final Pattern LESSER = Pattern.compile("lgpl|lesser|library general public");
    private static final Pattern COPYLEFT = Pattern.compile("\\ba?gpl|general public licen[cs]e|affero");
    private static final Pattern ALTERNATIVE = Pattern.compile("\\b(cddl|epl|eclipse|mpl|mozilla|apache|mit|bsd)\\b");

    static boolean isGpl(String licence) {
        String l = licence.toLowerCase(Locale.ROOT);
        return COPYLEFT.matcher(l).find() && !LESSER.matcher(l).find() && !ALTERNATIVE.matcher(l).find();
    }

    /** The leading parenthesised licence names of one line of the list. */
    static List<String> licences(String line) {
        String s = line.strip();
        List<String> out = new ArrayList<>();
        while (s.startsWith("(")) {
            int depth = 0;
            int end = 0;
            for (; end < s.length(); end++) {
                depth += s.charAt(end) == '(' ? 1 : s.charAt(end) == ')' ? -1 : 0;
                if (depth == 0) {
                    break;
                }
            }
            out.add(s.substring(1, end).strip());
            s = s.substring(Math.min(end + 1, s.length())).strip();
        }
        return out;
    }

    @Test
    void noLibraryOfTheEngineIsOnlyGplOrAgpl() throws IOException {
        assertTrue(Files.exists(LIST), LIST + " is missing: the license plugin writes it in generate-resources (run through mvn)");
        List<String> lines = Files.readAllLines(LIST, StandardCharsets.UTF_8).stream().filter(l -> l.strip().startsWith("(")).toList();
        assertTrue(lines.size() > 200, "the list names only " + lines.size() + " dependencies");
        assertEquals(List.of(), lines.stream().filter(l -> licences(l).stream().allMatch(SparkLicenceListTest::isGpl)).toList());
        assertTrue(lines.stream().noneMatch(l -> licences(l).isEmpty() || l.contains("Unknown license")), String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(l -> l.contains("org.apache.spark:spark-mllib_2.12:")), "Spark ML is listed");
    }

    @Test
    void dualLicencesPassAndGplOnlyFails() {
        assertFalse(licences("(CDDL 1.1) (GPL2 w/ CPE) javax.ws.rs-api (javax.ws.rs:javax.ws.rs-api:2.1)").stream()
                .allMatch(SparkLicenceListTest::isGpl));
        assertFalse(isGpl("EPL 2.0 / GPL2 w/ CPE"));
        assertFalse(isGpl("CDDL OR GPL2 w/ CPE"));
        assertTrue(isGpl("GPL2 w/ CPE"));
        assertTrue(isGpl("GNU Affero General Public License v3"));
    }
}
