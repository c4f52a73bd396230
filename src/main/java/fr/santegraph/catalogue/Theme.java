package fr.santegraph.catalogue;

import java.util.Map;

public record Theme(String id, String code, String scheme, String name) {

    public static Theme of(Map<String, Object> p) {
        return new Theme(Props.str(p, "id"), Props.str(p, "code"), Props.str(p, "scheme"), Props.str(p, "name"));
    }
}
