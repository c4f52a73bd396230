package fr.santegraph.dcat;

import fr.santegraph.dcat.DcatRecords.Agent;
import fr.santegraph.dcat.DcatRecords.CatalogEntry;
import fr.santegraph.dcat.DcatRecords.Contact;
import fr.santegraph.dcat.DcatRecords.DataService;
import fr.santegraph.dcat.DcatRecords.Dataset;
import fr.santegraph.dcat.DcatRecords.DatasetKind;
import fr.santegraph.dcat.DcatRecords.DatasetRef;
import fr.santegraph.dcat.DcatRecords.Distribution;
import fr.santegraph.dcat.DcatRecords.Licence;
import fr.santegraph.dcat.DcatRecords.Period;
import fr.santegraph.dcat.DcatRecords.Place;
import fr.santegraph.dcat.DcatRecords.Series;
import fr.santegraph.dcat.DcatRecords.Theme;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.jena.rdf.model.Model;

/** Catalogue records built in code, shaped like the real sources (Etalab datasets, DREES indicators). */
final class DcatFixtures {

    static final String BASE = "https://data.santegraph.test";
    static final Agent DREES = new Agent("drees", "Direction de la recherche, des études, de l'évaluation et des statistiques", "https://drees.solidarites-sante.gouv.fr");
    static final Agent ATIH = new Agent("atih", "Agence technique de l'information sur l'hospitalisation", null);
    static final Licence LICENCE_OUVERTE = new Licence("licence-ouverte-2.0", "Licence Ouverte / Open Licence 2.0",
            "https://www.etalab.gouv.fr/licence-ouverte-open-licence");

    private DcatFixtures() {
    }

    static DcatMapper mapper() {
        return new DcatMapper(new DcatUris(BASE));
    }

    static DcatProperties properties(int pageSize) {
        return new DcatProperties(pageSize, Duration.ZERO, 0, "Catalogue de test", "Un catalogue construit dans le test.", "santegraph", "santegraph",
                "https://santegraph.test");
    }

    static Path shapesDir() {
        // The official shapes, copied into the test resources (CC BY 4.0, see their README.md).
        return Path.of("src/test/resources/dcat-ap-3.0.1");
    }

    static Dataset pmsi() {
        return new Dataset(DatasetKind.DATASET, "pmsi-mco", "PMSI MCO", "Séjours hospitaliers en médecine, chirurgie, obstétrique.",
                ATIH, ATIH, new Contact("ATIH", "support@atih.sante.fr", "https://www.atih.sante.fr"),
                List.of("séjours", "hôpital", "PMSI"), Set.of(EuDataTheme.HEAL, EuDataTheme.SOCI),
                List.of(new Theme("hospitalisation", "Hospitalisation")),
                List.of(Place.FRANCE, new Place("region:84", "Auvergne-Rhône-Alpes")),
                new Period(LocalDate.of(2006, 1, 1), null), EuFrequency.ANNUAL, EuAccessRight.RESTRICTED,
                "https://www.atih.sante.fr/mco/presentation",
                List.of(new Distribution("portail", "Accès via la plateforme ScanSanté", "https://www.scansante.fr", null, "HTML", LICENCE_OUVERTE),
                        new Distribution("extrait", "Extrait agrégé", "https://www.atih.sante.fr/extrait", "https://www.atih.sante.fr/extrait.csv", "CSV", LICENCE_OUVERTE)),
                null, List.of(), LocalDate.of(2024, 3, 1));
    }

    static Series series(int n) {
        return new Series("drees-base-" + n, "Base " + n, "Indicateurs de la base " + n + " publiés par la DREES.", DREES);
    }

    static Dataset indicator(int n, Series series, DatasetRef source) {
        return new Dataset(DatasetKind.INDICATOR, "ind-" + String.format("%05d", n), "Indicateur " + n,
                "Taux numéro " + n + " calculé à partir de sa source.", DREES, null, null,
                List.of("taux", "indicateur"), Set.of(EuDataTheme.HEAL), List.of(), List.of(Place.FRANCE), null,
                EuFrequency.ANNUAL, EuAccessRight.PUBLIC, "https://drees.solidarites-sante.gouv.fr/indicateur/" + n,
                List.of(), series, source == null ? List.of() : List.of(source), null);
    }

    static DataService scanSante() {
        return new DataService("scansante", "ScanSanté", "Restitutions des données hospitalières.", "https://www.scansante.fr/api",
                null, ATIH, LICENCE_OUVERTE, EuAccessRight.PUBLIC, Set.of(EuDataTheme.HEAL), "https://www.scansante.fr",
                List.of(pmsi().ref()));
    }

    /** {@code datasets} datasets, then indicators in series of 7 derived from the first dataset, then one service. */
    static List<CatalogEntry> catalogue(int datasets, int indicators) {
        List<CatalogEntry> entries = new ArrayList<>();
        entries.add(pmsi());
        for (int i = 1; i < datasets; i++) {
            Dataset p = pmsi();
            entries.add(new Dataset(DatasetKind.DATASET, "dataset-" + String.format("%05d", i), "Jeu de données " + i, p.description(),
                    i % 2 == 0 ? DREES : ATIH, null, p.contact(), p.keywords(), p.euThemes(), p.themes(), p.spatial(),
                    p.temporal(), p.frequency(), EuAccessRight.values()[i % 3], p.landingPage(), p.distributions(), null, List.of(), null));
        }
        for (int i = 0; i < indicators; i++) {
            entries.add(indicator(i, series(i / 7), pmsi().ref()));
        }
        entries.add(scanSante());
        return entries;
    }

    /** Every page of the exporter's catalogue in one model: the catalogue as a harvester gathers it. */
    static Model allPages(DcatExporter exporter) {
        Model whole = DcatMapper.emptyModel();
        for (int page = 1; page <= exporter.lastPage(); page++) {
            whole.add(exporter.page(page));
        }
        return whole;
    }
}
