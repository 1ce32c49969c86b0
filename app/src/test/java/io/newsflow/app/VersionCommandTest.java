package io.newsflow.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code newsflow --version}: the code version and the commit the build came from. */
class VersionCommandTest {

    private static String gitHead() {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "--short=12", "HEAD").redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return git.waitFor(10, TimeUnit.SECONDS) && git.exitValue() == 0 ? out : null;
        } catch (Exception e) {
            return null;
        }
    }

    @Test
    void versionNamesTheCommitTheBuildCameFrom() {
        CommandLine cli = Newsflow.commandLine();
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out));
        assertEquals(0, cli.execute("--version"));
        Matcher line = Pattern.compile("newsflow (\\S+) \\(commit ([0-9a-f]{12}|unknown)\\)").matcher(out.toString().strip());
        assertTrue(line.matches(), out.toString());
        String head = gitHead();
        if (head != null) {
            assertEquals(head, line.group(2), "built in this checkout, so its HEAD");
        } else {
            assertEquals("unknown", line.group(2), "no git, no commit");
        }
    }
}
