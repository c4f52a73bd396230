package fr.santegraph.practitioner;

import fr.santegraph.common.Rows;
import fr.santegraph.ingest.BulkImport;
import fr.santegraph.ingest.ImporterCsv;
import fr.santegraph.practitioner.PractitionerWriter.PractitionerWrite;
import fr.santegraph.practitioner.PractitionerWriter.SiteWrite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neo4j.driver.Values;
import org.neo4j.driver.types.Point;
import org.springframework.lang.Nullable;

/**
 * The new part of a first load written as the offline importer's files instead of statements: what
 * {@link PractitionerWriter#CREATE_SITES} and {@link PractitionerWriter#CREATE_PRACTITIONERS} create, node for node
 * and property for property (a test compares the two graphs). Links to the territories, professions and
 * specialties already in the graph go to their ID spaces ({@code :END_ID(Territory)}), exported with the rest of
 * the graph. Rewrites of what this run wrote (a site met again with other fields) cannot be files: they are kept,
 * in order, for the writer to run once the new database is up.
 */
final class OfflineFirstLoad implements NewRecords {

    private static final Set<String> ARRAYS = Set.of("sortName");
    /** An activity's properties but its identifier, which is the file's ID column. */
    private static final List<String> ACTIVITY_COLUMNS = PractitionerWriter.ACTIVITY_PROPERTIES.stream()
            .filter(key -> !key.equals("id")).toList();

    private final BulkImport files;
    private final PractitionerWriter writer;
    private final Set<String> territories;
    private final Set<String> sites = new HashSet<>();
    private final List<Runnable> afterBuild = new ArrayList<>();
    private final ImporterCsv practitioners;
    private final ImporterCsv activities;
    private final ImporterCsv siteNodes;
    private final ImporterCsv hasActivity;
    private final ImporterCsv atSite;
    private final ImporterCsv hasProfession;
    private final ImporterCsv hasSpecialty;
    private final ImporterCsv locatedIn;

    /** {@code territories}: the identifiers of the graph's territories, which sites are linked to when they exist. */
    OfflineFirstLoad(BulkImport files, Set<String> territories, PractitionerWriter writer) throws IOException {
        this.files = files;
        this.writer = writer;
        this.territories = territories;
        practitioners = files.nodes("practitioners", "Practitioner", header("Practitioner",
                ActivityRowMapper.PRACTITIONER_KEYS, "fingerprint:long", "active:boolean", "importRun", "firstSeenOn:date"));
        activities = files.nodes("activities", "Activity", header("Activity", ACTIVITY_COLUMNS, "active:boolean",
                "firstSeenOn:date"));
        siteNodes = files.nodes("sites", "Site", header("Site", PractitionerWriter.SITE_PROPERTIES, "location:point",
                "fingerprint:long", "importRun"));
        hasActivity = files.relationships("has-activity", "HAS_ACTIVITY", link("Practitioner", "Activity"));
        atSite = files.relationships("at-site", "AT_SITE", link("Activity", "Site"));
        hasProfession = files.relationships("has-profession", "HAS_PROFESSION", link("Practitioner", "Profession"));
        hasSpecialty = files.relationships("has-specialty", "HAS_SPECIALTY", link("Practitioner", "Specialty"));
        locatedIn = files.relationships("located-in", "LOCATED_IN", link("Site", "Territory"));
    }

    private static List<String> header(String space, List<String> keys, String... more) {
        List<String> header = new ArrayList<>(List.of("id:ID(" + space + ")"));
        keys.forEach(key -> header.add(key + (ARRAYS.contains(key) ? ":string[]" : "")));
        header.addAll(List.of(more));
        return header;
    }

    private static List<String> link(String from, String to) {
        return List.of(":START_ID(" + from + ")", ":END_ID(" + to + ")");
    }

    @Override
    public void createSites(List<SiteWrite> rows, String runId) {
        try {
            for (SiteWrite site : rows) {
                Map<String, Object> parameters = site.parameters();
                Map<String, Object> properties = Rows.map(parameters, "p");
                Double latitude = (Double) parameters.get("latitude");
                Double longitude = (Double) parameters.get("longitude");
                Point location = latitude == null || longitude == null ? null
                        : Values.point(4326, longitude, latitude).asPoint();
                siteNodes.row(row(site.id(), properties, PractitionerWriter.SITE_PROPERTIES, location, site.fingerprint(),
                        runId));
                sites.add(site.id());
                String territory = (String) parameters.get("territoryId");
                if (territory != null && territories.contains(territory)) {
                    locatedIn.row(site.id(), territory);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void createPractitioners(List<PractitionerWrite> rows, String runId, LocalDate date) {
        try {
            for (PractitionerWrite practitioner : rows) {
                practitioners.row(row(practitioner.id(), practitioner.properties(), ActivityRowMapper.PRACTITIONER_KEYS,
                        practitioner.fingerprint(), true, runId, date));
                for (String profession : practitioner.professions()) {
                    hasProfession.row(practitioner.id(), profession);
                }
                for (String specialty : practitioner.specialties()) {
                    hasSpecialty.row(practitioner.id(), specialty);
                }
                for (Map<String, Object> activity : practitioner.activities()) {
                    String id = Rows.text(activity, "id");
                    activities.row(row(id, activity, ACTIVITY_COLUMNS, true, date));
                    hasActivity.row(practitioner.id(), id);
                    String site = (String) activity.get("siteId");
                    if (site != null && sites.contains(site)) {
                        atSite.row(id, site);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The identifier, the {@code keys} of {@code properties} in order, then {@code more}. */
    private static Object[] row(String id, Map<String, Object> properties, List<String> keys,
                                @Nullable Object... more) {
        Object[] row = new Object[1 + keys.size() + more.length];
        row[0] = id;
        for (int i = 0; i < keys.size(); i++) {
            row[1 + i] = properties.get(keys.get(i));
        }
        System.arraycopy(more, 0, row, 1 + keys.size(), more.length);
        return row;
    }

    @Override
    public void updateSites(List<SiteWrite> rows, String runId) {
        afterBuild.add(() -> writer.updateSites(rows, runId));
    }

    @Override
    public void updatePractitioners(List<PractitionerWrite> rows, String runId, LocalDate date, boolean append) {
        afterBuild.add(() -> writer.updatePractitioners(rows, runId, date, append));
    }

    /** The rewrites kept for the new database, run in the order they came. */
    void runAfterBuild() {
        afterBuild.forEach(Runnable::run);
        afterBuild.clear();
    }

    BulkImport files() {
        return files;
    }
}
