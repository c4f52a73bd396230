package fr.santegraph.ingest;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sources the service refreshes by itself: {@code santegraph.refresh.<source>.url} and {@code .cron} (Spring's
 * six-field cron: second minute hour day month weekday), and the import's other options, e.g.
 * <pre>
 * santegraph.refresh.practitioners.url=https://service.annuaire.sante.fr/…/PS_LibreAcces
 * santegraph.refresh.practitioners.cron=0 30 6 * * *
 * santegraph.refresh.practitioners.options.departments=54,55,57,88
 * </pre>
 */
@ConfigurationProperties("santegraph")
public record RefreshProperties(Map<String, Source> refresh) {

    public RefreshProperties {
        refresh = refresh == null ? Map.of() : Map.copyOf(refresh);
    }

    /** One scheduled source: where to fetch it, when, and the import's other options. */
    public record Source(String url, String cron, Map<String, String> options) {
        public Source {
            options = options == null ? Map.of() : Map.copyOf(options);
        }
    }
}
