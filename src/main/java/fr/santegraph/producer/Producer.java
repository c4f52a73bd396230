package fr.santegraph.producer;

import fr.santegraph.catalogue.ProducerKind;
import static fr.santegraph.catalogue.Props.bool;
import static fr.santegraph.catalogue.Props.list;
import static fr.santegraph.catalogue.Props.str;

import java.util.List;
import org.neo4j.driver.Value;

/** An organisation that produces or publishes health data. */
public record Producer(String id, String code, String name, String acronym, ProducerKind kind, String description,
                       String homePage, List<String> aliases, boolean inAliasFile) {

    public static Producer from(Value p) {
        return new Producer(str(p, "id"), str(p, "code"), str(p, "name"), str(p, "acronym"),
                p.get("kind").isNull() ? ProducerKind.OTHER : ProducerKind.valueOf(str(p, "kind")),
                str(p, "description"), str(p, "homePage"), list(p, "aliases"), bool(p, "inAliasFile"));
    }
}
