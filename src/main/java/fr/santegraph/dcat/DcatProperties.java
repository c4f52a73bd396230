package fr.santegraph.dcat;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code santegraph.dcat.*}: the page size of {@code /catalog}, how long written pages are kept and in how much
 * memory ({@code page-cache-ttl}, {@code page-cache-mb}; 0 turns it off) and how the catalogue describes itself.
 */
@ConfigurationProperties("santegraph.dcat")
public record DcatProperties(
        @DefaultValue("500") int pageSize,
        @DefaultValue("60s") Duration pageCacheTtl,
        @DefaultValue("64") int pageCacheMb,
        @DefaultValue("Catalogue santegraph des données de santé publique") String title,
        @DefaultValue("Les producteurs, jeux de données, services de données et indicateurs de santé publique français réunis par santegraph.") String description,
        @DefaultValue("santegraph") String publisherId,
        @DefaultValue("santegraph") String publisherName,
        String homepage) {

    public DcatProperties {
        if (pageSize < 1 || pageSize > 10_000) {
            throw new IllegalArgumentException("santegraph.dcat.page-size must be between 1 and 10000, not " + pageSize);
        }
        if (pageCacheTtl.isNegative()) {
            throw new IllegalArgumentException("santegraph.dcat.page-cache-ttl must be 0 (off) or more, not " + pageCacheTtl);
        }
        if (pageCacheMb < 0) {
            throw new IllegalArgumentException("santegraph.dcat.page-cache-mb must be 0 (off) or more, not " + pageCacheMb);
        }
    }

    /** The catalogue's own publisher: the agent of the catalogue and of the indicators santegraph computes. */
    public DcatRecords.Agent publisher() {
        return new DcatRecords.Agent(publisherId, publisherName, homepage);
    }
}
