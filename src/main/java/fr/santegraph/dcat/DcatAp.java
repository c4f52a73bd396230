package fr.santegraph.dcat;

import org.apache.jena.datatypes.RDFDatatype;
import org.apache.jena.datatypes.TypeMapper;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.vocabulary.DCAT;

/**
 * The terms the export writes that Jena's vocabulary classes lack, in their style: DCAT 3's series (Jena's
 * {@code DCAT} stops at DCAT 2), PROV, Hydra paging and the EU controlled vocabularies DCAT-AP asks for. Everything
 * else comes from Jena's {@code DCAT}, {@code DCTerms}, {@code SKOS}, {@code VCARD4} and {@code FOAF}.
 */
public final class DcatAp {

    public static final String PROV = "http://www.w3.org/ns/prov#";
    public static final String HYDRA = "http://www.w3.org/ns/hydra/core#";
    public static final String EU_AUTHORITY = "http://publications.europa.eu/resource/authority/";

    private DcatAp() {
    }

    // dcat: the DCAT 3 terms Jena's DCAT (DCAT 2) lacks.
    public static final Resource DatasetSeries = resource(DCAT.NS, "DatasetSeries");
    public static final Property inSeries = property(DCAT.NS, "inSeries");
    public static final RDFDatatype WKT =
            TypeMapper.getInstance().getSafeTypeByName("http://www.opengis.net/ont/geosparql#wktLiteral");

    // prov: (no Jena vocabulary class)
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
    /** IANA media types are named by their registry address (as DCAT-AP's examples do). */
    public static final String IANA_MEDIA_TYPES = "http://www.iana.org/assignments/media-types/";

    /** DCAT-AP's legislation property, and the EHDS regulation (EU) 2025/327 by its ELI. */
    public static final Property applicableLegislation = property("http://data.europa.eu/r5r/", "applicableLegislation");
    public static final Resource EHDS = resource("http://data.europa.eu/eli/reg/", "2025/327/oj");

    /** HealthDCAT-AP terms (its namespace as its release-5 shapes use it, pending the official one). */
    public static final String HEALTH = "http://healthdataportal.eu/ns/health#";
    public static final Property hdab = property(HEALTH, "hdab");
    public static final Property healthCategory = property(HEALTH, "healthCategory");
    public static final Property trustedDataHolder = property(HEALTH, "trustedDataHolder");

    /** CSV on the Web: the structure of tables described without their data. */
    public static final String CSVW = "http://www.w3.org/ns/csvw#";
    public static final Resource TableGroup = resource(CSVW, "TableGroup");
    public static final Resource Table = resource(CSVW, "Table");
    public static final Resource Column = resource(CSVW, "Column");
    public static final Property table = property(CSVW, "table");
    public static final Property column = property(CSVW, "column");
    public static final Property csvwUrl = property(CSVW, "url");
    public static final Property csvwName = property(CSVW, "name");
    public static final Property titles = property(CSVW, "titles");
    public static final Property datatype = property(CSVW, "datatype");

    /** ADMS's status, with the EU distribution-status table's "completed". */
    public static final Property status = property("http://www.w3.org/ns/adms#", "status");
    public static final Resource DISTRIBUTION_STATUS_SCHEME = resource(EU_AUTHORITY, "distribution-status");
    public static final Resource COMPLETED = resource(EU_AUTHORITY + "distribution-status/", "COMPLETED");

    /** DCAT-AP's {@code dcatap:availability} and the EU planned-availability table it takes its values from. */
    public static final Property availability = property("http://data.europa.eu/r5r/", "availability");
    public static final Resource PLANNED_AVAILABILITY_SCHEME = resource(EU_AUTHORITY, "planned-availability");
    /** "Available": the distribution is expected to be there in the medium term (the producer's own publication). */
    public static final Resource AVAILABLE = resource(EU_AUTHORITY + "planned-availability/", "AVAILABLE");

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
