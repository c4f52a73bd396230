package fr.santegraph.practitioner;

import java.util.Map;

/**
 * One line of {@code PS_LibreAcces_Personne_activite}: a practitioner and one of their activities, at a site or
 * none. Property maps hold the published codes and labels as they are, ready to be Cypher parameters.
 */
record ActivityLine(long line, String practitionerId, Map<String, Object> practitioner, CodedLabel profession,
                    Specialty specialty, String activityId, Map<String, Object> activity, SiteRow site,
                    long fingerprint) {

    /** A code and its published label (profession, savoir-faire, diploma…). */
    record CodedLabel(String code, String label) {
    }

    /** A specialty or savoir-faire as the RPPS lists it, with its type (spécialité ordinale, DESC, capacité…). */
    record Specialty(String code, String label, String typeCode, String typeLabel) {
    }
}
