package fr.santegraph.dataset;

import static fr.santegraph.catalogue.Props.str;
import org.neo4j.driver.Value;


/** A portal or API that serves data (ScanSanté, Géodes, C@RTOSanté…). */
public record DataService(String id, String code, String title, String description, String endpointUrl,
                          String landingPage) {

    public static DataService from(Value p) {
        return new DataService(str(p, "id"), str(p, "code"), str(p, "title"), str(p, "description"),
                str(p, "endpointUrl"), str(p, "landingPage"));
    }
}
