package fr.santegraph.producer;

import static fr.santegraph.catalogue.Props.bool;
import static fr.santegraph.catalogue.Props.constant;
import static fr.santegraph.catalogue.Props.list;
import static fr.santegraph.catalogue.Props.required;
import static fr.santegraph.catalogue.Props.str;

import fr.santegraph.catalogue.ProducerKind;
import java.util.List;
import java.util.Objects;
import org.neo4j.driver.Value;
import org.springframework.lang.Nullable;

/** An organisation that produces or publishes health data. */
public record Producer(String id, String code, String name, @Nullable String acronym, ProducerKind kind,
                       @Nullable String description, @Nullable String homePage, List<String> aliases,
                       boolean inAliasFile) {

    public static Producer from(Value p) {
        return new Producer(required(p, "id"), required(p, "code"), required(p, "name"), str(p, "acronym"),
                Objects.requireNonNullElse(constant(p, "kind", ProducerKind.class), ProducerKind.OTHER),
                str(p, "description"), str(p, "homePage"), list(p, "aliases"), bool(p, "inAliasFile"));
    }
}
