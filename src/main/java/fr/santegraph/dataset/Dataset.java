package fr.santegraph.dataset;

import static fr.santegraph.catalogue.Props.constant;
import static fr.santegraph.catalogue.Props.list;
import static fr.santegraph.catalogue.Props.required;
import static fr.santegraph.catalogue.Props.str;

import fr.santegraph.catalogue.AccessLevel;
import fr.santegraph.catalogue.UpdateFrequency;
import java.util.List;
import org.neo4j.driver.Value;
import org.springframework.lang.Nullable;

/** A database, survey or publication. */
public record Dataset(String id, String code, String title, @Nullable String description, @Nullable String manager,
                      @Nullable String origin, List<String> typology, List<String> keywords, @Nullable String coverage,
                      @Nullable UpdateFrequency updateFrequency, @Nullable AccessLevel accessLevel,
                      AccessConditions aggregatedAccess, AccessConditions granularAccess, @Nullable String landingPage,
                      List<String> sources) {

    public record AccessConditions(@Nullable AccessLevel level, @Nullable String label, @Nullable String comment,
                                   @Nullable String cost, @Nullable String format, @Nullable String formatComment,
                                   @Nullable String reuseConditions, @Nullable String portal,
                                   @Nullable String mainData) {

        static AccessConditions from(Value p, String kind) {
            return new AccessConditions(constant(p, "access" + kind, AccessLevel.class), str(p, "access" + kind + "Label"),
                    str(p, "access" + kind + "Comment"), str(p, "access" + kind + "Cost"), str(p, "format" + kind),
                    str(p, "format" + kind + "Comment"), str(p, "reuse" + kind), str(p, "portal" + kind),
                    str(p, "data" + kind));
        }
    }

    public static Dataset from(Value p) {
        return new Dataset(required(p, "id"), required(p, "code"), required(p, "title"), str(p, "description"), str(p, "manager"),
                str(p, "origin"), list(p, "typology"), list(p, "keywords"), str(p, "coverage"),
                constant(p, "updateFrequency", UpdateFrequency.class),
                constant(p, "accessLevel", AccessLevel.class), AccessConditions.from(p, "Aggregated"), AccessConditions.from(p, "Granular"),
                str(p, "landingPage"), list(p, "sources"));
    }
}
