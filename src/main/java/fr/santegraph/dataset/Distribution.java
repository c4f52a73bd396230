package fr.santegraph.dataset;

import static fr.santegraph.catalogue.Props.required;
import static fr.santegraph.catalogue.Props.str;

import org.neo4j.driver.Value;
import org.springframework.lang.Nullable;


public record Distribution(String id, @Nullable String title, @Nullable String format, @Nullable String url,
                           @Nullable String licence) {

    public static Distribution from(Value p) {
        return new Distribution(required(p, "id"), str(p, "title"), str(p, "format"), str(p, "url"), str(p, "licence"));
    }
}
