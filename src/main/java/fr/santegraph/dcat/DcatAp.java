package fr.santegraph.dcat;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/**
 * The DCAT 3 / DCAT-AP 3 terms the export writes, in the style of Jena's {@code org.apache.jena.vocabulary.DCAT}
 * (which stops at DCAT 2: no {@code dcat:DatasetSeries}, {@code dcat:inSeries}), plus vCard 2006 (Jena's
 * {@code VCARD} is the 2001 namespace), Hydra paging and the EU controlled vocabularies DCAT-AP asks for.
 */
public final class DcatAp {

    public static final String DCAT = "http://www.w3.org/ns/dcat#";
    public static final String DCT = "http://purl.org/dc/terms/";
    public static final String FOAF = "http://xmlns.com/foaf/0.1/";
    public static final String VCARD = "http://www.w3.org/2006/vcard/ns#";
    public static final String SKOS = "http://www.w3.org/2004/02/skos/core#";
    public static final String PROV = "http://www.w3.org/ns/prov#";
    public static final String HYDRA = "http://www.w3.org/ns/hydra/core#";
    public static final String XSD = "http://www.w3.org/2001/XMLSchema#";
    public static final String EU_AUTHORITY = "http://publications.europa.eu/resource/authority/";

    private DcatAp() {
    }

    // dcat:
    public static final Resource Catalog = resource(DCAT, "Catalog");
    public static final Resource Dataset = resource(DCAT, "Dataset");
    public static final Resource DatasetSeries = resource(DCAT, "DatasetSeries");
    public static final Resource Distribution = resource(DCAT, "Distribution");
    public static final Resource DataService = resource(DCAT, "DataService");
    public static final Property dataset = property(DCAT, "dataset");
    public static final Property service = property(DCAT, "service");
    public static final Property distribution = property(DCAT, "distribution");
    public static final Property accessURL = property(DCAT, "accessURL");
    public static final Property downloadURL = property(DCAT, "downloadURL");
    public static final Property accessService = property(DCAT, "accessService");
    public static final Property endpointURL = property(DCAT, "endpointURL");
    public static final Property endpointDescription = property(DCAT, "endpointDescription");
    public static final Property servesDataset = property(DCAT, "servesDataset");
    public static final Property inSeries = property(DCAT, "inSeries");
    public static final Property keyword = property(DCAT, "keyword");
    public static final Property theme = property(DCAT, "theme");
    public static final Property themeTaxonomy = property(DCAT, "themeTaxonomy");
    public static final Property contactPoint = property(DCAT, "contactPoint");
    public static final Property landingPage = property(DCAT, "landingPage");
    public static final Property mediaType = property(DCAT, "mediaType");
    public static final Property startDate = property(DCAT, "startDate");
    public static final Property endDate = property(DCAT, "endDate");
    public static final Property centroid = property(DCAT, "centroid");
    public static final org.apache.jena.datatypes.RDFDatatype WKT =
            org.apache.jena.datatypes.TypeMapper.getInstance().getSafeTypeByName("http://www.opengis.net/ont/geosparql#wktLiteral");

    // dct:
    public static final Resource LicenseDocument = resource(DCT, "LicenseDocument");
    public static final Resource Location = resource(DCT, "Location");
    public static final Resource PeriodOfTime = resource(DCT, "PeriodOfTime");
    public static final Resource Frequency = resource(DCT, "Frequency");
    public static final Resource RightsStatement = resource(DCT, "RightsStatement");
    public static final Resource MediaTypeOrExtent = resource(DCT, "MediaTypeOrExtent");
    public static final Resource LinguisticSystem = resource(DCT, "LinguisticSystem");
    public static final Property title = property(DCT, "title");
    public static final Property description = property(DCT, "description");
    public static final Property identifier = property(DCT, "identifier");
    public static final Property publisher = property(DCT, "publisher");
    public static final Property creator = property(DCT, "creator");
    public static final Property language = property(DCT, "language");
    public static final Property modified = property(DCT, "modified");
    public static final Property spatial = property(DCT, "spatial");
    public static final Property temporal = property(DCT, "temporal");
    public static final Property accrualPeriodicity = property(DCT, "accrualPeriodicity");
    public static final Property accessRights = property(DCT, "accessRights");
    public static final Property license = property(DCT, "license");
    public static final Property format = property(DCT, "format");
    public static final Property source = property(DCT, "source");

    // foaf:, vcard:, skos:, prov:
    public static final Resource Agent = resource(FOAF, "Agent");
    public static final Resource Document = resource(FOAF, "Document");
    public static final Property name = property(FOAF, "name");
    public static final Property homepage = property(FOAF, "homepage");
    public static final Resource Kind = resource(VCARD, "Kind");
    public static final Resource Organization = resource(VCARD, "Organization");
    public static final Property fn = property(VCARD, "fn");
    public static final Property hasEmail = property(VCARD, "hasEmail");
    public static final Property hasURL = property(VCARD, "hasURL");
    public static final Resource Concept = resource(SKOS, "Concept");
    public static final Resource ConceptScheme = resource(SKOS, "ConceptScheme");
    public static final Property prefLabel = property(SKOS, "prefLabel");
    public static final Property inScheme = property(SKOS, "inScheme");
    public static final Property hasTopConcept = property(SKOS, "hasTopConcept");
    public static final Property wasDerivedFrom = property(PROV, "wasDerivedFrom");

    // hydra: the paging node ckanext-dcat (PagedCollection), udata and piveau (PartialCollectionView) read.
    public static final Resource PartialCollectionView = resource(HYDRA, "PartialCollectionView");
    public static final Resource PagedCollection = resource(HYDRA, "PagedCollection");
    public static final Property totalItems = property(HYDRA, "totalItems");
    public static final Property itemsPerPage = property(HYDRA, "itemsPerPage");
    public static final Property first = property(HYDRA, "first");
    public static final Property firstPage = property(HYDRA, "firstPage");
    public static final Property next = property(HYDRA, "next");
    public static final Property nextPage = property(HYDRA, "nextPage");
    public static final Property previous = property(HYDRA, "previous");
    public static final Property previousPage = property(HYDRA, "previousPage");
    public static final Property last = property(HYDRA, "last");
    public static final Property lastPage = property(HYDRA, "lastPage");

    // EU vocabularies (Publications Office authority tables).
    public static final Resource DATA_THEME_SCHEME = resource(EU_AUTHORITY, "data-theme");
    public static final Resource FRENCH = resource(EU_AUTHORITY + "language/", "FRA");
    /** The authority tables a term of each vocabulary is {@code skos:inScheme} of (the MDR vocabulary shapes ask it). */
    public static final Resource LANGUAGE_SCHEME = resource(EU_AUTHORITY, "language");
    public static final Resource FREQUENCY_SCHEME = resource(EU_AUTHORITY, "frequency");
    public static final Resource FILE_TYPE_SCHEME = resource(EU_AUTHORITY, "file-type");
    public static final Resource ACCESS_RIGHT_SCHEME = resource(EU_AUTHORITY, "access-right");
    public static final Resource COUNTRY_SCHEME = resource(EU_AUTHORITY, "country");

    public static Resource dataTheme(String code) {
        return resource(EU_AUTHORITY + "data-theme/", code);
    }

    public static Resource frequency(String code) {
        return resource(EU_AUTHORITY + "frequency/", code);
    }

    public static Resource accessRight(String code) {
        return resource(EU_AUTHORITY + "access-right/", code);
    }

    public static Resource fileType(String code) {
        return resource(EU_AUTHORITY + "file-type/", code);
    }

    public static Resource country(String code) {
        return resource(EU_AUTHORITY + "country/", code);
    }

    private static Resource resource(String ns, String local) {
        return ResourceFactory.createResource(ns + local);
    }

    private static Property property(String ns, String local) {
        return ResourceFactory.createProperty(ns, local);
    }
}
