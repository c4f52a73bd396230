package fr.santegraph.support;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** santegraph started as a separate JVM from the test class path, as {@code java -jar} would run it. */
public final class ServiceProcess implements AutoCloseable {

    private final Process process;
    private final StringBuffer output = new StringBuffer();
    private final List<Watch> watches = new ArrayList<>();

    private record Watch(Predicate<String> line, CompletableFuture<String> seen) {
    }

    private ServiceProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(() -> {
            try (var lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    output.append(line).append('\n');
                    synchronized (watches) {
                        for (Watch watch : watches) {
                            if (watch.line().test(line)) {
                                watch.seen().complete(line);
                            }
                        }
                    }
                }
            } catch (Exception ignored) {
                // the process is gone; waitFor tells how
            }
        });
        reader.setDaemon(true);
        reader.start();
    }

    public static ServiceProcess start(Path dataDir, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-opens", "java.base/java.nio=ALL-UNNAMED", "--add-opens", "java.base/java.io=ALL-UNNAMED",
                "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED", "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), "fr.santegraph.SantegraphApplication"));
        command.addAll(List.of(arguments));
        command.add("--santegraph.embedded.data-dir=" + dataDir);
        command.add("--santegraph.embedded.preallocate-logs=false");
        return new ServiceProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    /** Completes with the first line (from now on) that matches. */
    public CompletableFuture<String> await(Predicate<String> line) {
        CompletableFuture<String> seen = new CompletableFuture<>();
        synchronized (watches) {
            watches.add(new Watch(line, seen));
        }
        return seen;
    }

    public long pid() {
        return process.pid();
    }

    /** kill -9: no shutdown hook, no chance to close the store. */
    public void kill() throws Exception {
        new ProcessBuilder("kill", "-KILL", Long.toString(process.pid())).start().waitFor();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, as Ctrl-C or systemd: the service closes its store; returns the exit status. */
    public int terminate(long seconds) throws Exception {
        new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).start().waitFor();
        return waitFor(seconds);
    }

    public int waitFor(long seconds) throws Exception {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            throw new IllegalStateException("still running after " + seconds + " s; output:\n" + output);
        }
        return process.exitValue();
    }

    public String output() {
        return output.toString();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
