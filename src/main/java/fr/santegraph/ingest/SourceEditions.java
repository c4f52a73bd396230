package fr.santegraph.ingest;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * Which edition of each source the graph holds, and where it came from: the copy bundled in the jar (with its
 * checksum, so that a later start loads only what changed) or a user's import (which a bundled copy of the same or
 * an older edition must not overwrite).
 */
@Component
public class SourceEditions {

    /** Where the edition came from. */
    public enum Origin { BUNDLED, IMPORT }

    /** What the graph holds of one source. {@code edition} null: an import that did not say (no {@code --edition}). */
    public record Held(String source, String edition, String checksum, Origin origin, @Nullable Instant loadedAt) {
    }

    private final Neo4jClient neo4j;

    public SourceEditions(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    public Optional<Held> find(String source) {
        return neo4j.query("""
                        MATCH (e:SourceEdition {source: $source})
                        RETURN e.edition AS edition, e.checksum AS checksum, e.origin AS origin, e.loadedAt AS loadedAt
                        """)
                .bind(source).to("source")
                .fetchAs(Held.class)
                .mappedBy((types, row) -> new Held(source, row.get("edition").asString(null),
                        row.get("checksum").asString(null), Origin.valueOf(row.get("origin").asString()),
                        row.get("loadedAt").isNull() ? null : row.get("loadedAt").asZonedDateTime().toInstant()))
                .one();
    }

    public void record(String source, @Nullable String edition, @Nullable String checksum, Origin origin,
                       ImportSummary summary) {
        neo4j.query("""
                        MERGE (e:SourceEdition {source: $source})
                        SET e.edition = $edition, e.checksum = $checksum, e.origin = $origin, e.loadedAt = $loadedAt,
                            e.rowsRead = $rows, e.rowsRejected = $rejected, e.seconds = $seconds
                        """)
                .bind(source).to("source")
                .bind(edition).to("edition")
                .bind(checksum).to("checksum")
                .bind(origin.name()).to("origin")
                .bind(Instant.now().atZone(ZoneOffset.UTC)).to("loadedAt")
                .bind(summary.read()).to("rows")
                .bind(summary.rejected()).to("rejected")
                .bind(summary.elapsed().toMillis() / 1000.0).to("seconds")
                .run();
    }
}
