package org.animfr.animabot.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The application in its own JVM, as an admin runs it, with its log in a file: started, then stopped with SIGTERM
 * as a service manager does, or killed with SIGKILL as a crash does.
 */
final class BotProcess implements AutoCloseable {
    private final Process process;
    private final Path log;

    private BotProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts the application with these arguments ({@code --key=value}); its output goes to {@code log}. */
    static BotProcess start(Path log, List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-cp", System.getProperty("java.class.path"),
                AnimabotApplication.class.getName()));
        if (arguments.stream().noneMatch(argument -> argument.startsWith("--server.port="))) {
            // several may run at once; a test that reads the page gives its own port
            command.add("--server.port=0");
        }
        if (arguments.stream().noneMatch(argument -> argument.startsWith("--management.server.port="))) {
            command.add("--management.server.port=0");
        }
        command.addAll(arguments);
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            process.getOutputStream().close();
            return new BotProcess(process, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh log file under {@code target/e2e-logs/}, kept after the test for whoever reads a failure. */
    static Path logFile(String name) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "e2e-logs"));
            Path file = dir.resolve(name);
            Files.deleteIfExists(file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the log holds the line part, or fails with the log's end. */
    BotProcess awaitLog(String part, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!log().contains(part)) {
            if (!process.isAlive()) {
                throw new AssertionError("The application stopped (exit " + process.exitValue() + ") before logging '"
                        + part + "':\n" + tail());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("No '" + part + "' in the log within " + timeout + ":\n" + tail());
            }
            Thread.sleep(100);
        }
        return this;
    }

    /** SIGKILL: the JVM dies at once, nothing runs after. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, as {@code systemctl stop} or {@code docker stop} sends; returns the exit code. */
    int terminate(Duration timeout) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("Still running " + timeout + " after SIGTERM:\n" + tail());
        }
        return process.exitValue();
    }

    /** The CPU time the process has used so far. */
    Duration cpu() {
        return process.toHandle().info().totalCpuDuration().orElseThrow();
    }

    /** The heap in use after a full garbage collection, as {@code jcmd GC.heap_info} reports it. */
    String heapAfterGc() throws IOException, InterruptedException {
        jcmd("GC.run");
        return jcmd("GC.heap_info").lines().map(String::strip).filter(line -> line.contains("used"))
                .findFirst().orElse("?");
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process run = new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), command)
                .redirectErrorStream(true).start();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        run.waitFor(30, TimeUnit.SECONDS);
        return output;
    }

    /** Waits for the process to end on its own; returns its exit code. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("Still running after " + timeout + ":\n" + tail());
        }
        return process.exitValue();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String log() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String tail() {
        List<String> lines = log().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
