package io.newsflow.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code newsflow rules check|test} and {@code --rules} on the stage commands, without Kafka. */
class RulesCommandTest {

    static final Path SAMPLES = Path.of("..", "samples");

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int exit = Newsflow.commandLine().execute(args);
            return new Run(exit, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void checkAcceptsTheSampleRules() {
        Run run = run("rules", "check", SAMPLES.resolve("rules.yaml").toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("lavrov-blinken (Лавров и Блинкен): all(any(entity \"Сергей Лавров\""), run.out());
        assertTrue(run.out().contains(": OK, 6 rules"), run.out());
    }

    @Test
    void checkNamesTheBrokenRuleAndTheProblem() throws Exception {
        Path file = dir.resolve("broken.yaml");
        Files.writeString(file, "rules:\n  - id: ok\n    when: {word: мир}\n  - id: bad\n    when: {entity: Лавров, type: PERSON}\n");
        Run run = run("rules", "check", file.toString());
        assertEquals(1, run.exit());
        assertTrue(run.err().contains("rule 'bad' (#2), when.entity: unknown entity type 'PERSON'"), run.err());
    }

    @Test
    void aStageRefusesToStartWithABrokenRulesFile() throws Exception {
        Path file = dir.resolve("broken.yaml");
        Files.writeString(file, "rules:\n  - id: geneva\n    when: {all: [{entity: Женева}, {nott: {word: мир}}]}\n");
        // No broker at this address: the rules are checked before anything connects.
        Run run = run("enrich", "--bootstrap-servers", "localhost:1", "--rules", file.toString());
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("not starting: rules file " + file), run.err());
        assertTrue(run.err().contains("rule 'geneva' (#1), when.all[1]: unknown condition 'nott'"), run.err());
    }

    @Test
    void testShowsWhichRulesFireOnTheRbcPageAndWhy() {
        Path page = SAMPLES.resolve("rbc-article.html");
        assumeTrue(Files.exists(page), "the RBC sample page is not there");
        Path rules = Path.of("src", "test", "resources", "alerts", "issue-rules.yaml");
        Run run = run("rules", "test", rules.toString(), page.toString());
        assertEquals(0, run.exit(), run.err());
        String out = run.out();
        assertTrue(out.contains("✓ lavrov-blinken (Лавров и Блинкен)"), out);
        assertTrue(out.contains("«Лаврова»") && out.contains("«Блинкена»"), out);
        assertTrue(out.contains("✓ negotiations") && out.contains("word:переговоры: «переговоры»"), out);
        assertFalse(out.contains("✓ lavrov-not-geneva"), out);
        assertFalse(out.contains("✓ advert-only"), out);
        assertTrue(out.contains("1 pages, 2 alerts: lavrov-blinken=1 negotiations=1"), out);
    }
}
