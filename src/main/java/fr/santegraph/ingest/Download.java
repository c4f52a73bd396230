package fr.santegraph.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.lang.Nullable;

/**
 * An HTTP GET of a published file into a folder of the caller's, before any import reads it: conditional on the
 * validators of the last successful run ({@code ETag}, {@code Last-Modified}), so that an unchanged file is not
 * downloaded again; streamed to disk within a size and a time limit; refused whole when the server answers an
 * error or the body is shorter than announced. An import never starts on a partial file.
 */
public final class Download {

    /** What the server said of the last copy imported: sent back so that it can answer "not modified". */
    public record Validators(@Nullable String etag, @Nullable String lastModified) {
        public static final Validators NONE = new Validators(null, null);
    }

    /**
     * The limits of one download: its size, its whole duration, and how long the server may send nothing (a stalled
     * connection would otherwise hold the import until the whole duration is up).
     */
    public record Limits(long maxBytes, Duration timeout, Duration idleTimeout) {
        public static final Limits DEFAULT = new Limits(2L << 30, Duration.ofMinutes(30), Duration.ofSeconds(60));
    }

    /** A downloaded file, or {@code file} null when the server said the last copy is still current. */
    public record Result(@Nullable Path file, long bytes, Validators validators) {
        public boolean notModified() {
            return file == null;
        }
    }

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(30)).build();
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "download-deadline");
        thread.setDaemon(true);
        return thread;
    });

    private Download() {
    }

    /** {@code http} and {@code https} addresses only. */
    public static URI parse(String url) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--url " + url + " is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException("--url " + url + " is not an http(s) URL");
        }
        return uri;
    }

    /** Downloads {@code url} into {@code dir}, under the name of its last path segment. */
    public static Result fetch(URI url, Validators previous, Limits limits, Path dir) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).GET().timeout(limits.timeout())
                .header("User-Agent", "santegraph");
        if (previous.etag() != null) {
            request.header("If-None-Match", previous.etag());
        }
        if (previous.lastModified() != null) {
            request.header("If-Modified-Since", previous.lastModified());
        }
        long deadline = System.nanoTime() + limits.timeout().toNanos();
        HttpResponse<InputStream> response;
        try {
            response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new ImportFailedException("GET " + url + ": no answer within " + limits.timeout().toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImportFailedException("GET " + url + ": interrupted", e);
        } catch (IOException e) {
            throw new ImportFailedException("GET " + url + ": " + describe(e), e);
        }
        try (InputStream body = response.body()) {
            int status = response.statusCode();
            if (status == 304) {
                return new Result(null, 0, previous);
            }
            if (status != 200) {
                throw new ImportFailedException("GET " + url + ": HTTP " + status + (status == 404 ? " Not Found" : "")
                        + "; nothing was imported");
            }
            long announced = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (announced > limits.maxBytes()) {
                throw new ImportFailedException("GET " + url + ": " + announced + " bytes announced, above the limit of "
                        + limits.maxBytes());
            }
            Path file = dir.resolve(fileName(url, response.headers().firstValue("Content-Disposition").orElse(null)));
            long bytes = copy(url, body, file, limits, deadline);
            if (announced >= 0 && bytes != announced) {
                Files.deleteIfExists(file);
                throw new ImportFailedException("GET " + url + ": the body broke off after " + bytes + " of " + announced
                        + " bytes; nothing was imported");
            }
            return new Result(file, bytes, new Validators(response.headers().firstValue("ETag").orElse(null),
                    response.headers().firstValue("Last-Modified").orElse(null)));
        }
    }

    /** Streams the body to disk, closed from a watchdog when the deadline passes or the server stalls. */
    private static long copy(URI url, InputStream body, Path file, Limits limits, long deadline) throws IOException {
        AtomicReference<String> late = new AtomicReference<>();
        AtomicLong lastProgress = new AtomicLong(System.nanoTime());
        long period = Math.max(10, Math.min(1000, limits.idleTimeout().toMillis() / 4));
        ScheduledFuture<?> watchdog = WATCHDOG.scheduleAtFixedRate(() -> {
            long now = System.nanoTime();
            if (now > deadline) {
                late.compareAndSet(null, "not downloaded within " + limits.timeout().toSeconds() + " s");
            } else if (now - lastProgress.get() > limits.idleTimeout().toNanos()) {
                late.compareAndSet(null, "the server sent nothing for " + limits.idleTimeout().toSeconds() + " s");
            }
            if (late.get() != null) {
                try {
                    body.close();
                } catch (IOException ignored) {
                    // the reader fails on its next read either way
                }
            }
        }, period, period, TimeUnit.MILLISECONDS);
        long bytes = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            int read;
            while ((read = body.read(buffer)) >= 0) {
                lastProgress.set(System.nanoTime());
                bytes += read;
                if (bytes > limits.maxBytes()) {
                    throw new ImportFailedException("GET " + url + ": more than " + limits.maxBytes()
                            + " bytes, the limit; nothing was imported");
                }
                out.write(buffer, 0, read);
            }
        } catch (IOException e) {
            Files.deleteIfExists(file);
            if (late.get() != null) {
                throw new ImportFailedException("GET " + url + ": " + late.get() + " (" + bytes
                        + " bytes read); nothing was imported", e);
            }
            throw new ImportFailedException("GET " + url + ": the download broke off after " + bytes + " bytes ("
                    + describe(e) + "); nothing was imported", e);
        } catch (RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        } finally {
            watchdog.cancel(false);
        }
        if (late.get() != null) {
            Files.deleteIfExists(file);
            throw new ImportFailedException("GET " + url + ": " + late.get() + "; nothing was imported");
        }
        return bytes;
    }

    private static String describe(IOException e) {
        return Optional.ofNullable(e.getMessage()).orElse(e.getClass().getSimpleName());
    }

    private static final Pattern DISPOSITION_NAME =
            Pattern.compile("filename\\s*=\\s*\"?([^\";]+)\"?", Pattern.CASE_INSENSITIVE);

    /**
     * The name the server gives the file ({@code Content-Disposition}), else the last path segment, reduced to safe
     * characters (no folder can be named); "download" when there is none. The name carries the extraction's stamp.
     */
    static String fileName(URI url, @Nullable String disposition) {
        String name = null;
        if (disposition != null) {
            Matcher matcher = DISPOSITION_NAME.matcher(disposition);
            if (matcher.find()) {
                name = matcher.group(1).strip();
            }
        }
        if (name == null) {
            String path = url.getPath() == null ? "" : url.getPath();
            name = path.substring(path.lastIndexOf('/') + 1);
        }
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).replaceAll("[^A-Za-z0-9._-]", "_");
        return name.isEmpty() || name.matches("\\.+") ? "download" : name;
    }
}
