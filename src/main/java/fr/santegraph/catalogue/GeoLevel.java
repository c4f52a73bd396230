package fr.santegraph.catalogue;

import fr.santegraph.common.TextFolding;
import java.util.EnumSet;
import java.util.Set;

/**
 * A geographic level at which an indicator is published. NATIONAL, REGION, DEPARTMENT, EPCI and COMMUNE match
 * the territory levels of the graph; the others are health or statistical zonings without territory nodes.
 */
public enum GeoLevel {
    NATIONAL("National"), REGION("Région"), DEPARTMENT("Département"), EPCI("EPCI"), COMMUNE("Commune"),
    HEALTH_TERRITORY("Territoire de santé"), ESTABLISHMENT("Établissement"), OTHER("Autre échelle");

    private final String label;

    GeoLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** True when a published coverage cell says the level is available ("NON DISPONIBLE", "NON" and "" say not). */
    public static boolean available(String published) {
        String f = TextFolding.fold(published);
        return f != null && !f.isEmpty() && !f.equals("non disponible") && !f.equals("non");
    }

    /** The levels named in the DREES "Autre échelle de restitution" column ("IRIS, COMMUNES, EPCI, TERRITOIRES DE SANTE"). */
    public static Set<GeoLevel> otherLevels(String published) {
        Set<GeoLevel> levels = EnumSet.noneOf(GeoLevel.class);
        if (!available(published)) {
            return levels;
        }
        String f = TextFolding.fold(published);
        if (f.contains("commune")) {
            levels.add(COMMUNE);
        }
        if (f.contains("epci") || f.contains("intercommunal")) {
            levels.add(EPCI);
        }
        if (f.contains("territoire de sante") || f.contains("territoires de sante")) {
            levels.add(HEALTH_TERRITORY);
        }
        if (f.contains("etablissement")) {
            levels.add(ESTABLISHMENT);
        }
        if (levels.isEmpty() || f.contains("iris") || f.contains("canton") || f.contains("zone") || f.contains("bassin")) {
            levels.add(OTHER);
        }
        return levels;
    }
}
