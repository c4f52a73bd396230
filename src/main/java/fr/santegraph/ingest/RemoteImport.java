package fr.santegraph.ingest;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;
import org.springframework.util.unit.DataSize;

/**
 * {@code import <source> --url <address>}: downloads the published file (conditional on what the last successful run
 * of that address was told, so that an unchanged file is not downloaded again), then imports it as {@code --file},
 * then remembers the server's validators. A failed download imports nothing; a failed import keeps the old
 * validators, so the next run downloads again.
 */
@Component
public class RemoteImport {

    private static final Logger log = LoggerFactory.getLogger(RemoteImport.class);
    /** The counter of a run whose file the server said had not changed. */
    public static final String NOT_MODIFIED = "not modified since the last import (HTTP 304)";

    private final Neo4jClient neo4j;

    public RemoteImport(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    public ImportSummary run(Importer importer, ImportRequest request) throws IOException {
        URI url = Download.parse(request.option("url").orElseThrow());
        if (request.option("file").isPresent() || request.option("dir").isPresent()) {
            throw new IllegalArgumentException("--url replaces --file and --dir: give one of them");
        }
        Download.Limits limits = new Download.Limits(
                request.option("max-download-size").map(size -> DataSize.parse(size).toBytes())
                        .orElse(Download.Limits.DEFAULT.maxBytes()),
                request.option("download-timeout").map(RemoteImport::duration).orElse(Download.Limits.DEFAULT.timeout()),
                request.option("download-idle-timeout").map(RemoteImport::duration)
                        .orElse(Download.Limits.DEFAULT.idleTimeout()));
        Download.Validators previous = request.flag("force-download") ? Download.Validators.NONE : validators(url);
        Path dir = Files.createTempDirectory("santegraph-download");
        try {
            long start = System.nanoTime();
            Download.Result download = Download.fetch(url, previous, limits, dir);
            if (download.notModified()) {
                log.info("{} {}: not modified since the last import, nothing to do", importer.name(), url);
                return new ImportSummary(importer.name() + " " + url, 0, 0, List.of(), Map.of(NOT_MODIFIED, 1L),
                        Duration.ofNanos(System.nanoTime() - start));
            }
            log.info("{} {}: {} bytes downloaded in {} s", importer.name(), url, download.bytes(),
                    Math.round((System.nanoTime() - start) / 1e9));
            Map<String, String> options = new LinkedHashMap<>(request.options());
            options.remove("url");
            options.remove("max-download-size");
            options.remove("download-timeout");
            options.remove("download-idle-timeout");
            options.remove("force-download");
            Path file = Objects.requireNonNull(download.file(), "a download that changed has its file");
            options.put("file", file.toString());
            ImportSummary summary = importer.run(new ImportRequest(request.source(), Map.copyOf(options),
                    request.paths().allowing(dir)));
            remember(url, download);
            return summary;
        } finally {
            FileSystemUtils.deleteRecursively(dir);
        }
    }

    private static Duration duration(String text) {
        try {
            return DurationStyle.detectAndParse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(text + " is not a duration (90s, 30m)");
        }
    }

    /** What the server answered for this address at the last successful import. */
    Download.Validators validators(URI url) {
        return neo4j.query("MATCH (d:Download {url: $url}) RETURN d.etag AS etag, d.lastModified AS lastModified")
                .bind(url.toString()).to("url")
                .fetchAs(Download.Validators.class)
                .mappedBy((types, record) -> new Download.Validators(record.get("etag").asString(null),
                        record.get("lastModified").asString(null)))
                .one().orElse(Download.Validators.NONE);
    }

    private void remember(URI url, Download.Result download) {
        neo4j.query("""
                MERGE (d:Download {url: $url})
                SET d.etag = $etag, d.lastModified = $lastModified, d.bytes = $bytes, d.importedAt = datetime()
                """).bind(url.toString()).to("url").bind(download.validators().etag()).to("etag")
                .bind(download.validators().lastModified()).to("lastModified").bind(download.bytes()).to("bytes").run();
    }
}
