package fr.santegraph.dcat;

import fr.santegraph.common.GraphVersion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import java.lang.reflect.Proxy;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.vocabulary.FOAF;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** The HTTP contract harvesters rely on, over a catalogue held in memory (no graph needed). */
class DcatEndpointTest {

    private static final Map<RdfFormat, Lang> LANGS = Map.of(RdfFormat.TURTLE, Lang.TURTLE, RdfFormat.JSON_LD, Lang.JSONLD,
            RdfFormat.RDF_XML, Lang.RDFXML, RdfFormat.N_TRIPLES, Lang.NTRIPLES);

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new DcatController(DcatFixtures.mapper(), DcatFixtures.properties(10),
            new StaticListableBeanFactory(Map.of("source", new ListDcatSource(DcatFixtures.catalogue(12, 40))))
                    .getBeanProvider(DcatSource.class), new StaticListableBeanFactory().getBeanProvider(GraphVersion.class)))
            .build();

    private MockHttpServletResponse call(RequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse();
    }

    @Test
    void noAcceptHeaderOrAWildcardGetsTurtle() throws Exception {
        for (String accept : new String[] {null, "*/*", "application/xml;q=0.9, */*;q=0.8"}) {
            var request = get("/catalog");
            if (accept != null) {
                request.header("Accept", accept);
            }
            MockHttpServletResponse response = call(request);
            assertThat(response.getStatus()).as(accept).isEqualTo(200);
            assertThat(response.getContentType()).as(accept).isEqualTo("text/turtle;charset=UTF-8");
            parse(response, RdfFormat.TURTLE);
        }
    }

    @Test
    void eachTypeIsServedByAcceptByExtensionAndByFormatParameter() throws Exception {
        for (RdfFormat format : RdfFormat.values()) {
            if (format == RdfFormat.HTML) {
                continue; // for people, not parsed back: browsersGetAReadableSelfContainedPage
            }
            for (RequestBuilder request : new RequestBuilder[] {get("/catalog").header("Accept", format.mediaType()),
                    get("/catalog." + format.extension()), get("/catalog").param("format", format.extension()),
                    get("/catalog").header("Accept", "text/csv, " + format.mediaType() + ";q=0.5")}) {
                MockHttpServletResponse response = call(request);
                assertThat(response.getStatus()).isEqualTo(200);
                assertThat(response.getContentType()).startsWith(format.mediaType());
                assertThat(response.getHeader("Vary")).isEqualTo("Accept");
                Model model = parse(response, format);
                assertThat(model.contains(model.getResource(DcatFixtures.BASE + "/catalog"), RDF.type, DCAT.Catalog)).isTrue();
            }
        }
    }

    @Test
    void browsersGetAReadableSelfContainedPageAndJsonClientsGetJsonLd() throws Exception {
        MockHttpServletResponse page = call(get("/id/dataset/pmsi-mco")
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"));
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentType()).startsWith("text/html");
        String html = page.getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<h1>").contains("dct:publisher")
                .contains("href=\"" + DcatFixtures.BASE + "/id/dataset/pmsi-mco/distribution/extrait\"")
                .doesNotContain("<script").doesNotContain("<link").doesNotContain("@import");
        assertThat(call(get("/catalog").header("Accept", "text/html")).getContentAsString(StandardCharsets.UTF_8))
                .contains("<section");

        MockHttpServletResponse json = call(get("/id/dataset/pmsi-mco").header("Accept", "application/json"));
        assertThat(json.getContentType()).startsWith("application/ld+json");
        assertThat(parse(json, RdfFormat.JSON_LD).contains(null, DCTerms.title)).isTrue();
    }

    @Test
    void anExplicitlyUnsupportedTypeIs406() throws Exception {
        assertThat(call(get("/catalog").header("Accept", "text/csv")).getStatus()).isEqualTo(406);
        assertThat(call(get("/catalog").header("Accept", "application/pdf, image/png")).getStatus()).isEqualTo(406);
        assertThat(call(get("/catalog.csv")).getStatus()).isEqualTo(406);
        assertThat(call(get("/id/dataset/pmsi-mco").header("Accept", "image/png")).getStatus()).isEqualTo(406);
        MockHttpServletResponse response = call(get("/catalog").header("Accept", "text/csv"));
        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("text/turtle", "application/ld+json");
    }

    @Test
    void aBadPageNumberOrFormatIs400() throws Exception {
        for (String page : new String[] {"0", "-1", "abc", "7", "99999999999"}) {
            MockHttpServletResponse response = call(get("/catalog").param("page", page));
            assertThat(response.getStatus()).as(page).isEqualTo(400);
            assertThat(response.getContentAsString(StandardCharsets.UTF_8)).as(page).contains("page");
        }
        assertThat(call(get("/catalog").param("format", "csv")).getStatus()).isEqualTo(400);
        assertThat(call(get("/catalog").header("Accept", "no type at all")).getStatus()).isEqualTo(400);
    }

    @Test
    void headAnswersLikeGetWithoutBody() throws Exception {
        MockHttpServletResponse got = call(get("/catalog").param("page", "2"));
        MockHttpServletResponse headed = call(head("/catalog").param("page", "2"));
        assertThat(headed.getStatus()).isEqualTo(200);
        assertThat(headed.getContentType()).isEqualTo(got.getContentType());
        assertThat(headed.getContentLength()).isEqualTo(got.getContentAsByteArray().length);
        assertThat(headed.getContentAsByteArray()).isEmpty();
        assertThat(call(head("/catalog.jsonld")).getContentType()).startsWith("application/ld+json");
        assertThat(call(head("/catalog").param("page", "0")).getStatus()).isEqualTo(400);
    }

    @Test
    void aHarvesterFollowingNextPageSeesEveryDatasetOnce() throws Exception {
        Map<String, Integer> seen = new HashMap<>();
        String next = DcatFixtures.BASE + "/catalog";
        int pages = 0;
        while (next != null) {
            MockHttpServletResponse response = call(get(next.substring(DcatFixtures.BASE.length())));
            assertThat(response.getStatus()).isEqualTo(200);
            Model model = parse(response, RdfFormat.TURTLE);
            model.listObjectsOfProperty(model.getResource(DcatFixtures.BASE + "/catalog"), DCAT.dataset)
                    .forEach(d -> seen.merge(d.asResource().getURI(), 1, Integer::sum));
            Resource view = model.listSubjectsWithProperty(RDF.type, DcatAp.PagedCollection).next();
            assertThat(view.getProperty(DcatAp.totalItems).getLong()).isEqualTo(53);
            Resource nextPage = view.getPropertyResourceValue(DcatAp.nextPage);
            next = nextPage == null ? null : nextPage.getURI();
            pages++;
        }
        assertThat(pages).isEqualTo(6);
        assertThat(seen).hasSize(52); // 12 datasets and 40 indicators; the 53rd entry is the data service
        assertThat(seen.values()).containsOnly(1);
    }

    @Test
    void pageContentsAreTheSameOnEveryCall() throws Exception {
        assertThat(call(get("/catalog").param("page", "3")).getContentAsByteArray())
                .isEqualTo(call(get("/catalog").param("page", "3")).getContentAsByteArray());
    }

    @Test
    void anObjectUriDereferencesToThatObjectsRdf() throws Exception {
        MockHttpServletResponse response = call(get("/id/dataset/pmsi-mco").header("Accept", "application/n-triples"));
        assertThat(response.getStatus()).isEqualTo(200);
        Model model = parse(response, RdfFormat.N_TRIPLES);
        Resource ds = model.getResource(DcatFixtures.BASE + "/id/dataset/pmsi-mco");
        assertThat(ds.getProperty(DCTerms.title).getString()).isEqualTo("PMSI MCO");

        Model indicator = parse(call(get("/id/indicator/ind-00003")), RdfFormat.TURTLE);
        assertThat(indicator.getResource(DcatFixtures.BASE + "/id/indicator/ind-00003").hasProperty(RDF.type, DCAT.Dataset)).isTrue();
        Model series = parse(call(get("/id/series/drees-base-0")), RdfFormat.TURTLE);
        assertThat(series.listSubjectsWithProperty(DcatAp.inSeries).toList()).hasSize(7);
        assertThat(parse(call(get("/id/service/scansante")), RdfFormat.TURTLE)
                .contains(null, RDF.type, DCAT.DataService)).isTrue();
        assertThat(parse(call(get("/id/agent/drees")), RdfFormat.TURTLE).contains(null, FOAF.name)).isTrue();

        assertThat(call(get("/id/dataset/nope")).getStatus()).isEqualTo(404);
        assertThat(call(get("/id/spaceship/pmsi-mco")).getStatus()).isEqualTo(404);
    }

    @Test
    void withoutACatalogueSourceTheEndpointsSay503() throws Exception {
        MockMvc empty = MockMvcBuilders.standaloneSetup(new DcatController(DcatFixtures.mapper(), DcatFixtures.properties(10),
                new StaticListableBeanFactory().getBeanProvider(DcatSource.class),
                new StaticListableBeanFactory().getBeanProvider(GraphVersion.class))).build();
        assertThat(empty.perform(get("/catalog")).andReturn().getResponse().getStatus()).isEqualTo(503);
    }

    @Test
    void keptPagesAreSentGzippedToClientsThatAcceptGzipAndUnzippedToOthers() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        DcatSource list = new ListDcatSource(DcatFixtures.catalogue(12, 40));
        DcatSource catalogue = (DcatSource) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DcatSource.class}, (proxy, method, arguments) -> {
                    if (method.getName().equals("entries")) {
                        reads.incrementAndGet();
                    }
                    return method.invoke(list, arguments);
                });
        DcatProperties cached = new DcatProperties(10, Duration.ofSeconds(60), 1, "Catalogue de test", "Un catalogue.",
                "santegraph", "santegraph", "https://santegraph.test");
        MockMvc withCache = MockMvcBuilders.standaloneSetup(new DcatController(DcatFixtures.mapper(), cached,
                new StaticListableBeanFactory(Map.of("source", catalogue)).getBeanProvider(DcatSource.class),
                new StaticListableBeanFactory().getBeanProvider(GraphVersion.class))).build();

        MockHttpServletResponse plain = withCache.perform(get("/catalog?page=2")).andReturn().getResponse();
        assertThat(plain.getHeader("Content-Encoding")).isNull();
        byte[] text = plain.getContentAsByteArray();
        assertThat(parse(plain, RdfFormat.TURTLE).size()).isPositive();
        for (String acceptEncoding : List.of("gzip, deflate, br", "br;q=1.0, gzip;q=0.5", "*")) {
            MockHttpServletResponse zipped = withCache.perform(get("/catalog?page=2").header("Accept-Encoding", acceptEncoding))
                    .andReturn().getResponse();
            assertThat(zipped.getHeader("Content-Encoding")).as(acceptEncoding).isEqualTo("gzip");
            assertThat(zipped.getHeaders("Vary")).contains("Accept-Encoding");
            assertThat(zipped.getContentLength()).isEqualTo(zipped.getContentAsByteArray().length).isLessThan(text.length);
            try (var in = new GZIPInputStream(new ByteArrayInputStream(zipped.getContentAsByteArray()))) {
                assertThat(in.readAllBytes()).as("the same page, gzipped").isEqualTo(text);
            }
        }
        for (String refused : List.of("gzip;q=0", "identity", "deflate, gzip; q=0.000")) {
            MockHttpServletResponse response = withCache.perform(get("/catalog?page=2").header("Accept-Encoding", refused))
                    .andReturn().getResponse();
            assertThat(response.getHeader("Content-Encoding")).as(refused).isNull();
            assertThat(response.getContentAsByteArray()).as(refused).isEqualTo(text);
        }
        MockHttpServletResponse headers = withCache.perform(head("/catalog?page=2").header("Accept-Encoding", "gzip"))
                .andReturn().getResponse();
        assertThat(headers.getHeader("Content-Encoding")).isEqualTo("gzip");
        assertThat(headers.getContentAsByteArray()).isEmpty();
        assertThat(reads).as("page 2 read from the source once, then from the cache").hasValue(1);
    }

    static Model parse(MockHttpServletResponse response, RdfFormat format) throws Exception {
        Model model = ModelFactory.createDefaultModel();
        RDFParser.create().source(new StringReader(response.getContentAsString(StandardCharsets.UTF_8)))
                .lang(LANGS.get(format)).parse(model);
        return model;
    }
}
