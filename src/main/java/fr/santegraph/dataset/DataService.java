package fr.santegraph.dataset;

import static fr.santegraph.catalogue.Props.required;
import static fr.santegraph.catalogue.Props.str;

import org.neo4j.driver.Value;
import org.springframework.lang.Nullable;


/** A portal or API that serves data (ScanSanté, Géodes, C@RTOSanté…). */
public record DataService(String id, String code, String title, @Nullable String description,
                          @Nullable String endpointUrl, @Nullable String landingPage) {

    public static DataService from(Value p) {
        return new DataService(required(p, "id"), required(p, "code"), required(p, "title"), str(p, "description"),
                str(p, "endpointUrl"), str(p, "landingPage"));
    }
}
