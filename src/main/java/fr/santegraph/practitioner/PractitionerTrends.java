package fr.santegraph.practitioner;

import fr.santegraph.common.InvalidArgumentException;
import fr.santegraph.common.ReadTransaction;
import fr.santegraph.common.Rows;
import fr.santegraph.territory.TerritoryService;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Service;

/**
 * Active practitioners of a territory at each extraction date the refreshes kept, with arrivals and departures since
 * the previous one — what regional portals compute by hand from successive extractions. Counted from the history the
 * imports keep on activities ({@code firstSeenOn}, {@code retiredOn}), so an activity's profession, specialty and
 * site are those it was published with at that date.
 */
@Service
@ReadTransaction
public class PractitionerTrends {

    static final int MAX_POINTS = 120;

    /** One extraction date: distinct practitioners active there, and the changes since the previous point. */
    public record TrendPoint(LocalDate date, int active, @Nullable Integer arrivals, @Nullable Integer departures) {
    }

    private final Neo4jClient neo4j;
    private final TerritoryService territories;
    private final PractitionerService practitioners;

    public PractitionerTrends(Neo4jClient neo4j, TerritoryService territories, PractitionerService practitioners) {
        this.neo4j = neo4j;
        this.territories = territories;
        this.practitioners = practitioners;
    }

    /** The last {@code points} extraction dates, oldest first, for one profession or specialty (or all). */
    public List<TrendPoint> trend(String territoryId, String profession, String specialty, int points) {
        if (points < 1 || points > MAX_POINTS) {
            throw new InvalidArgumentException("last must be between 1 and " + MAX_POINTS);
        }
        List<LocalDate> dates = new ArrayList<>(neo4j.query("""
                        MATCH (r:ImportRun {source: 'RPPS PS_LibreAcces'}) WHERE r.extractionDate IS NOT NULL
                        RETURN DISTINCT r.extractionDate AS d ORDER BY d DESC LIMIT $points""")
                .bind(points).to("points").fetchAs(LocalDate.class).all());
        if (dates.isEmpty()) {
            return List.of();
        }
        Collections.reverse(dates);
        List<Map<String, Object>> activities = List.copyOf(neo4j.query("""
                        MATCH (x:Territory) WHERE x.id IN $inside
                        MATCH (x)<-[:LOCATED_IN]-(:Site)<-[:AT_SITE]-(a:Activity)<-[:HAS_ACTIVITY]-(p:Practitioner)
                        WHERE ($profession IS NULL OR a.professionCode = $profession)
                          AND ($specialty IS NULL OR a.specialtyCode = $specialty)
                          AND a.firstSeenOn <= $last AND (a.retiredOn IS NULL OR a.retiredOn > $first)
                        RETURN p.id AS id, a.firstSeenOn AS since, a.retiredOn AS until""")
                .bindAll(Map.of("inside", territories.placesInside(territoryId), "last", dates.get(dates.size() - 1),
                        "first", dates.get(0)))
                .bind(PractitionerService.blankToNull(profession)).to("profession")
                .bind(PractitionerService.blankToNull(specialty)).to("specialty")
                .fetch().all());
        if (activities.isEmpty()) {
            // An empty trend for a code the directory never had is a typo: say which code.
            practitioners.requireKnownCodes(PractitionerService.blankToNull(profession),
                    PractitionerService.blankToNull(specialty));
        }
        List<TrendPoint> trend = new ArrayList<>(dates.size());
        Set<Object> previous = null;
        for (LocalDate date : dates) {
            Set<Object> active = new HashSet<>();
            for (Map<String, Object> activity : activities) {
                LocalDate since = (LocalDate) Rows.get(activity, "since");
                LocalDate until = (LocalDate) activity.get("until");
                if (!since.isAfter(date) && (until == null || until.isAfter(date))) {
                    active.add(activity.get("id"));
                }
            }
            Integer arrivals = null;
            Integer departures = null;
            if (previous != null) {
                Set<Object> before = previous;
                arrivals = (int) active.stream().filter(id -> !before.contains(id)).count();
                departures = (int) before.stream().filter(id -> !active.contains(id)).count();
            }
            trend.add(new TrendPoint(date, active.size(), arrivals, departures));
            previous = active;
        }
        return trend;
    }
}
