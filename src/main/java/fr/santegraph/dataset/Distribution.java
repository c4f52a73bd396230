package fr.santegraph.dataset;

import static fr.santegraph.catalogue.Props.str;
import org.neo4j.driver.Value;


public record Distribution(String id, String title, String format, String url, String licence) {

    public static Distribution from(Value p) {
        return new Distribution(str(p, "id"), str(p, "title"), str(p, "format"), str(p, "url"), str(p, "licence"));
    }
}
