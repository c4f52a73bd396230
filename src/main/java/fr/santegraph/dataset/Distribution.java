package fr.santegraph.dataset;

import static fr.santegraph.catalogue.Props.str;

import java.util.Map;

public record Distribution(String id, String title, String format, String url, String licence) {

    public static Distribution of(Map<String, Object> p) {
        return new Distribution(str(p, "id"), str(p, "title"), str(p, "format"), str(p, "url"), str(p, "licence"));
    }
}
