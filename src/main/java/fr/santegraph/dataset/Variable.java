package fr.santegraph.dataset;

import static fr.santegraph.catalogue.Props.bool;
import static fr.santegraph.catalogue.Props.str;
import org.neo4j.driver.Value;


public record Variable(String id, String code, String name, String description, String type, String length,
                       String nomenclature, boolean primaryKey) {

    public static Variable from(Value p) {
        return new Variable(str(p, "id"), str(p, "code"), str(p, "name"), str(p, "description"), str(p, "type"),
                str(p, "length"), str(p, "nomenclature"), bool(p, "primaryKey"));
    }
}
