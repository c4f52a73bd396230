package fr.santegraph.dataset;

import static fr.santegraph.catalogue.Props.bool;
import static fr.santegraph.catalogue.Props.required;
import static fr.santegraph.catalogue.Props.str;

import org.neo4j.driver.Value;
import org.springframework.lang.Nullable;


public record Variable(String id, String code, String name, @Nullable String description, @Nullable String type,
                       @Nullable String length, @Nullable String nomenclature, boolean primaryKey) {

    public static Variable from(Value p) {
        return new Variable(required(p, "id"), required(p, "code"), required(p, "name"), str(p, "description"), str(p, "type"),
                str(p, "length"), str(p, "nomenclature"), bool(p, "primaryKey"));
    }
}
