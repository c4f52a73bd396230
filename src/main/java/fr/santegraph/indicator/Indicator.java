package fr.santegraph.indicator;

import static fr.santegraph.catalogue.Props.constant;
import static fr.santegraph.catalogue.Props.list;
import static fr.santegraph.catalogue.Props.required;
import static fr.santegraph.catalogue.Props.str;

import fr.santegraph.catalogue.AccessLevel;
import fr.santegraph.catalogue.GeoLevel;
import fr.santegraph.catalogue.UpdateFrequency;
import java.util.List;
import org.neo4j.driver.Value;
import org.springframework.lang.Nullable;

/**
 * A published health indicator (DREES index). {@code valueKind}: {@code COUNT} or {@code RATIO} once values were
 * imported (the observation feature's schema serves it).
 */
public record Indicator(String id, String code, String name, @Nullable String family, @Nullable String familyCode,
                        List<String> classification, @Nullable String base, @Nullable String sourceLabel,
                        @Nullable String producerLabel, @Nullable String historicalDepth,
                        @Nullable UpdateFrequency updateFrequency, @Nullable String updateFrequencyLabel,
                        @Nullable AccessLevel accessLevel, @Nullable String accessTypeLabel, @Nullable String link,
                        @Nullable String comments, List<GeoLevel> geoLevels, @Nullable String valueKind) {

    public static Indicator from(Value p) {
        return new Indicator(required(p, "id"), required(p, "code"), required(p, "name"), str(p, "family"), str(p, "familyCode"),
                list(p, "classification"), str(p, "base"), str(p, "sourceLabel"), str(p, "producerLabel"),
                str(p, "historicalDepth"),
                constant(p, "updateFrequency", UpdateFrequency.class),
                str(p, "updateFrequencyLabel"),
                constant(p, "accessLevel", AccessLevel.class),
                str(p, "accessTypeLabel"), str(p, "link"), str(p, "comments"),
                list(p, "geoLevels").stream().map(GeoLevel::valueOf).toList(), str(p, "valueKind"));
    }

    public record GeoAvailability(GeoLevel level, @Nullable String coverage) {
    }
}
