package fr.santegraph.dcat;

/** The EU access-right vocabulary: what a published access level says about who may get the data. */
public enum AccessLevel {
    /** Open to anyone (open data, free download). */
    PUBLIC("Public"),
    /** Available under conditions (authorisation, agreement, fee, registration). */
    RESTRICTED("Restreint"),
    /** Not published (internal use, confidential). */
    NON_PUBLIC("Non public");

    private final String labelFr;

    AccessLevel(String labelFr) {
        this.labelFr = labelFr;
    }

    public String labelFr() {
        return labelFr;
    }
}
