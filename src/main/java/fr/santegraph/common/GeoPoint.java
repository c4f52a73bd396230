package fr.santegraph.common;

import org.neo4j.driver.Value;
import org.neo4j.driver.types.Point;
import org.springframework.lang.Nullable;

/** A WGS 84 point as served by GraphQL. */
public record GeoPoint(double latitude, double longitude) {

    public static @Nullable GeoPoint of(Value value) {
        if (value == null || value.isNull()) {
            return null;
        }
        Point point = value.asPoint();
        return new GeoPoint(point.y(), point.x());
    }
}
