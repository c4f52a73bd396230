package fr.santegraph.practitioner;

import fr.santegraph.common.Rows;
import fr.santegraph.common.TextFolding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neo4j.driver.types.Point;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.lang.Nullable;

/**
 * The communes of the loaded COG held in memory for the length of an import (about 40,000 entries, whatever the
 * size of the RPPS file): INSEE code → commune and centroid, and postal code → communes with their folded names
 * and La Poste delivery labels, to resolve sites that publish a postal code and a town but no commune code.
 */
final class CommuneDirectory {

    record Commune(String id, String code, @Nullable Double latitude, @Nullable Double longitude) {
        boolean hasCentroid() {
            return latitude != null;
        }
    }

    private record PostalEntry(Commune commune, Set<String> names) {
    }

    private final Map<String, Commune> byCode = new HashMap<>();
    private final Map<String, List<PostalEntry>> byPostalCode = new HashMap<>();

    static CommuneDirectory load(Neo4jClient neo4j) {
        CommuneDirectory directory = new CommuneDirectory();
        // A retired commune (merged) still published in the RPPS resolves to the commune it was merged into.
        neo4j.query("""
                MATCH (c:Territory) WHERE c:Commune OR c:MunicipalArrondissement
                OPTIONAL MATCH (c)-[:MERGED_INTO]->(successor:Commune)
                WITH c, CASE WHEN c.active THEN c ELSE successor END AS target
                WHERE target IS NOT NULL
                RETURN c.code AS code, target.id AS id, target.code AS targetCode, target.centroid AS centroid
                """).fetch().all().forEach(row -> {
            Point centroid = (Point) row.get("centroid");
            directory.byCode.put((String) row.get("code"), new Commune(Rows.text(row, "id"), Rows.text(row, "targetCode"),
                    centroid == null ? null : centroid.y(), centroid == null ? null : centroid.x()));
        });
        neo4j.query("""
                MATCH (c:Territory)-[r:HAS_POSTAL_CODE]->(p:PostalCode)
                WHERE (c:Commune OR c:MunicipalArrondissement) AND c.active
                RETURN p.code AS postalCode, c.code AS code, c.name AS name, coalesce(r.deliveryLabels, []) AS labels
                """).fetch().all().forEach(row -> {
            Commune commune = directory.byCode.get((String) row.get("code"));
            if (commune == null) {
                return;
            }
            Set<String> names = new HashSet<>();
            names.add(TextFolding.fold(Rows.text(row, "name")));
            for (Object label : Rows.list(row, "labels")) {
                names.add(TextFolding.fold((String) label));
            }
            directory.byPostalCode.computeIfAbsent((String) row.get("postalCode"), code -> new ArrayList<>())
                    .add(new PostalEntry(commune, names));
        });
        return directory;
    }

    boolean isEmpty() {
        return byCode.isEmpty();
    }

    @Nullable Commune byCode(String code) {
        return byCode.get(code);
    }

    /**
     * The commune of a postal code and town: the one whose name or delivery label is the town, else the only
     * commune of that postal code when no town is given; null when neither settles it.
     */
    @Nullable Commune byPostalCodeAndTown(@Nullable String postalCode, @Nullable String town) {
        List<PostalEntry> entries = postalCode == null ? null : byPostalCode.get(postalCode);
        if (entries == null) {
            return null;
        }
        if (town != null) {
            String folded = TextFolding.fold(town);
            for (PostalEntry entry : entries) {
                if (entry.names().contains(folded)) {
                    return entry.commune();
                }
            }
            return null;
        }
        long distinct = entries.stream().map(entry -> entry.commune().code()).distinct().count();
        return distinct == 1 ? entries.get(0).commune() : null;
    }
}
