package fr.santegraph.dcat;

/** The EU frequency vocabulary (dct:accrualPeriodicity); the constant name is the authority code. */
public enum UpdateFrequency {
    CONT("Continue"),
    DAILY("Quotidienne"),
    WEEKLY("Hebdomadaire"),
    MONTHLY("Mensuelle"),
    QUARTERLY("Trimestrielle"),
    ANNUAL_2("Semestrielle"),
    ANNUAL("Annuelle"),
    BIENNIAL("Biennale"),
    TRIENNIAL("Triennale"),
    QUADRENNIAL("Quadriennale"),
    QUINQUENNIAL("Quinquennale"),
    DECENNIAL("Décennale"),
    IRREG("Irrégulière"),
    NEVER("Jamais"),
    OTHER("Autre"),
    UNKNOWN("Inconnue");

    private final String labelFr;

    UpdateFrequency(String labelFr) {
        this.labelFr = labelFr;
    }

    public String labelFr() {
        return labelFr;
    }
}
