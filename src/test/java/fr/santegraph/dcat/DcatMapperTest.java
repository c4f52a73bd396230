package fr.santegraph.dcat;

import static org.assertj.core.api.Assertions.assertThat;

import fr.santegraph.dcat.DcatRecords.CatalogEntry;
import fr.santegraph.dcat.DcatRecords.Dataset;
import fr.santegraph.dcat.DcatRecords.Distribution;
import fr.santegraph.dcat.DcatRecords.Page;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.sparql.vocabulary.FOAF;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.apache.jena.vocabulary.VCARD4;
import org.junit.jupiter.api.Test;

class DcatMapperTest {

    private static final DcatShacl SHACL = DcatShacl.mandatory(DcatFixtures.shapesDir());
    private final DcatMapper mapper = DcatFixtures.mapper();
    private final DcatExporter exporter = new DcatExporter(new ListDcatSource(DcatFixtures.catalogue(5, 30)), mapper,
            DcatFixtures.properties(10));

    private static Resource res(String uri) {
        return ResourceFactory.createResource(uri);
    }

    @Test
    void datasetCarriesTheDcatApPropertiesWithTypedObjectsAndFrenchLabels() {
        Model model = mapper.dataset(DcatFixtures.pmsi());
        Resource ds = model.getResource(DcatFixtures.BASE + "/id/dataset/pmsi-mco");

        assertThat(ds.hasProperty(RDF.type, DCAT.Dataset)).isTrue();
        assertThat(ds.getProperty(DCTerms.identifier).getString()).isEqualTo(ds.getURI());
        assertThat(ds.getProperty(DCTerms.title).getLanguage()).isEqualTo("fr");
        assertThat(ds.getPropertyResourceValue(DCTerms.publisher).getProperty(FOAF.name).getString())
                .isEqualTo("Agence technique de l'information sur l'hospitalisation");
        assertThat(ds.getPropertyResourceValue(DCAT.contactPoint).hasProperty(RDF.type, VCARD4.Kind)).isTrue();
        assertThat(objects(model, ds, DCAT.theme)).contains(DcatAp.dataTheme("HEAL"), DcatAp.dataTheme("SOCI"),
                res(DcatFixtures.BASE + "/id/theme/hospitalisation"));
        assertThat(objects(model, ds, DCTerms.spatial)).containsExactlyInAnyOrder(DcatAp.country("FRA"),
                res(DcatFixtures.BASE + "/id/territory/region:84"));
        assertThat(ds.getPropertyResourceValue(DCTerms.accessRights)).isEqualTo(DcatAp.accessRight("RESTRICTED"));
        assertThat(ds.getPropertyResourceValue(DCTerms.accrualPeriodicity)).isEqualTo(DcatAp.frequency("ANNUAL"));
        Resource csv = model.getResource(DcatFixtures.BASE + "/id/dataset/pmsi-mco/distribution/extrait");
        assertThat(csv.getPropertyResourceValue(DCTerms.format)).isEqualTo(DcatAp.fileType("CSV"));
        assertThat(csv.getPropertyResourceValue(DCTerms.license).hasProperty(RDF.type, DCTerms.LicenseDocument)).isTrue();
        assertThat(model.listStatements().toList()).allSatisfy(s -> {
            assertThat(s.getSubject().isAnon()).as("blank subject in %s", s).isFalse();
            assertThat(s.getObject().isAnon()).as("blank object in %s", s).isFalse();
        });
        assertThat(SHACL.validate(model).describeViolations(10)).isEqualTo("0 violation(s)");
    }

    @Test
    void indicatorIsADatasetInItsSeriesDerivedFromItsSource() {
        Dataset indicator = DcatFixtures.indicator(12, DcatFixtures.series(1), DcatFixtures.pmsi().ref());
        Model model = mapper.dataset(indicator);
        Resource ind = model.getResource(DcatFixtures.BASE + "/id/indicator/ind-00012");
        Resource series = ind.getPropertyResourceValue(DcatAp.inSeries);
        Resource source = model.getResource(DcatFixtures.BASE + "/id/dataset/pmsi-mco");

        assertThat(series.hasProperty(RDF.type, DcatAp.DatasetSeries)).isTrue();
        assertThat(series.getURI()).isEqualTo(DcatFixtures.BASE + "/id/series/drees-base-1");
        assertThat(ind.hasProperty(DCTerms.source, source)).isTrue();
        assertThat(ind.hasProperty(DcatAp.wasDerivedFrom, source)).isTrue();
        assertThat(source.hasProperty(RDF.type, DCAT.Dataset)).isTrue();
        assertThat(SHACL.validate(model).describeViolations(10)).isEqualTo("0 violation(s)");
    }

    @Test
    void dataServiceHasItsEndpointAndTheDatasetsItServes() {
        Model model = mapper.service(DcatFixtures.scanSante());
        Resource service = model.getResource(DcatFixtures.BASE + "/id/service/scansante");

        assertThat(service.getPropertyResourceValue(DCAT.endpointURL).getURI()).isEqualTo("https://www.scansante.fr/api");
        assertThat(service.getPropertyResourceValue(DCAT.servesDataset).getURI()).isEqualTo(DcatFixtures.BASE + "/id/dataset/pmsi-mco");
        assertThat(SHACL.validate(model).describeViolations(10)).isEqualTo("0 violation(s)");
    }

    @Test
    void theCatalogueItsPagesMakeTogetherConformsToTheMandatoryShapes() {
        Model whole = DcatFixtures.allPages(exporter);
        DcatShacl.Result result = SHACL.validate(whole);
        assertThat(result.conforms()).as(result.describeViolations(10)).isTrue();
    }

    @Test
    void everyEuVocabularyTermSaysWhichAuthorityTableItIsIn() {
        Model whole = DcatFixtures.allPages(exporter);
        List<String> terms = new ArrayList<>();
        whole.listObjects().filterKeep(o -> o.isURIResource()
                        && o.asResource().getURI().startsWith("http://publications.europa.eu/resource/authority/")
                        && o.asResource().getURI().substring(49).contains("/"))
                .forEach(o -> terms.add(o.asResource().getURI()));
        assertThat(terms).isNotEmpty().allSatisfy(term -> {
            String scheme = term.substring(0, term.lastIndexOf('/'));
            assertThat(whole.contains(whole.getResource(term), SKOS.inScheme, whole.getResource(scheme))).as(term).isTrue();
        });
    }

    @Test
    void aPageNamesADatasetDescribedOnAnotherPageWithoutDescribingItAgain() {
        for (int page = 1; page <= exporter.lastPage(); page++) {
            Model model = exporter.page(page);
            Resource catalog = model.getResource(DcatFixtures.BASE + "/catalog");
            model.listSubjectsWithProperty(RDF.type, DCAT.Dataset).forEach(dataset -> assertThat(
                    model.contains(catalog, DCAT.dataset, dataset)).as("page %s describes %s", catalog, dataset).isTrue());
        }
    }

    @Test
    void aDatasetWithoutTitleIsReportedWithItsNodeAndPath() {
        Model model = mapper.dataset(DcatFixtures.pmsi());
        Resource ds = model.getResource(DcatFixtures.BASE + "/id/dataset/pmsi-mco");
        model.removeAll(ds, DCTerms.title, null);
        model.removeAll(null, RDF.type, DCTerms.LicenseDocument);

        DcatShacl.Result result = SHACL.validate(model);

        assertThat(result.conforms()).isFalse();
        assertThat(result.describeViolations(10))
                .startsWith("3 violation(s), first ones:") // the title, and the licence of both distributions
                .contains(ds.getURI() + "  <http://purl.org/dc/terms/title>: minCount[1]")
                .contains("/distribution/extrait  <http://purl.org/dc/terms/license>: ClassConstraint[<http://purl.org/dc/terms/LicenseDocument>]");
    }

    @Test
    void hydraPagingLinksNextOnlyBeforeTheLastPage() {
        assertThat(exporter.lastPage()).isEqualTo(4); // 5 datasets + 30 indicators + 1 service, 10 a page
        Model second = exporter.page(2);
        Resource view = second.getResource(DcatFixtures.BASE + "/catalog?page=2");
        assertThat(view.hasProperty(RDF.type, DcatAp.PartialCollectionView)).isTrue();
        assertThat(view.hasProperty(RDF.type, DcatAp.PagedCollection)).isTrue();
        assertThat(view.getProperty(DcatAp.totalItems).getLong()).isEqualTo(36);
        assertThat(view.getProperty(DcatAp.itemsPerPage).getInt()).isEqualTo(10);
        assertThat(view.getPropertyResourceValue(DcatAp.next).getURI()).isEqualTo(DcatFixtures.BASE + "/catalog?page=3");
        assertThat(view.getPropertyResourceValue(DcatAp.nextPage).getURI()).isEqualTo(DcatFixtures.BASE + "/catalog?page=3");
        assertThat(view.getPropertyResourceValue(DcatAp.firstPage).getURI()).isEqualTo(DcatFixtures.BASE + "/catalog?page=1");
        assertThat(view.getPropertyResourceValue(DcatAp.lastPage).getURI()).isEqualTo(DcatFixtures.BASE + "/catalog?page=4");

        Resource last = exporter.page(4).getResource(DcatFixtures.BASE + "/catalog?page=4");
        assertThat(last.hasProperty(DcatAp.next)).isFalse();
        assertThat(last.hasProperty(DcatAp.nextPage)).isFalse();
        assertThat(last.getPropertyResourceValue(DcatAp.last).getURI()).isEqualTo(DcatFixtures.BASE + "/catalog?page=4");
    }

    @Test
    void sameRecordsGiveTheSameBytesWhateverTheOrderOfTheirLists() {
        Dataset p = DcatFixtures.pmsi();
        List<String> keywords = new ArrayList<>(p.keywords());
        List<Distribution> distributions = new ArrayList<>(p.distributions());
        Collections.reverse(keywords);
        Collections.reverse(distributions);
        Dataset shuffled = new Dataset(p.kind(), p.id(), p.title(), p.description(), p.publisher(), p.creator(), p.contact(),
                keywords, new LinkedHashSet<>(p.euThemes()), p.themes(), List.of(p.spatial().get(1), p.spatial().get(0)),
                p.temporal(), p.frequency(), p.accessLevel(), p.landingPage(), distributions, p.series(), p.sources(), p.modified());

        for (RdfFormat format : RdfFormat.values()) {
            assertThat(bytes(mapper.dataset(shuffled), format)).as(format.name()).isEqualTo(bytes(mapper.dataset(p), format));
            assertThat(bytes(exporter.page(2), format)).as(format.name()).isEqualTo(bytes(exporter.page(2), format));
        }
    }

    @Test
    void pagesDoNotDependOnWhatWasMappedBefore() {
        List<CatalogEntry> entries = DcatFixtures.catalogue(5, 30);
        byte[] alone = bytes(mapper.page(exporter.catalog(), new Page(3, 10, 36, entries.subList(20, 30))), RdfFormat.TURTLE);
        new Random(1).ints(5, 1, 5).forEach(exporter::page);
        assertThat(bytes(exporter.page(3), RdfFormat.TURTLE)).isEqualTo(alone);
    }

    @Test
    void unusableLinksAreLeftOutAndADistributionWithoutOneIsDropped() {
        Dataset p = DcatFixtures.pmsi();
        Dataset broken = new Dataset(p.kind(), p.id(), p.title(), p.description(), p.publisher(), p.creator(), p.contact(),
                p.keywords(), p.euThemes(), p.themes(), p.spatial(), p.temporal(), p.frequency(), p.accessLevel(),
                "www.atih.sante.fr (rubrique MCO)",
                List.of(new Distribution("cdrom", "CD-ROM", "sur demande", null, "ZIP", null), p.distributions().get(0)),
                null, List.of(), null);
        Model model = mapper.dataset(broken);
        Resource ds = model.getResource(DcatFixtures.BASE + "/id/dataset/pmsi-mco");

        assertThat(ds.hasProperty(DCAT.landingPage)).isFalse();
        assertThat(objects(model, ds, DCAT.distribution)).containsExactly(res(DcatFixtures.BASE + "/id/dataset/pmsi-mco/distribution/portail"));
        assertThat(SHACL.validate(model).conforms()).isTrue();
    }

    @Test
    void onlyHttpUrlsWithAHostBecomeLinks() {
        assertThat(DcatMapper.externalIri(" https://www.scansante.fr/applications/a b ")).isEqualTo("https://www.scansante.fr/applications/a%20b");
        assertThat(DcatMapper.externalIri("http://drees.fr/x?annee=2019#t")).isEqualTo("http://drees.fr/x?annee=2019#t");
        assertThat(DcatMapper.externalIri("HTTP://WWW.SCANSANTE.FR/INDEX.PHP?A=1")).isEqualTo("http://www.scansante.fr/INDEX.PHP?A=1");
        assertThat(DcatMapper.externalIri("www.atih.sante.fr")).isNull();
        assertThat(DcatMapper.externalIri("https://")).isNull();
        assertThat(DcatMapper.externalIri("https://a.fr/<x>")).isNull();
        assertThat(DcatMapper.externalIri("mailto:contact@drees.fr")).isNull();
    }

    private static List<RDFNode> objects(Model model, Resource subject, Property p) {
        return model.listObjectsOfProperty(subject, p).toList();
    }

    static byte[] bytes(Model model, RdfFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        format.write(model, out);
        return out.toByteArray();
    }
}
