package fr.santegraph.producer;

import fr.santegraph.catalogue.CatalogueEdits.EditRejected;
import fr.santegraph.catalogue.CatalogueEdits;
import fr.santegraph.catalogue.CatalogueRepository;
import fr.santegraph.catalogue.CatalogueWriter;
import fr.santegraph.catalogue.ProducerKind;
import java.util.HashMap;
import java.util.Map;
import org.springframework.lang.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** Editors create and correct producers and record their other spellings. */
@Service
@PreAuthorize("hasRole('EDITOR')")
public class ProducerEdits {

    public record ProducerInput(String code, String name, String acronym, ProducerKind kind, String description,
                                String homePage) {
    }

    public record ProducerSaved(Producer producer, boolean created) {
    }

    private final CatalogueEdits edits;

    public ProducerEdits(CatalogueEdits edits) {
        this.edits = edits;
    }

    /** {@link ProducerSaved} or {@link EditRejected}. */
    public Object save(ProducerInput input) {
        String problem = CatalogueEdits.problem(input.code(), input.name());
        if (problem != null) {
            return new EditRejected(problem);
        }
        Map<String, Object> p = new HashMap<>();
        p.put("id", "producer:" + input.code());
        p.put("code", input.code());
        p.put("name", input.name().strip());
        p.put("acronym", input.acronym());
        p.put("kind", input.kind() == null ? null : input.kind().name());
        p.put("description", input.description());
        p.put("homePage", input.homePage());
        boolean created = edits.upsert("""
                MERGE (n:Producer {id: $p.id})
                ON CREATE SET n.created = true, n.aliases = [], n.inAliasFile = false
                ON MATCH SET n.created = false
                SET n.code = $p.code, n.name = $p.name, n.acronym = $p.acronym, n.kind = coalesce($p.kind, n.kind, 'OTHER'),
                    n.description = $p.description, n.homePage = $p.homePage,
                    n.editedBy = $editor, n.editedAt = datetime()
                SET n.searchText = %s
                """.formatted(CatalogueWriter.producerSearchText("n")), p);
        return new ProducerSaved(producer(input.code()), created);
    }

    /** {@link ProducerSaved} or {@link EditRejected}. */
    public Object addAlias(String producer, String alias) {
        String code = CatalogueRepository.code("producer", producer);
        if (alias == null || alias.isBlank() || alias.length() > 300) {
            return new EditRejected("an alias is a name of 1 to 300 characters");
        }
        if (!edits.exists("Producer", "producer:" + code)) {
            return new EditRejected("no producer " + producer);
        }
        edits.run("""
                MATCH (n:Producer {id: $id})
                SET n.aliases = CASE WHEN $alias IN n.aliases THEN n.aliases ELSE n.aliases + $alias END,
                    n.editedBy = $editor, n.editedAt = datetime()
                SET n.searchText = %s
                """.formatted(CatalogueWriter.producerSearchText("n")), Map.of("id", "producer:" + code, "alias", alias.strip()));
        return new ProducerSaved(producer(code), false);
    }

    private Producer producer(@Nullable String code) {
        return Producer.from(edits.node("Producer", "producer:" + code));
    }
}
