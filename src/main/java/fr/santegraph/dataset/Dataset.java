package fr.santegraph.dataset;

import static fr.santegraph.catalogue.Props.list;
import static fr.santegraph.catalogue.Props.str;

import fr.santegraph.catalogue.AccessLevel;
import fr.santegraph.catalogue.UpdateFrequency;
import java.util.List;
import org.neo4j.driver.Value;

/** A database, survey or publication. */
public record Dataset(String id, String code, String title, String description, String manager, String origin,
                      List<String> typology, List<String> keywords, String coverage, UpdateFrequency updateFrequency,
                      AccessLevel accessLevel, AccessConditions aggregatedAccess, AccessConditions granularAccess,
                      String landingPage, List<String> sources) {

    public record AccessConditions(AccessLevel level, String label, String comment, String cost, String format,
                                   String formatComment, String reuseConditions, String portal, String mainData) {

        static AccessConditions from(Value p, String kind) {
            return new AccessConditions(Dataset.level(str(p, "access" + kind)), str(p, "access" + kind + "Label"),
                    str(p, "access" + kind + "Comment"), str(p, "access" + kind + "Cost"), str(p, "format" + kind),
                    str(p, "format" + kind + "Comment"), str(p, "reuse" + kind), str(p, "portal" + kind),
                    str(p, "data" + kind));
        }
    }

    public static Dataset from(Value p) {
        return new Dataset(str(p, "id"), str(p, "code"), str(p, "title"), str(p, "description"), str(p, "manager"),
                str(p, "origin"), list(p, "typology"), list(p, "keywords"), str(p, "coverage"),
                p.get("updateFrequency").isNull() ? null : UpdateFrequency.valueOf(str(p, "updateFrequency")),
                level(str(p, "accessLevel")), AccessConditions.from(p, "Aggregated"), AccessConditions.from(p, "Granular"),
                str(p, "landingPage"), list(p, "sources"));
    }

    static AccessLevel level(String value) {
        return value == null ? null : AccessLevel.valueOf(value);
    }
}
