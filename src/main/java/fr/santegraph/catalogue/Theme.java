package fr.santegraph.catalogue;

import org.neo4j.driver.Value;

/** A theme of a catalogue scheme (the DREES classification, EU data themes…). */
public record Theme(String id, String code, String scheme, String name) {

    public static Theme from(Value p) {
        return new Theme(Props.required(p, "id"), Props.required(p, "code"), Props.required(p, "scheme"),
                Props.required(p, "name"));
    }
}
