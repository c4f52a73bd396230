package fr.santegraph.dcat;

import fr.santegraph.common.TextFolding;
import fr.santegraph.dcat.DcatRecords.Agent;
import fr.santegraph.dcat.DcatRecords.Catalog;
import fr.santegraph.dcat.DcatRecords.ColumnSchema;
import fr.santegraph.dcat.DcatRecords.Dataset;
import fr.santegraph.dcat.DcatRecords.DatasetKind;
import fr.santegraph.dcat.DcatRecords.Page;
import fr.santegraph.dcat.DcatRecords.TableSchema;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.sparql.vocabulary.FOAF;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.apache.jena.vocabulary.VCARD4;
import org.springframework.lang.Nullable;

/**
 * The HealthDCAT-AP view of the catalogue, for the European Health Data Space: the datasets that are not open to
 * all (SNDS and its parts, PMSI, causes of death…), each described as in DCAT-AP and then as the profile asks for
 * non-public data — access rights {@code NON_PUBLIC}, the EHDS regulation as applicable legislation (on the
 * catalogue, datasets and distributions), the Health Data Hub as health data access body, a health category, a
 * type and a provenance statement, publishers with a contact point — and the structure of their tables as CSVW
 * (a {@code csvw:TableGroup} the dataset conforms to, its tables and columns from the published SNDS schemas).
 */
public final class HealthDcatProfile {

    /** The health data access body the SNDS data are requested from in France. */
    static final String HDAB_ID = "health-data-hub";
    private static final String HDAB_NAME = "Plateforme des données de santé (Health Data Hub)";
    private static final String HDAB_SITE = "https://www.health-data-hub.fr";
    private static final String FR = "fr";
    /** The types of this view's own concept URIs ({@code /id/health-category/claims}) and their schemes' id. */
    static final String HEALTH_CATEGORY = "health-category";
    static final String DATASET_TYPE = "dataset-type";
    private static final String SCHEME = "scheme";
    private static final String NON_PUBLIC_TYPE = "non-public-health-data";
    private static final String NON_PUBLIC_TYPE_LABEL = "Données de santé non publiques, accessibles sur demande";

    /** Health categories (EHDS regulation, art. 51): this catalogue's own concepts until the profile's are published. */
    enum HealthCategory {
        CLAIMS("Données administratives de santé : délivrances, demandes de remboursement et remboursements"),
        MORTALITY("Registres de mortalité et causes de décès"),
        PROFESSIONALS("Données sur les professionnels de santé, leur spécialité et leur établissement"),
        DETERMINANTS("Déterminants de santé : facteurs socio-économiques, environnementaux et comportementaux"),
        CARE_PROVISION("Besoins de santé, ressources, offre et accès aux soins, dépenses de santé");

        final String label;

        HealthCategory(String label) {
            this.label = label;
        }

        /** From a dataset's code, title and keywords (the sources state no category). */
        static HealthCategory of(Dataset d) {
            String text = TextFolding.fold(String.join(" ", d.id(), d.title(), String.join(" ", d.keywords())));
            if (text.contains("deces") || text.contains("mortalite")) {
                return MORTALITY;
            }
            if (text.contains("rembourse") || text.contains("assurance maladie") || text.contains("hospitalisation")
                    || text.contains("sejour") || text.contains("pmsi") || text.contains("consommation de soins")
                    || text.contains("beneficiaire")) {
                return CLAIMS;
            }
            if (text.contains("professionnel") || text.contains("medecin")) {
                return PROFESSIONALS;
            }
            if (text.contains("environnement") || text.contains("social") || text.contains("eau")) {
                return DETERMINANTS;
            }
            return CARE_PROVISION;
        }
    }

    private final DcatMapper mapper;
    private final DcatUris uris;

    public HealthDcatProfile(DcatMapper mapper) {
        this.mapper = mapper;
        this.uris = mapper.uris();
    }

    /** One page of the view: {@code page}'s entries are the covered datasets, {@code tables} theirs by dataset id. */
    public Model page(Catalog catalog, Page page, Map<String, List<TableSchema>> tables) {
        Model m = mapper.page(catalog, page, uris::healthPage);
        Resource ehds = m.createResource(DcatAp.EHDS.getURI(), m.createResource("http://data.europa.eu/eli/ontology#LegalResource"));
        m.getResource(uris.catalog()).addProperty(DcatAp.applicableLegislation, ehds);
        Resource hdab = hdab(m);
        for (var entry : page.entries()) {
            if (entry instanceof Dataset d) {
                describe(m, d, ehds, hdab, tables.getOrDefault(d.id(), List.of()));
            }
        }
        return m; // written in sorted order, as a page of the catalogue is
    }

    /** One covered dataset as the view describes it: what its parts (provenance, access, tables, columns) answer. */
    public Model dataset(Dataset d, List<TableSchema> tables) {
        Model m = mapper.dataset(d);
        Resource ehds = m.createResource(DcatAp.EHDS.getURI(), m.createResource("http://data.europa.eu/eli/ontology#LegalResource"));
        describe(m, d, ehds, hdab(m), tables);
        return DcatMapper.sorted(m);
    }

    /** A publisher as the view describes it, with the contact point the view gives it. */
    public Model agent(Agent agent) {
        Model m = mapper.agent(agent);
        agentWithContact(m, m.getResource(uris.agent(agent.id())),
                DcatMapper.externalIri(agent.homepage()) != null ? agent.homepage() : HDAB_SITE);
        return DcatMapper.sorted(m);
    }

    /** The view's own concepts ({@code health-category}, {@code dataset-type}): one of them, or its scheme. */
    public Optional<Model> concept(String type, String id) {
        Map<String, String> concepts = new TreeMap<>();
        String schemeTitle;
        if (type.equals(HEALTH_CATEGORY)) {
            for (HealthCategory c : HealthCategory.values()) {
                concepts.put(c.name().toLowerCase(Locale.ROOT), c.label);
            }
            schemeTitle = "Catégories de données de santé (règlement EHDS, article 51)";
        } else if (type.equals(DATASET_TYPE)) {
            concepts.put(NON_PUBLIC_TYPE, NON_PUBLIC_TYPE_LABEL);
            schemeTitle = "Types de jeux de données de santé";
        } else {
            return Optional.empty();
        }
        Model m = DcatMapper.emptyModel();
        Resource scheme = m.createResource(uris.object(type, SCHEME), SKOS.ConceptScheme)
                .addProperty(DCTerms.title, m.createLiteral(schemeTitle, FR));
        if (id.equals(SCHEME)) {
            concepts.forEach((code, label) -> scheme.addProperty(SKOS.hasTopConcept, concept(m, type, code, label, scheme)));
            return Optional.of(DcatMapper.sorted(m));
        }
        String label = concepts.get(id);
        if (label == null) {
            return Optional.empty();
        }
        concept(m, type, id, label, scheme);
        return Optional.of(DcatMapper.sorted(m));
    }

    private Resource concept(Model m, String type, String code, String label, Resource scheme) {
        return m.createResource(uris.object(type, code), SKOS.Concept)
                .addProperty(SKOS.prefLabel, m.createLiteral(label, FR)).addProperty(SKOS.inScheme, scheme);
    }

    private Resource hdab(Model m) {
        return agentWithContact(m, m.createResource(uris.agent(HDAB_ID), FOAF.Agent)
                .addProperty(FOAF.name, m.createLiteral(HDAB_NAME, FR)), HDAB_SITE);
    }

    private void describe(Model m, Dataset d, Resource ehds, Resource hdab, List<TableSchema> tables) {
        String uri = uris.dataset(DatasetKind.DATASET, d.id());
        Resource r = m.getResource(uri);
        r.removeAll(DCTerms.accessRights);
        r.addProperty(DCTerms.accessRights, m.createResource(DcatAp.accessRight("NON_PUBLIC").getURI(), DCTerms.RightsStatement)
                .addProperty(SKOS.prefLabel, m.createLiteral(EuAccessRight.NON_PUBLIC.labelFr(), FR))
                .addProperty(SKOS.inScheme, DcatAp.ACCESS_RIGHT_SCHEME));
        r.addProperty(DcatAp.applicableLegislation, ehds).addProperty(DcatAp.hdab, hdab);
        HealthCategory category = HealthCategory.of(d);
        r.addProperty(DcatAp.healthCategory, m.createResource(uris.object(HEALTH_CATEGORY, category.name().toLowerCase(Locale.ROOT)),
                        SKOS.Concept).addProperty(SKOS.prefLabel, m.createLiteral(category.label, FR))
                .addProperty(SKOS.inScheme, m.createResource(uris.object(HEALTH_CATEGORY, SCHEME))));
        r.addProperty(DCTerms.type, m.createResource(uris.object(DATASET_TYPE, NON_PUBLIC_TYPE), SKOS.Concept)
                .addProperty(SKOS.prefLabel, m.createLiteral(NON_PUBLIC_TYPE_LABEL, FR))
                .addProperty(SKOS.inScheme, m.createResource(uris.object(DATASET_TYPE, SCHEME))));
        String publisher = d.publisher() == null ? "son producteur" : d.publisher().name();
        r.addProperty(DCTerms.provenance, m.createResource(uris.part(uri, "provenance", null), DCTerms.ProvenanceStatement)
                .addProperty(RDFS.label, m.createLiteral("Données produites par " + publisher + " ; accès sur demande "
                        + "auprès de la " + HDAB_NAME + ".", FR)));
        if (!r.hasProperty(DCAT.contactPoint)) {
            r.addProperty(DCAT.contactPoint, hdab.getPropertyResourceValue(DCAT.contactPoint));
        }
        if (!r.hasProperty(DCAT.keyword)) {
            r.addProperty(DCAT.keyword, m.createLiteral(d.title(), FR));
        }
        if (!r.hasProperty(DCAT.distribution)) {
            // Nothing to download: the access procedure is where the data are obtained.
            String landing = DcatMapper.externalIri(d.landingPage());
            r.addProperty(DCAT.distribution, m.createResource(uris.part(uri, "distribution", "access"), DCAT.Distribution)
                    .addProperty(DCAT.accessURL, m.createResource(landing != null ? landing : HDAB_SITE))
                    .addProperty(DCTerms.title, m.createLiteral("Demande d'accès", FR))
                    .addProperty(DCTerms.description, m.createLiteral("Accès aux données « " + d.title()
                            + " » sur demande auprès de la " + HDAB_NAME + ".", FR)));
        }
        m.listObjectsOfProperty(r, DCAT.distribution).toList()
                .forEach(x -> x.asResource().addProperty(DcatAp.applicableLegislation, ehds));
        Resource agent = r.getPropertyResourceValue(DCTerms.publisher);
        if (agent != null) {
            Resource homepage = agent.getPropertyResourceValue(FOAF.homepage);
            agentWithContact(m, agent, homepage != null ? homepage.getURI() : HDAB_SITE);
        }
        if (!tables.isEmpty()) {
            r.addProperty(DCTerms.conformsTo, tableGroup(m, uri, d, tables));
        }
    }

    /** A publisher or access body with exactly one contact point: through its web site. */
    private Resource agentWithContact(Model m, Resource agent, @Nullable String site) {
        if (!agent.hasProperty(DCAT.contactPoint)) {
            RDFNode name = agent.getProperty(FOAF.name).getObject();
            agent.addProperty(DCAT.contactPoint, m.createResource(agent.getURI() + "/contact", VCARD4.Kind)
                    .addProperty(VCARD4.fn, name).addProperty(VCARD4.hasURL, m.createResource(site)));
        }
        return agent;
    }

    /** The dataset's tables as a CSVW table group: each table with its columns, names, descriptions and types. */
    private Resource tableGroup(Model m, String datasetUri, Dataset d, List<TableSchema> tables) {
        Resource group = m.createResource(uris.part(datasetUri, "tables", null), DcatAp.TableGroup)
                .addProperty(RDF.type, DCTerms.Standard)
                .addProperty(DCTerms.title, m.createLiteral("Structure des tables de « " + d.title() + " »", FR));
        for (TableSchema t : tables) {
            String tableUri = uris.part(datasetUri, "table", t.name());
            Resource table = m.createResource(tableUri, DcatAp.Table)
                    .addProperty(DcatAp.csvwUrl, m.createResource(tableUri))
                    .addProperty(DCTerms.title, literal(m, t.title() != null && !t.title().isBlank() ? t.title() : t.name()))
                    .addProperty(DCAT.keyword, m.createLiteral(t.name()));
            for (ColumnSchema c : t.columns()) {
                table.addProperty(DcatAp.column, m.createResource(uris.part(tableUri, "column", c.name()), DcatAp.Column)
                        .addProperty(DcatAp.csvwName, m.createLiteral(c.name()))
                        .addProperty(DcatAp.titles, m.createLiteral(c.name()))
                        .addProperty(DCTerms.description, literal(m, c.description() != null && !c.description().isBlank()
                                ? c.description() : c.name()))
                        .addProperty(DcatAp.datatype, m.createLiteral(c.type() != null && !c.type().isBlank()
                                ? c.type() : "string")));
            }
            group.addProperty(DcatAp.table, table);
        }
        return group;
    }

    private static Literal literal(Model m, @Nullable String text) {
        return m.createLiteral(text, FR);
    }
}
