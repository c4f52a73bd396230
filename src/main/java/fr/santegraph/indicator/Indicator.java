package fr.santegraph.indicator;

import static fr.santegraph.catalogue.Props.list;
import static fr.santegraph.catalogue.Props.str;

import fr.santegraph.catalogue.AccessLevel;
import fr.santegraph.catalogue.GeoLevel;
import fr.santegraph.catalogue.UpdateFrequency;
import java.util.List;
import org.neo4j.driver.Value;

/**
 * A published health indicator (DREES index). {@code valueKind}: {@code COUNT} or {@code RATIO} once values were
 * imported (the observation feature's schema serves it).
 */
public record Indicator(String id, String code, String name, String family, String familyCode,
                        List<String> classification, String base, String sourceLabel, String producerLabel,
                        String historicalDepth, UpdateFrequency updateFrequency, String updateFrequencyLabel,
                        AccessLevel accessLevel, String accessTypeLabel, String link, String comments,
                        List<GeoLevel> geoLevels, String valueKind) {

    public static Indicator from(Value p) {
        return new Indicator(str(p, "id"), str(p, "code"), str(p, "name"), str(p, "family"), str(p, "familyCode"),
                list(p, "classification"), str(p, "base"), str(p, "sourceLabel"), str(p, "producerLabel"),
                str(p, "historicalDepth"),
                p.get("updateFrequency").isNull() ? null : UpdateFrequency.valueOf(str(p, "updateFrequency")),
                str(p, "updateFrequencyLabel"),
                p.get("accessLevel").isNull() ? null : AccessLevel.valueOf(str(p, "accessLevel")),
                str(p, "accessTypeLabel"), str(p, "link"), str(p, "comments"),
                list(p, "geoLevels").stream().map(GeoLevel::valueOf).toList(), str(p, "valueKind"));
    }

    public record GeoAvailability(GeoLevel level, String coverage) {
    }
}
