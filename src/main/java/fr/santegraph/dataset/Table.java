package fr.santegraph.dataset;

import static fr.santegraph.catalogue.Props.list;
import static fr.santegraph.catalogue.Props.required;
import static fr.santegraph.catalogue.Props.str;

import java.util.List;
import org.neo4j.driver.Value;
import org.springframework.lang.Nullable;

/** A table of an SNDS-like database, from its Table Schema file. */
public record Table(String id, String code, String name, @Nullable String title, List<String> primaryKey) {

    public static Table from(Value p) {
        return new Table(required(p, "id"), required(p, "code"), required(p, "name"), str(p, "title"),
                list(p, "primaryKey"));
    }

    /** A foreign key of this table to another. */
    public record Join(Table table, List<String> fields, List<String> referencedFields) {
    }
}
