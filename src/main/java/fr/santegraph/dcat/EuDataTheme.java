package fr.santegraph.dcat;

/** The EU data-theme vocabulary (DCAT-AP's mandatory theme list), with its French labels. */
public enum EuDataTheme {
    AGRI("Agriculture, pêche, sylviculture et alimentation"),
    ECON("Économie et finances"),
    EDUC("Éducation, culture et sport"),
    ENER("Énergie"),
    ENVI("Environnement"),
    GOVE("Gouvernement et secteur public"),
    HEAL("Santé"),
    INTR("Questions internationales"),
    JUST("Justice, système juridique et sécurité publique"),
    REGI("Régions et villes"),
    SOCI("Population et société"),
    TECH("Science et technologie"),
    TRAN("Transports");

    private final String labelFr;

    EuDataTheme(String labelFr) {
        this.labelFr = labelFr;
    }

    public String labelFr() {
        return labelFr;
    }
}
