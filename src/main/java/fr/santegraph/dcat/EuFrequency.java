package fr.santegraph.dcat;

import fr.santegraph.catalogue.UpdateFrequency;
import org.springframework.lang.Nullable;

/** The EU frequency authority table (dct:accrualPeriodicity); the constant name is the authority code. */
public enum EuFrequency {
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

    EuFrequency(String labelFr) {
        this.labelFr = labelFr;
    }

    public String labelFr() {
        return labelFr;
    }

    /** The authority code of a catalogue frequency (named after the table; two spell it shorter); null for null. */
    public static @Nullable EuFrequency of(@Nullable UpdateFrequency frequency) {
        if (frequency == null) {
            return null;
        }
        return switch (frequency) {
            case CONTINUOUS -> CONT;
            case WEEKLY -> WEEKLY;
            case MONTHLY -> MONTHLY;
            case QUARTERLY -> QUARTERLY;
            case ANNUAL -> ANNUAL;
            case BIENNIAL -> BIENNIAL;
            case TRIENNIAL -> TRIENNIAL;
            case QUADRENNIAL -> QUADRENNIAL;
            case IRREGULAR -> IRREG;
            case OTHER -> OTHER;
            case UNKNOWN -> UNKNOWN;
        };
    }
}
