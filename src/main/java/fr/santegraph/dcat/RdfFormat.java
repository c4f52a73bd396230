package fr.santegraph.dcat;

import java.io.OutputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.springframework.lang.Nullable;

/**
 * The four serialisations the catalogue is served in, and an HTML page for people, by file extension and media type. Turtle is written in
 * blocks (one block per subject, in the mapper's sorted order): as readable as the pretty writer, which first
 * analyses the whole graph, and about twice as fast.
 */
public enum RdfFormat {
    TURTLE("ttl", "text/turtle", RDFFormat.TURTLE_BLOCKS),
    JSON_LD("jsonld", "application/ld+json", RDFFormat.JSONLD11_PRETTY),
    RDF_XML("rdf", "application/rdf+xml", RDFFormat.RDFXML_PLAIN),
    N_TRIPLES("nt", "application/n-triples", RDFFormat.NTRIPLES_UTF8),
    /** For people: a browser asking for {@code text/html} gets the same resources as a readable page. */
    HTML("html", "text/html", null);

    private final String extension;
    private final String mediaType;
    private final @Nullable RDFFormat jenaFormat;

    RdfFormat(String extension, String mediaType, @Nullable RDFFormat jenaFormat) {
        this.extension = extension;
        this.mediaType = mediaType;
        this.jenaFormat = jenaFormat;
    }

    public String extension() {
        return extension;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The model written in the mapper's sorted triple order, whatever order it was built in: deterministic bytes. */
    public void write(Model model, OutputStream out) {
        if (this == TURTLE || this == N_TRIPLES) {
            // Streamed from the sorted triples: a Turtle block per subject, without building a sorted copy.
            StreamRDF stream = StreamRDFWriter.getWriterStream(out, jenaFormat);
            stream.start();
            new TreeMap<>(model.getNsPrefixMap()).forEach(stream::prefix);
            DcatMapper.sortedTriples(model).forEach(stream::triple);
            stream.finish();
        } else if (jenaFormat == null) {
            RdfHtml.write(DcatMapper.sorted(model), out);
        } else {
            RDFWriter.source(DcatMapper.sorted(model)).format(jenaFormat).output(out);
        }
    }

    public static Optional<RdfFormat> ofExtension(String extension) {
        String ext = extension == null ? "" : extension.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.extension.equals(ext)).findFirst();
    }

    public static Optional<RdfFormat> ofMediaType(String mediaType) {
        String type = mediaType == null ? "" : mediaType.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.mediaType.equals(type)).findFirst();
    }
}
