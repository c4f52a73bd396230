package fr.santegraph.dcat;

import fr.santegraph.catalogue.AccessLevel;
import fr.santegraph.catalogue.Slugs;
import fr.santegraph.catalogue.UpdateFrequency;
import fr.santegraph.common.GraphVersion;
import fr.santegraph.common.ReadTransaction;
import fr.santegraph.common.Rows;
import fr.santegraph.common.TextFolding;
import fr.santegraph.dcat.DcatRecords.Agent;
import fr.santegraph.dcat.DcatRecords.CatalogEntry;
import fr.santegraph.dcat.DcatRecords.DataService;
import fr.santegraph.dcat.DcatRecords.Dataset;
import fr.santegraph.dcat.DcatRecords.DatasetKind;
import fr.santegraph.dcat.DcatRecords.DatasetRef;
import fr.santegraph.dcat.DcatRecords.Distribution;
import fr.santegraph.dcat.DcatRecords.Period;
import fr.santegraph.dcat.DcatRecords.Place;
import fr.santegraph.dcat.DcatRecords.Series;
import fr.santegraph.dcat.DcatRecords.Theme;
import fr.santegraph.territory.TerritoryLevel;
import fr.santegraph.territory.TerritoryService;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * Reads the catalogue graph (issue "catalogue": Producer, Dataset, DataService, Indicator, Theme nodes) into export
 * records. Entries come datasets first, then data services, then indicators, each kind ordered by its unique
 * {@code code}; a page reads only its own slice of each kind, with its neighbours in one query per kind.
 */
@Component
@ReadTransaction // as every API read: routed to readers, stopped by the Cypher timeout
public class CatalogueDcatSource implements DcatSource {

    private static final String DATASET_FIELDS = """
            RETURN d {.code, .title, .description, .keywords, .updateFrequency, .landingPage, .accessLevel} AS d,
                   [(d)-[:PUBLISHED_BY]->(p:Producer) | p {.code, .name, .homePage}] AS producers,
                   [(d)-[:HAS_THEME]->(t:Theme) | t {.code, .name}] AS themes,
                   [(d)-[:HAS_DISTRIBUTION]->(x:Distribution) | x {.id, .title, .format, .url, .licence, .downloadUrl,
                        .mediaType, .compressFormat,
                        service: head([(x)-[:ACCESSED_THROUGH]->(s:DataService) | s.code])}] AS distributions
            """;
    private static final String SERVICE_FIELDS = """
            RETURN s {.code, .title, .description, .endpointUrl, .landingPage} AS s,
                   [(s)-[:PUBLISHED_BY]->(p:Producer) | p {.code, .name, .homePage}] AS producers,
                   [(s)-[:SERVES]->(d:Dataset) | d {.code, .title, .description}] AS datasets
            """;
    private static final String INDICATOR_FIELDS = """
            RETURN i {.code, .name, .family, .familyCode, .base, .link, .accessLevel, .updateFrequency,
                      .historicalDepth, .geoLevels, .classification, .dataServiceCode, .baseVersion,
                      .derived, .firstPeriod, .lastPeriod} AS i,
                   [(i)-[:PRODUCED_BY]->(p:Producer) | p.code] AS producers,
                   [(i)-[:DERIVED_FROM]->(d:Dataset) | d.code] AS sources,
                   [(i)-[:HAS_THEME]->(t:Theme) | t.id] AS themes,
                   [(i)-[a:AVAILABLE_AT]->(g:GeoLevel) WHERE g.code IN ['REGION', 'DEPARTMENT'] | a.coverage] AS coverages
            """;
    /**
     * The producers, source datasets and themes a page of indicators names, each read once for the page: thousands
     * of indicators share a few dozen of them, and reading them per indicator decoded the same texts again each time.
     */
    private static final String SHARED_NODES = """
            MATCH (p:Producer) WHERE p.code IN $producers
            RETURN 'producer' AS kind, p.code AS key, p {.code, .name, .homePage} AS node
            UNION ALL
            MATCH (d:Dataset) WHERE d.code IN $sources
            RETURN 'source' AS kind, d.code AS key, d {.code, .title, .description} AS node
            UNION ALL
            MATCH (t:Theme) WHERE t.id IN $themes
            RETURN 'theme' AS kind, t.id AS key, t {.code, .name} AS node
            """;

    private final Neo4jClient neo4j;
    private final @Nullable GraphVersion version;
    /** The series leads at the graph version they were read at: they change only when the indicators do. */
    private volatile @Nullable Leads leads;
    private final TerritoryService territories;
    private final DcatUris uris;
    /** The publisher and contact of what this catalogue computes itself (the density indicators and their series). */
    private final Agent self;
    private final DcatRecords.Contact selfContact;

    @Autowired
    public CatalogueDcatSource(Neo4jClient neo4j, ObjectProvider<GraphVersion> version, TerritoryService territories,
                               DcatProperties properties, DcatUris uris) {
        this(neo4j, version.getIfAvailable(), territories, properties, uris);
    }

    CatalogueDcatSource(Neo4jClient neo4j, @Nullable GraphVersion version, TerritoryService territories,
                        DcatProperties properties, DcatUris uris) {
        this.neo4j = neo4j;
        this.version = version;
        this.territories = territories;
        this.uris = uris;
        this.self = properties.publisher();
        this.selfContact = new DcatRecords.Contact(self.name(), null,
                properties.homepage() != null ? properties.homepage() : uris.base());
    }

    private record Counts(long datasets, long services, long indicators) {
        long total() {
            return datasets + services + indicators;
        }
    }

    private Counts counts() {
        return neo4j.query("""
                        RETURN COUNT { (d:Dataset) WHERE d.code IS NOT NULL } AS datasets,
                               COUNT { (s:DataService) WHERE s.code IS NOT NULL } AS services,
                               COUNT { (i:Indicator) WHERE i.code IS NOT NULL } AS indicators
                        """)
                .fetchAs(Counts.class)
                .mappedBy((types, r) -> new Counts(r.get("datasets").asLong(), r.get("services").asLong(), r.get("indicators").asLong()))
                .one().orElseThrow();
    }

    @Override
    public long countEntries() {
        return counts().total();
    }

    @Override
    public List<CatalogEntry> entries(long offset, int limit) {
        Counts counts = counts();
        List<CatalogEntry> entries = new ArrayList<>(limit);
        long start = offset;
        long end = offset + limit;
        // Split [offset, end) over the three kinds laid end to end, each in code order ("code IS NOT NULL", true of
        // every entry, lets the planner read the unique index in order instead of sorting every entry per page).
        long[] bounds = {0, counts.datasets(), counts.datasets() + counts.services(), counts.total()};
        for (int kind = 0; kind < 3; kind++) {
            long from = Math.max(start, bounds[kind]);
            long to = Math.min(end, bounds[kind + 1]);
            if (from >= to) {
                continue;
            }
            Map<String, Object> slice = Map.of("skip", from - bounds[kind], "limit", to - from);
            switch (kind) {
                case 0 -> entries.addAll(datasets("MATCH (d:Dataset) WHERE d.code IS NOT NULL WITH d ORDER BY d.code SKIP $skip LIMIT $limit ", slice));
                case 1 -> entries.addAll(services("MATCH (s:DataService) WHERE s.code IS NOT NULL WITH s ORDER BY s.code SKIP $skip LIMIT $limit ", slice));
                default -> entries.addAll(indicators("MATCH (i:Indicator) WHERE i.code IS NOT NULL WITH i ORDER BY i.code SKIP $skip LIMIT $limit ", slice));
            }
        }
        return entries;
    }

    /**
     * The catalogue access levels not open to all: HealthDCAT-AP describes the datasets whose individual-level data
     * (else the dataset as a whole) are at one of them — the SNDS, whose aggregates are open, is one.
     */
    private static final List<String> NON_PUBLIC_LEVELS = List.of("ON_REQUEST", "RESTRICTED", "CLOSED");

    @Override
    public long countHealthEntries() {
        return neo4j.query("MATCH (d:Dataset) WHERE coalesce(d.accessGranular, d.accessLevel) IN $levels RETURN count(d)")
                .bind(NON_PUBLIC_LEVELS).to("levels").fetchAs(Long.class).one().orElse(0L);
    }

    @Override
    public List<Dataset> healthEntries(long offset, int limit) {
        return datasets("MATCH (d:Dataset) WHERE coalesce(d.accessGranular, d.accessLevel) IN $levels "
                + "WITH d ORDER BY d.code SKIP $skip LIMIT $limit ",
                Map.of("levels", NON_PUBLIC_LEVELS, "skip", offset, "limit", limit));
    }

    @Override
    public Optional<Dataset> healthDataset(String id) {
        return datasets("MATCH (d:Dataset {code: $code}) WHERE coalesce(d.accessGranular, d.accessLevel) IN $levels ",
                Map.of("code", id, "levels", NON_PUBLIC_LEVELS)).stream().findFirst();
    }

    @Override
    public Map<String, List<DcatRecords.TableSchema>> tables(Collection<String> datasetIds) {
        Map<String, List<DcatRecords.TableSchema>> tables = new HashMap<>();
        neo4j.query("""
                        UNWIND $codes AS code
                        MATCH (:Dataset {code: code})<-[:PART_OF]-(t:Table)
                        WITH code, t ORDER BY t.name
                        RETURN code, t.name AS name, t.title AS title,
                               [(t)-[:HAS_VARIABLE]->(v:Variable) | v {.name, .description, .type}] AS columns""")
                .bind(List.copyOf(datasetIds)).to("codes").fetch().all().forEach(row -> {
                    List<DcatRecords.ColumnSchema> columns = maps(row.get("columns")).stream()
                            .map(v -> new DcatRecords.ColumnSchema(str(v, "name"), str(v, "description"), str(v, "type")))
                            .sorted(Comparator.comparing(DcatRecords.ColumnSchema::name)).toList();
                    tables.computeIfAbsent((String) row.get("code"), k -> new ArrayList<>()).add(
                            new DcatRecords.TableSchema((String) row.get("name"), (String) row.get("title"), columns));
                });
        return tables;
    }

    @Override
    public Optional<Dataset> dataset(DatasetKind kind, String id) {
        List<? extends Dataset> found = kind == DatasetKind.DATASET
                ? datasets("MATCH (d:Dataset {code: $code}) ", Map.of("code", id))
                : indicators("MATCH (i:Indicator {code: $code}) ", Map.of("code", id));
        return found.stream().findFirst().map(Dataset.class::cast);
    }

    @Override
    public Optional<DataService> service(String id) {
        return services("MATCH (s:DataService {code: $code}) ", Map.of("code", id)).stream().findFirst();
    }

    @Override
    public Optional<Series> series(String id) {
        return indicators("MATCH (i:Indicator) WHERE coalesce(i.familyCode, i.dataServiceCode) = $code WITH i ORDER BY i.code LIMIT 1 ",
                Map.of("code", id)).stream().findFirst().map(Dataset::series);
    }

    @Override
    public List<DatasetRef> seriesMembers(String seriesId, int limit) {
        return indicators("MATCH (i:Indicator) WHERE coalesce(i.familyCode, i.dataServiceCode) = $code WITH i ORDER BY i.code LIMIT $limit ",
                Map.of("code", seriesId, "limit", limit)).stream()
                .filter(d -> d.series() != null && d.series().id().equals(seriesId)).map(Dataset::ref).toList();
    }

    @Override
    public Optional<Agent> agent(String id) {
        return neo4j.query("MATCH (p:Producer {code: $code}) RETURN p {.code, .name, .homePage} AS p").bind(id).to("code")
                .fetch().one().map(row -> agent(Rows.map(row, "p")));
    }

    @Override
    public List<Theme> themes() {
        return themes(neo4j.query("MATCH (t:Theme) WITH t ORDER BY t.code RETURN collect(t {.code, .name}) AS themes")
                .fetch().one().map(row -> row.get("themes")).orElse(List.of()));
    }

    @Override
    public List<DcatRecords.Licence> licences() {
        return neo4j.query("MATCH (x:Distribution) WHERE x.licence IS NOT NULL RETURN DISTINCT x.licence AS licence")
                .fetchAs(String.class).all().stream().map(CatalogueDcatSource::licence).filter(Objects::nonNull)
                .distinct().sorted(Comparator.comparing(DcatRecords.Licence::id)).toList();
    }

    /** The catalogue's datasets santegraph imports itself, by the source their recorded import runs name. */
    private static final Map<String, String> IMPORTED_SOURCES = Map.of("rpps", "RPPS PS_LibreAcces");

    /**
     * For each of those datasets with a recorded run, the date of the latest extraction imported: the dataset's
     * {@code dct:modified} (its publisher's edition, not the day santegraph read it).
     */
    private Map<String, LocalDate> importedEditions() {
        Map<String, LocalDate> editions = new HashMap<>();
        neo4j.query("""
                        UNWIND keys($sources) AS code
                        MATCH (r:ImportRun {source: $sources[code]}) WHERE r.extractionDate IS NOT NULL
                        RETURN code, max(r.extractionDate) AS edition""")
                .bind(IMPORTED_SOURCES).to("sources").fetch().all()
                .forEach(row -> editions.put((String) row.get("code"), (LocalDate) row.get("edition")));
        return editions;
    }

    private List<Dataset> datasets(String match, Map<String, Object> parameters) {
        Map<String, LocalDate> editions = importedEditions();
        return neo4j.query(match + DATASET_FIELDS).bindAll(parameters).fetch().all().stream().map(row -> {
            Map<String, Object> d = Rows.map(row, "d");
            String code = Rows.text(d, "code");
            String title = orElse(str(d, "title"), code);
            List<Agent> producers = agents(row.get("producers"));
            List<Distribution> distributions = maps(row.get("distributions")).stream().map(x -> new Distribution(
                    tail(Rows.text(x, "id")), str(x, "title"), str(x, "url"), str(x, "downloadUrl"), fileType(str(x, "format")),
                    licence(str(x, "licence")), str(x, "mediaType"), str(x, "compressFormat"), str(x, "service")))
                    .filter(x -> x.accessUrl() != null).toList();
            List<Theme> themes = themes(row.get("themes"));
            return new Dataset(DatasetKind.DATASET, code, title, described(str(d, "description"), "Jeu de données « " + title + " »."),
                    first(producers), first(producers), contact(first(producers)), strings(d.get("keywords")), euThemes(themes), themes, List.of(),
                    null, frequency(str(d, "updateFrequency")), access(str(d, "accessLevel")), str(d, "landingPage"),
                    distributions, null, List.of(), editions.get(code));
        }).toList();
    }

    private List<DataService> services(String match, Map<String, Object> parameters) {
        return neo4j.query(match + SERVICE_FIELDS).bindAll(parameters).fetch().all().stream().map(row -> {
            Map<String, Object> s = Rows.map(row, "s");
            String code = Rows.text(s, "code");
            String endpoint = orElse(str(s, "endpointUrl"), orElse(str(s, "landingPage"), "-"));
            // A service published with no URL at all gets its own URI as endpoint from the mapper ("-" is no URL).
            return new DataService(code, orElse(str(s, "title"), code), str(s, "description"), endpoint, null,
                    first(agents(row.get("producers"))), null, null, Set.of(EuDataTheme.HEAL), str(s, "landingPage"),
                    refs(row.get("datasets")));
        }).toList();
    }

    /** The series of an indicator: its family, else its base's data service, else its base. */
    private static String seriesId(@Nullable String familyCode, @Nullable String dataServiceCode,
                                   @Nullable String base) {
        return orElse(familyCode, orElse(dataServiceCode, Slugs.of(orElse(base, "DREES"))));
    }

    /**
     * The first member by code of every series: the one whose page describes the series in full. One grouped read of
     * the indicators (a few thousand groups), where asking per indicator whether a smaller code shares its series
     * scanned every indicator for each one of a page without a family or a service.
     */
    private Map<String, String> seriesLeads() {
        OptionalLong now = version == null ? OptionalLong.empty() : version.current();
        Leads kept = leads;
        if (kept != null && now.isPresent() && kept.version() == now.getAsLong()) {
            return kept.leads();
        }
        Map<String, String> read = readSeriesLeads();
        if (now.isPresent()) {
            leads = new Leads(now.getAsLong(), read);
        }
        return read;
    }

    private record Leads(long version, Map<String, String> leads) {
    }

    private Map<String, String> readSeriesLeads() {
        Map<String, String> leads = new HashMap<>();
        neo4j.query("""
                        MATCH (j:Indicator)
                        RETURN j.familyCode AS family, j.dataServiceCode AS service, j.base AS base, min(j.code) AS lead
                        """)
                .fetch().all().forEach(row -> leads.merge(
                        seriesId((String) row.get("family"), (String) row.get("service"), (String) row.get("base")),
                        (String) row.get("lead"), (x, y) -> x.compareTo(y) <= 0 ? x : y));
        return Map.copyOf(leads);
    }

    /** The shared nodes {@code rows} name, by kind ("producer", "source", "theme") and key, as {@link #SHARED_NODES} reads them. */
    private Map<String, Map<String, Map<String, Object>>> sharedNodes(Collection<Map<String, Object>> rows) {
        Map<String, Set<Object>> keys = new HashMap<>();
        for (String kind : List.of("producers", "sources", "themes")) {
            Set<Object> named = new HashSet<>();
            rows.forEach(row -> named.addAll(Rows.list(row, kind)));
            keys.put(kind, named);
        }
        Map<String, Map<String, Map<String, Object>>> nodes = new HashMap<>();
        neo4j.query(SHARED_NODES).bindAll(Map.of("producers", List.copyOf(keys.get("producers")),
                        "sources", List.copyOf(keys.get("sources")), "themes", List.copyOf(keys.get("themes"))))
                .fetch().all().forEach(row -> nodes.computeIfAbsent(Rows.text(row, "kind"), k -> new HashMap<>())
                        .put(Rows.text(row, "key"), Rows.map(row, "node")));
        return nodes;
    }

    /** The nodes a row names under {@code column}, in the order it names them. */
    private static List<Map<String, Object>> named(Map<String, Object> row, String column,
                                                   @Nullable Map<String, Map<String, Object>> nodes) {
        List<Map<String, Object>> found = new ArrayList<>();
        for (Object key : Rows.list(row, column)) {
            Map<String, Object> node = nodes == null ? null : nodes.get(key.toString());
            if (node != null) {
                found.add(node);
            }
        }
        return found;
    }

    private List<Dataset> indicators(String match, Map<String, Object> parameters) {
        Map<String, Optional<Place>> regions = new HashMap<>();
        Map<String, String> leads = seriesLeads();
        Collection<Map<String, Object>> rows = neo4j.query(match + INDICATOR_FIELDS).bindAll(parameters).fetch().all();
        Map<String, Map<String, Map<String, Object>>> shared = sharedNodes(rows);
        return rows.stream().map(row -> {
            Map<String, Object> i = Rows.map(row, "i");
            String code = Rows.text(i, "code");
            String name = orElse(str(i, "name"), code);
            String base = orElse(str(i, "base"), "DREES");
            String family = str(i, "family");
            List<Agent> producers = agents(named(row, "producers", shared.get("producer")));
            // The series is the family, or the base (its data service) for indicators published without a family.
            String seriesId = seriesId(str(i, "familyCode"), str(i, "dataServiceCode"), str(i, "base"));
            boolean derived = Boolean.TRUE.equals(i.get("derived"));
            Series series = new Series(seriesId,
                    family == null ? base : family,
                    family == null ? "Indicateurs de la base " + base + "." : "Indicateurs de la famille « " + family + " » de la base " + base + ".",
                    // Members of one family can name different producers: a series has at most one publisher, so
                    // none, except the family this catalogue computes.
                    derived ? self : null, derived ? selfContact : null, code.equals(leads.get(seriesId)));
            List<Theme> themes = themes(named(row, "themes", shared.get("theme")));
            List<String> geoLevels = strings(i.get("geoLevels"));
            String link = str(i, "link");
            List<Distribution> distributions = DcatMapper.externalIri(link) == null ? List.of()
                    : List.of(new Distribution("base", "Consultation dans la base " + base, link, null, "HTML", null));
            DcatRecords.Contact contact = contact(first(producers));
            List<Place> places = spatial(geoLevels, strings(row.get("coverages")), regions);
            Period temporal = PublishedValues.temporal(str(i, "historicalDepth")).orElse(null);
            if (derived) {
                // Computed here, for every territory of France with a population, each month an extraction was read:
                // published by this catalogue's publisher and read through this service's GraphQL API.
                producers = List.of(self);
                contact = selfContact;
                places = List.of(Place.FRANCE);
                temporal = months(str(i, "firstPeriod"), str(i, "lastPeriod"));
                distributions = List.of(new Distribution("graphql", "Valeurs par territoire et par mois (API GraphQL santegraph)",
                        uris.base() + "/graphql", null, "JSON", null));
            }
            return new Dataset(DatasetKind.INDICATOR, code, name,
                    "Indicateur « " + name + " » de la base " + base + (family == null ? "" : ", famille « " + family + " »") + ".",
                    first(producers), first(producers), contact, strings(i.get("classification")),
                    euThemes(themes), themes, places, temporal, frequency(str(i, "updateFrequency")),
                    access(str(i, "accessLevel")), link, distributions, series, refs(named(row, "sources", shared.get("source"))),
                    PublishedValues.baseVersion(str(i, "baseVersion")).orElse(null));
        }).toList();
    }

    /**
     * Where an indicator is published: France when nationally; else the one region its regional or départemental
     * coverage is restricted to ("REGION RHONE-ALPES"), as this graph's territory with its bounding box; else France
     * when published for every region or département; else nothing said.
     */
    private List<Place> spatial(List<String> geoLevels, List<String> coverages, Map<String, Optional<Place>> regions) {
        if (geoLevels.contains("NATIONAL")) {
            return List.of(Place.FRANCE);
        }
        List<Place> restricted = coverages.stream().map(PublishedCoverage::region).flatMap(Optional::stream).distinct()
                .sorted().map(code -> regions.computeIfAbsent(code, this::region)).flatMap(Optional::stream).toList();
        if (!restricted.isEmpty()) {
            return restricted;
        }
        // Published for every region or département ("TOUTES LES REGIONS", "TOUS LES DEPARTEMENTS…"): all of France.
        return coverages.stream().anyMatch(PublishedCoverage::everywhere) ? List.of(Place.FRANCE) : List.of();
    }

    /** A region of the graph as a place, with the box of its communes. */
    private Optional<Place> region(String code) {
        String id = TerritoryLevel.REGION.id(code);
        return territories.findById(id).map(t -> new Place(t.id(), t.name(), territories.boundingBox(t.id())));
    }

    /** The EU access right of a stored catalogue access level; null when there is none (or not one of today's). */
    static @Nullable EuAccessRight access(@Nullable String level) {
        return EuAccessRight.of(stored(AccessLevel.class, level));
    }

    /** The EU frequency of a stored catalogue frequency; null when there is none (or not one of today's). */
    static @Nullable EuFrequency frequency(@Nullable String frequency) {
        return EuFrequency.of(stored(UpdateFrequency.class, frequency));
    }

    private static <E extends Enum<E>> @Nullable E stored(Class<E> type, @Nullable String name) {
        if (name == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** EU data themes: all of it is health; social action and environment themes add their own. */
    static Set<EuDataTheme> euThemes(List<Theme> themes) {
        Set<EuDataTheme> eu = EnumSet.of(EuDataTheme.HEAL);
        for (Theme theme : themes) {
            String label = TextFolding.fold(theme.label());
            if (label.contains("social") || label.contains("population")) {
                eu.add(EuDataTheme.SOCI);
            }
            if (label.contains("environnement")) {
                eu.add(EuDataTheme.ENVI);
            }
        }
        return eu;
    }

    private static @Nullable String fileType(@Nullable String format) {
        if (format == null) {
            return null;
        }
        String f = TextFolding.fold(format);
        if (f.contains("csv")) {
            return "CSV";
        }
        if (f.contains("excel") || f.contains("xls")) {
            return "XLSX";
        }
        if (f.contains("json")) {
            return "JSON";
        }
        if (f.contains("pdf")) {
            return "PDF";
        }
        if (f.contains("html") || f.contains("web")) {
            return "HTML";
        }
        if (f.equals("txt") || f.contains("texte")) {
            return "TXT";
        }
        return null;
    }

    private static @Nullable DcatRecords.Licence licence(@Nullable String licence) {
        if (licence == null || licence.isBlank()) {
            return null;
        }
        DcatRecords.Licence known = DcatRecords.Licence.named(licence);
        return known != null ? known : new DcatRecords.Licence(Slugs.of(licence), licence, null);
    }

    private static List<Agent> agents(@Nullable Object value) {
        return maps(value).stream().map(CatalogueDcatSource::agent).sorted(Comparator.comparing(Agent::id)).toList();
    }

    private static Agent agent(Map<String, Object> p) {
        return new Agent(Rows.text(p, "code"), orElse(str(p, "name"), Rows.text(p, "code")), str(p, "homePage"));
    }

    private static List<Theme> themes(@Nullable Object value) {
        return maps(value).stream().map(t -> new Theme(Rows.text(t, "code"), orElse(str(t, "name"), Rows.text(t, "code")))).toList();
    }

    private static List<DatasetRef> refs(@Nullable Object value) {
        return maps(value).stream().map(d -> {
            String title = orElse(str(d, "title"), Rows.text(d, "code"));
            return new DatasetRef(DatasetKind.DATASET, Rows.text(d, "code"), title, described(str(d, "description"), "Jeu de données « " + title + " »."));
        }).toList();
    }

    private static String described(@Nullable String description, String fallback) {
        return description == null || description.isBlank() ? fallback : description;
    }

    /**
     * Whom to ask about a dataset: its producer, reached through its web site (the sources publish no address for
     * questions); none when the producer has no site, since a contact point must say how to reach it.
     */
    private static @Nullable DcatRecords.Contact contact(@Nullable Agent producer) {
        return producer == null || DcatMapper.externalIri(producer.homepage()) == null ? null
                : new DcatRecords.Contact(producer.name(), null, producer.homepage());
    }

    /** The months {@code first} to {@code last} ("2025-01") as a period of days; null when either is unknown. */
    static @Nullable Period months(@Nullable String first, @Nullable String last) {
        if (first == null || last == null) {
            return null;
        }
        return new Period(YearMonth.parse(first).atDay(1), YearMonth.parse(last).atEndOfMonth());
    }

    private static @Nullable <T> T first(List<T> values) {
        return values.isEmpty() ? null : values.get(0);
    }

    private static String tail(String id) {
        return id.substring(id.lastIndexOf(':') + 1);
    }

    private static String orElse(@Nullable String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    private static @Nullable String str(Map<String, Object> map, String key) {
        Object value = map.get(key);
        return value == null ? null : value.toString();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(@Nullable Object value) {
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }

    private static List<String> strings(@Nullable Object value) {
        return value instanceof List<?> list ? list.stream().filter(Objects::nonNull).map(Object::toString).toList() : List.of();
    }
}
