package fr.santegraph.practitioner;

import fr.santegraph.common.BatchResults;
import fr.santegraph.common.CountedConnection;
import fr.santegraph.common.InvalidArgumentException;
import fr.santegraph.common.Pagination;
import fr.santegraph.practitioner.PractitionerFilter.ModeOfPractice;
import fr.santegraph.practitioner.PractitionerFilter.PractitionerGrouping;
import fr.santegraph.territory.Territory;
import fr.santegraph.territory.TerritoryLevel;
import graphql.GraphQLContext;
import graphql.schema.DataFetchingFieldSelectionSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Controller;

@Controller
public class PractitionerController {

    static final int MAX_IMPORTS = 100;

    private final PractitionerService practitioners;
    private final Pagination pagination;
    private final PractitionerTrends trends;

    public PractitionerController(PractitionerService practitioners, Pagination pagination, PractitionerTrends trends) {
        this.practitioners = practitioners;
        this.pagination = pagination;
        this.trends = trends;
    }

    @QueryMapping
    public @Nullable Practitioner practitioner(@Argument String id) {
        return practitioners.findById(id).orElse(null);
    }

    @QueryMapping
    public CountedConnection<Practitioner> practitioners(@Argument PractitionerFilter filter,
                                                         @Argument PractitionerOrder orderBy, ScrollSubrange subrange,
                                                         DataFetchingFieldSelectionSet selection,
                                                         GraphQLContext context) {
        boolean activities = selection.contains("nodes/activities") || selection.contains("edges/node/activities");
        return practitioners.find(filter, orderBy, pagination.request(subrange), selection.contains("totalCount"),
                activities ? PrefetchedActivities.of(context) : null);
    }

    @QueryMapping
    public List<PractitionerService.ProfessionCount> professions() {
        return practitioners.professionCounts();
    }

    @QueryMapping
    public List<PractitionerService.SpecialtyCount> specialties() {
        return practitioners.specialtyCounts();
    }

    @QueryMapping
    public List<PractitionerService.ModeOfPracticeCount> modesOfPractice() {
        return practitioners.modeOfPracticeCounts();
    }

    @QueryMapping
    public List<PractitionerService.UnplacedCount> unplacedPractitionerCounts() {
        return practitioners.unplacedCounts();
    }

    @QueryMapping
    public List<PractitionerImport> practitionerImports(@Argument int first) {
        if (first < 0 || first > MAX_IMPORTS) {
            throw new InvalidArgumentException("first must be between 0 and " + MAX_IMPORTS);
        }
        return practitioners.imports(first);
    }

    @SchemaMapping(typeName = "Territory")
    public List<PractitionerCount> practitionerCounts(Territory territory, @Argument PractitionerGrouping groupBy,
                                                      @Argument TerritoryLevel level, @Argument String profession,
                                                      @Argument String specialty, @Argument ModeOfPractice modeOfPractice) {
        // Exact for everyone: the directory is public entry by entry (docs/disclosure.md).
        List<PractitionerCount> counts = practitioners.counts(territory.id(), groupBy, level,
                new PractitionerFilter(profession, specialty, modeOfPractice, null, null, null, null, null, false));
        return counts;
    }

    @SchemaMapping(typeName = "Territory")
    public List<PractitionerTrends.TrendPoint> practitionerTrend(Territory territory, @Argument String profession,
                                                                 @Argument String specialty, @Argument int last) {
        return trends.trend(territory.id(), profession, specialty, last);
    }

    @SchemaMapping(typeName = "Territory")
    public CountedConnection<Practitioner> unplacedPractitioners(Territory territory, ScrollSubrange subrange,
                                                                 DataFetchingFieldSelectionSet selection) {
        return practitioners.find(new PractitionerFilter(null, null, null, territory.id(), null, null, null, false, false), null,
                pagination.request(subrange), selection.contains("totalCount"));
    }

    @BatchMapping
    public Map<Practitioner, List<Activity>> activities(List<Practitioner> sources, GraphQLContext context) {
        PrefetchedActivities prefetched = PrefetchedActivities.readIn(context);
        if (prefetched == null) {
            return byPractitioner(sources, practitioners::activities);
        }
        // Those read with their page need no statement.
        return byPractitioner(sources, ids -> {
            List<String> unread = ids.stream().filter(id -> prefetched.get(id) == null).toList();
            Map<String, List<Activity>> byId = new HashMap<>(unread.isEmpty() ? Map.of() : practitioners.activities(unread));
            ids.stream().filter(id -> prefetched.get(id) != null).forEach(id -> byId.put(id, prefetched.get(id)));
            return byId;
        });
    }

    @BatchMapping
    public Map<Practitioner, List<Site>> sites(List<Practitioner> sources) {
        return byPractitioner(sources, practitioners::sites);
    }

    @BatchMapping(typeName = "Practitioner", field = "territories")
    public Map<Practitioner, List<Territory>> practitionerTerritories(List<Practitioner> sources) {
        return byPractitioner(sources, practitioners::territories);
    }

    @BatchMapping
    public Map<Practitioner, List<Profession>> professions(List<Practitioner> sources) {
        return byPractitioner(sources, practitioners::professions);
    }

    @BatchMapping
    public Map<Practitioner, List<Specialty>> specialties(List<Practitioner> sources) {
        return byPractitioner(sources, practitioners::specialties);
    }

    @BatchMapping
    public Map<Practitioner, List<Diploma>> diplomas(List<Practitioner> sources) {
        return byPractitioner(sources, practitioners::diplomas);
    }

    @BatchMapping
    public Map<Practitioner, List<Authorisation>> authorisations(List<Practitioner> sources) {
        return byPractitioner(sources, practitioners::authorisations);
    }

    @BatchMapping
    public Map<Activity, Site> site(List<Activity> sources) {
        // Activities read with their site (a practitioner's activities are) need no statement.
        Map<Activity, Site> sites = BatchResults.ones(sources, a -> a.site() == null ? a.siteId() : null,
                ids -> BatchResults.firsts(practitioners.sitesById(ids)));
        sources.stream().filter(a -> a.site() != null).forEach(a -> sites.putIfAbsent(a, a.site()));
        return sites;
    }

    @BatchMapping(typeName = "Site", field = "territory")
    public Map<Site, Territory> siteTerritory(List<Site> sources) {
        return practitioners.territoriesOf(sources.stream().distinct().toList());
    }

    private static <T> Map<Practitioner, List<T>> byPractitioner(List<Practitioner> sources,
                                                                 Function<List<String>, Map<String, List<T>>> load) {
        return BatchResults.lists(sources, Practitioner::nationalId, load);
    }
}
