package fr.santegraph.catalogue;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.lang.Nullable;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * What the editors' mutations of the catalogue features share: the validation of a code and a name, the upsert
 * that tells whether it created the node, and who made the edit. Each edit is keyed on the business code (so a
 * correction updates the same node the importers write), stamped with who and when; a later import of a source that
 * publishes the same entry overwrites the fields it publishes.
 */
@Component
public class CatalogueEdits {

    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,79}");

    /** The edit was not applied; nothing changed (a member of every save payload union). */
    public record EditRejected(String reason) {
    }

    private final Neo4jClient neo4j;
    private final CatalogueRepository catalogue;
    private final CatalogueSortKeys sortKeys;

    public CatalogueEdits(Neo4jClient neo4j, CatalogueRepository catalogue, CatalogueSortKeys sortKeys) {
        this.neo4j = neo4j;
        this.catalogue = catalogue;
        this.sortKeys = sortKeys;
    }

    /** Why a code or a name is refused, or null. */
    public static @Nullable String problem(String code, String name) {
        if (code == null || !CODE.matcher(code).matches()) {
            return "code '" + code + "' must be lower-case letters, digits and hyphens (at most 80)";
        }
        if (name == null || name.isBlank() || name.length() > 500) {
            return "a name or title of 1 to 500 characters is required";
        }
        return null;
    }

    /** Whether a node of {@code label} has the global id {@code id}. */
    public boolean exists(String label, String id) {
        return catalogue.findById(label, id).isPresent();
    }

    public Value node(String label, String id) {
        return catalogue.findById(label, id).orElseThrow();
    }

    /**
     * Runs an upsert whose node {@code n} sets {@code n.created}, with the properties as {@code $p} and the caller as
     * {@code $editor}; returns whether it created the node (the marker is removed).
     */
    public boolean upsert(String cypher, Map<String, Object> properties) {
        Map<String, Object> result = neo4j.query(cypher + """
                        WITH n, n.created AS created
                        REMOVE n.created
                        RETURN created, n.id AS id, [label IN labels(n) WHERE label IN $sorted][0] AS label""")
                .bind(properties).to("p").bind(editor()).to("editor").bind(CatalogueSortKeys.LABELS).to("sorted")
                .fetch().one().orElse(Map.of());
        if (result.get("label") != null) {
            sortKeys.update((String) result.get("label"), List.of(result.get("id")));
        }
        return Boolean.TRUE.equals(result.get("created"));
    }

    /** Runs an edit statement with {@code $editor} bound to the caller. */
    public void run(String cypher, Map<String, Object> parameters) {
        neo4j.query(cypher).bindAll(parameters).bind(editor()).to("editor").run();
    }

    private static String editor() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "unknown" : authentication.getName();
    }
}
