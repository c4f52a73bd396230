package fr.santegraph.practitioner;

import fr.santegraph.common.SortDirection;
import org.springframework.lang.Nullable;

/**
 * How a list of practitioners is sorted: by name (last name, then first name, in French order) or by the commune of
 * their practice, either direction; ties by national identifier, so pages never overlap.
 */
public record PractitionerOrder(Field field, SortDirection direction) {

    public enum Field { NAME, COMMUNE }

    static final PractitionerOrder DEFAULT = new PractitionerOrder(Field.NAME, SortDirection.ASC);

    static PractitionerOrder orDefault(@Nullable PractitionerOrder order) {
        return order == null ? DEFAULT : new PractitionerOrder(order.field() == null ? Field.NAME : order.field(),
                order.direction() == null ? SortDirection.ASC : order.direction());
    }

    /**
     * The Cypher that sorts the practitioners bound to {@code p}, ending on a {@code WITH p ORDER BY …}. Names sort on
     * the folded key the import stores ({@code sortName}: accents, case, hyphens and apostrophes ignored; a graph
     * imported before it falls back on the published names). A practitioner's commune is the first, in that order,
     * of the communes of their active sites; those without one come last either way.
     */
    String cypher() {
        String direction = this.direction == SortDirection.DESC ? " DESC" : "";
        String name = "coalesce(p.sortName, [toLower(p.lastName), toLower(p.firstName)])";
        if (field == Field.COMMUNE) {
            return """
                    CALL (p) {
                      OPTIONAL MATCH (p)-[:HAS_ACTIVITY]->(a:Activity)-[:AT_SITE]->(:Site)-[:LOCATED_IN]->(c:Territory)
                      WHERE a.active
                      RETURN min(c.searchName) AS communeKey
                    }
                    WITH p ORDER BY communeKey IS NULL, communeKey%1$s, %2$s%1$s, p.id%1$s
                    """.formatted(direction, name);
        }
        return "WITH p ORDER BY %2$s%1$s, p.id%1$s\n".formatted(direction, name);
    }
}
