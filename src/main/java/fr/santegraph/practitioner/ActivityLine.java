package fr.santegraph.practitioner;

import java.util.HashMap;
import java.util.Map;
import org.springframework.lang.Nullable;

/**
 * One line of {@code PS_LibreAcces_Personne_activite}: a practitioner and one of their activities, at a site or
 * none. Property maps hold the published codes and labels as they are, ready to be Cypher parameters.
 */
record ActivityLine(long line, String practitionerId, Map<String, Object> practitioner, CodedLabel profession,
                    @Nullable Specialty specialty, String activityId, Map<String, Object> activity,
                    @Nullable SiteRow site, long fingerprint) {

    /**
     * This line with its activity in the département its site was placed in (none without a site or placement). The
     * fingerprint covers it, so a practitioner whose site moves to another département (a COG update) is rewritten.
     */
    ActivityLine inDepartment(@Nullable String departmentCode) {
        if (departmentCode == null) {
            return this;
        }
        Map<String, Object> placed = new HashMap<>(activity);
        placed.put("departmentCode", departmentCode);
        return new ActivityLine(line, practitionerId, practitioner, profession, specialty, activityId, placed, site,
                fingerprint * 31 + departmentCode.hashCode());
    }

    /** A code and its published label (profession, savoir-faire, diploma…). */
    record CodedLabel(String code, @Nullable String label) {
    }

    /** A specialty or savoir-faire as the RPPS lists it, with its type (spécialité ordinale, DESC, capacité…). */
    record Specialty(String code, @Nullable String label, @Nullable String typeCode, @Nullable String typeLabel) {
    }
}
