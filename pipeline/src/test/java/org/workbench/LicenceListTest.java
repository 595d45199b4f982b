package org.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The jar's list of bundled dependencies (META-INF/THIRD-PARTY.txt, written by the license plugin
 * before the tests run) names no GPL or AGPL code: a dependency passes when at least one of its
 * licences is not GPL or AGPL. LGPL is allowed, and so is a dual licence such as "CDDL + GPLv2"
 * (the other licence can be chosen). A GPL licence with the Classpath Exception counts as GPL
 * unless another licence is offered beside it.
 */
class LicenceListTest {
    private static final Path LIST = Path.of("target/classes/META-INF/THIRD-PARTY.txt");
    private static final Pattern LESSER = Pattern.compile("lgpl|lesser|library general public");
    private static final Pattern COPYLEFT = Pattern.compile("\\ba?gpl|general public licen[cs]e|affero");
    private static final Pattern ALTERNATIVE = Pattern.compile("\\b(cddl|epl|eclipse|mpl|mozilla|apache|mit|bsd)\\b");

    /** One line of the list: its licences (the leading parenthesised names) and the rest. */
    record Entry(List<String> licences, String artifact) {
        static Entry parse(String line) {
            String s = line.strip();
            List<String> licences = new ArrayList<>();
            while (s.startsWith("(")) {
                int depth = 0;
                int end = 0;
                for (; end < s.length(); end++) {
                    depth += s.charAt(end) == '(' ? 1 : s.charAt(end) == ')' ? -1 : 0;
                    if (depth == 0) {
                        break;
                    }
                }
                licences.add(s.substring(1, end).strip());
                s = s.substring(Math.min(end + 1, s.length())).strip();
            }
            return new Entry(licences, s);
        }

        boolean onlyGpl() {
            return licences.stream().allMatch(LicenceListTest::isGpl);
        }
    }

    static boolean isGpl(String licence) {
        String l = licence.toLowerCase(Locale.ROOT);
        return COPYLEFT.matcher(l).find() && !LESSER.matcher(l).find() && !ALTERNATIVE.matcher(l).find();
    }

    static List<Entry> entries(List<String> lines) {
        return lines.stream().filter(line -> line.strip().startsWith("(")).map(Entry::parse).toList();
    }

    @Test
    void noBundledDependencyIsOnlyGplOrAgpl() throws IOException {
        assertTrue(Files.exists(LIST), LIST + " is missing: the license plugin writes it in generate-resources (run through mvn)");
        List<String> lines = Files.readAllLines(LIST, StandardCharsets.UTF_8);
        List<Entry> entries = entries(lines);
        assertTrue(entries.size() > 20, "the list names only " + entries.size() + " dependencies");
        List<String> gpl = entries.stream().filter(Entry::onlyGpl).map(e -> e.licences() + " " + e.artifact()).toList();
        assertEquals(List.of(), gpl, "GPL/AGPL code must not be bundled into the jar");
        // every bundled library is listed with a licence (the plugin fails the build on a missing one)
        assertTrue(entries.stream().noneMatch(e -> e.licences().isEmpty()), String.join("\n", lines));
        assertTrue(entries.stream().anyMatch(e -> e.artifact().contains("org.tribuo:tribuo-core:")), "Tribuo is bundled");
    }

    @Test
    void gplAndAgplAreCaughtInTheirUsualSpellings() {
        for (String gpl : List.of("GPL-3.0", "GNU General Public License, version 2", "GPLv2", "AGPL-3.0-only",
                "GNU Affero General Public License v3", "GPL2 w/ CPE", "GNU General Public Licence (GPL), version 3")) {
            assertTrue(isGpl(gpl), gpl);
        }
        for (String ok : List.of("LGPL-2.1", "GNU Lesser General Public License", "GNU Library General Public License v2",
                "Apache-2.0", "Eclipse Public License 1.0", "CDDL 1.1", "MIT", "BSD-3-Clause", "CDDL + GPLv2 with classpath exception",
                "EPL 2.0 or GPL-2.0 with Classpath Exception")) {
            assertFalse(isGpl(ok), ok);
        }
    }

    @Test
    void aDualLicenceWithANonGplChoicePassesAndGplOnlyFails() {
        List<Entry> entries = entries(List.of(
                "Lists of 3 third-party dependencies.",
                "     (CDDL + GPLv2 with classpath exception) (GNU General Public License, Version 2 with the Classpath Exception) glassfish (a:b:1 - x)",
                "     (CDDL 1.1) (GPL2 w/ CPE) javax.ws.rs-api (javax.ws.rs:javax.ws.rs-api:2.1 - https://jax-rs-spec.java.net)",
                "     (GNU General Public License (GPL)) JFreeSVG (org.jfree:org.jfree.svg:5.0.6 - https://github.com/jfree/jfreesvg)",
                "     (The MIT License (MIT)) ClassGraph (io.github.classgraph:classgraph:4.8.168 - https://github.com/classgraph/classgraph)"));
        assertEquals(4, entries.size());
        assertEquals(List.of("CDDL 1.1", "GPL2 w/ CPE"), entries.get(1).licences());
        assertEquals(List.of("The MIT License (MIT)"), entries.get(3).licences());
        assertTrue(entries.get(3).artifact().startsWith("ClassGraph (io.github.classgraph"));
        assertEquals(List.of(false, false, true, false), entries.stream().map(Entry::onlyGpl).toList());
    }
}
