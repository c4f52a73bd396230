package fr.santegraph.practitioner;

import fr.santegraph.practitioner.PractitionerWriter.Held;
import fr.santegraph.practitioner.PractitionerWriter.Known;
import fr.santegraph.practitioner.PractitionerWriter.PractitionerWrite;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one batch of the activity file changes in the graph, decided from what the graph holds. Pure: no database,
 * so every case (new, changed, returning, unchanged, more lines of one already written, gone) is a unit test.
 */
record Reconciliation(List<PractitionerWrite> created, List<PractitionerWrite> changed,
                      List<PractitionerWrite> appended, long unchanged, long lines) {

    /**
     * Parameters are built only for what is written: most practitioners of a refresh are unchanged.
     *
     * @param known what the graph holds about the batch's practitioners (absent: new)
     * @param kept  practitioners with a rejected line: what the graph holds of them stays (their lines read are
     *              not all they are), though a new one is created from the lines that could be read
     */
    static Reconciliation of(Map<String, List<ActivityLine>> practitioners, Map<String, Known> known, Set<String> kept) {
        List<PractitionerWrite> created = new ArrayList<>();
        List<PractitionerWrite> changed = new ArrayList<>();
        List<PractitionerWrite> appended = new ArrayList<>();
        long unchanged = 0;
        long lines = 0;
        for (Map.Entry<String, List<ActivityLine>> entry : practitioners.entrySet()) {
            String id = entry.getKey();
            List<ActivityLine> practitionerLines = entry.getValue();
            lines += practitionerLines.size();
            long fingerprint = fingerprintOf(practitionerLines);
            Known before = known.get(id);
            if (before == null) {
                created.add(PractitionerWrite.of(id, practitionerLines, fingerprint));
            } else if (kept.contains(id)) {
                unchanged++;
            } else if (before.seenThisRun()) {
                // More lines of a practitioner this run already wrote (an unsorted file): the fingerprint sums all of
                // them. Added here, where long arithmetic wraps; Cypher's would fail on overflow.
                appended.add(PractitionerWrite.of(id, practitionerLines, before.fingerprint() + fingerprint));
            } else if (!before.active() || before.fingerprint() != fingerprint) {
                changed.add(PractitionerWrite.of(id, practitionerLines, fingerprint));
            } else {
                unchanged++;
            }
        }
        return new Reconciliation(List.copyOf(created), List.copyOf(changed), List.copyOf(appended), unchanged, lines);
    }

    /**
     * The active practitioners of one page of an identifier range that the file no longer lists. {@code kept}: listed
     * on lines that were rejected, so the file still publishes them; they are left as they are, never retired.
     */
    static List<String> absent(List<Held> page, Set<String> published, Set<String> kept) {
        List<String> absent = new ArrayList<>();
        for (Held held : page) {
            if (held.active() && !published.contains(held.id()) && !kept.contains(held.id())) {
                absent.add(held.id());
            }
        }
        return absent;
    }

    /** A sum over the practitioner's lines, so their order does not matter. */
    static long fingerprintOf(List<ActivityLine> lines) {
        long fingerprint = 0;
        for (ActivityLine line : lines) {
            fingerprint += line.fingerprint();
        }
        return fingerprint;
    }
}
