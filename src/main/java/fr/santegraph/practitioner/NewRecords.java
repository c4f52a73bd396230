package fr.santegraph.practitioner;

import fr.santegraph.practitioner.PractitionerWriter.PractitionerWrite;
import fr.santegraph.practitioner.PractitionerWriter.SiteWrite;
import java.time.LocalDate;
import java.util.List;

/**
 * Where a run's site and practitioner writes go: the graph, statement by statement ({@link PractitionerWriter}), or
 * the files of an offline first load ({@link OfflineFirstLoad}).
 */
interface NewRecords {

    void createSites(List<SiteWrite> sites, String runId);

    void updateSites(List<SiteWrite> sites, String runId);

    void createPractitioners(List<PractitionerWrite> rows, String runId, LocalDate date);

    void updatePractitioners(List<PractitionerWrite> rows, String runId, LocalDate date, boolean append);
}
