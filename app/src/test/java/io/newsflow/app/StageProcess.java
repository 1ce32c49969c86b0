package io.newsflow.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A Newsflow stage in a JVM of its own, as in production: it can be SIGKILLed without taking the test along. */
final class StageProcess {

    private final Process process;
    private final Path log;

    private StageProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code newsflow <stage>} with a 256 MB heap, the limit the stages are built for.
     *
     * @param extraArgs more command-line options, e.g. {@code --property max.poll.records=20}
     */
    static StageProcess start(String stage, String bootstrapServers, String prefix, String instanceId, Path log,
                              String... extraArgs) throws IOException {
        return start(List.of("-XX:+ExitOnOutOfMemoryError"), stage, bootstrapServers, prefix, instanceId, log, extraArgs);
    }

    /** {@link #start(String, String, String, String, Path, String...)} with these JVM options besides the heap. */
    static StageProcess start(List<String> jvmOptions, String stage, String bootstrapServers, String prefix,
                              String instanceId, Path log, String... extraArgs) throws IOException {
        List<String> args = new ArrayList<>(List.of(stage, "--bootstrap-servers", bootstrapServers,
                "--topic-prefix", prefix, "--instance-id", instanceId));
        args.addAll(List.of(extraArgs));
        return command(jvmOptions, log, args.toArray(String[]::new));
    }

    /** Starts {@code newsflow <args>} (any command, e.g. {@code broker}) with a 256 MB heap, output appended to {@code log}. */
    static StageProcess command(Path log, String... args) throws IOException {
        return command(List.of("-XX:+ExitOnOutOfMemoryError"), log, args);
    }

    private static StageProcess command(List<String> jvmOptions, Path log, String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classPath(), Newsflow.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        return new StageProcess(process, log);
    }

    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    /** SIGKILL: no shutdown hook runs, an open transaction is left behind. Returns the exit code (137). */
    int kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the stage did not die");
        }
        return process.exitValue();
    }

    /** SIGTERM: a clean stop. Returns the exit code (0 when the stage stopped cleanly). */
    int terminate() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the stage did not stop within 60 s of SIGTERM");
        }
        return process.exitValue();
    }

    /** Waits for the process to end by itself; returns its exit code. */
    int awaitExit(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the process did not exit within " + seconds + " s: " + log());
        }
        return process.exitValue();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
