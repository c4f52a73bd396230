package fr.santegraph.territory;

import fr.santegraph.common.GeoPoint;
import java.time.LocalDate;
import org.neo4j.driver.Value;
import org.springframework.lang.Nullable;

/** A territory as served by GraphQL; relations (parent, children, EPCI…) are resolved in batches. */
public record Territory(String id, String code, TerritoryLevel level, String name, @Nullable Long population,
                        String zone, String kind, @Nullable GeoPoint centroid, boolean active,
                        @Nullable LocalDate retiredOn) {

    /** Map projection of a territory node bound to {@code t}, read back by {@link #from(Value)}. */
    public static final String PROJECTION =
            "t {.id, .code, .level, .name, .population, .zone, .kind, .centroid, .active, .retiredOn}";

    public static Territory from(Value map) {
        Value retiredOn = map.get("retiredOn");
        Value population = map.get("population");
        return new Territory(map.get("id").asString(), map.get("code").asString(),
                TerritoryLevel.valueOf(map.get("level").asString()), map.get("name").asString(),
                population.isNull() ? null : population.asLong(),
                map.get("zone").asString(null), map.get("kind").asString(null), GeoPoint.of(map.get("centroid")),
                map.get("active").asBoolean(true), retiredOn.isNull() ? null : retiredOn.asLocalDate());
    }
}
