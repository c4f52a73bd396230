package fr.santegraph.dcat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFWriter;
import org.junit.jupiter.api.Test;

/**
 * The floor under a DCAT page: the cost of only writing the same triples, with nothing read from the graph or mapped.
 * Reads the Turtle pages a walk saved ({@code -Ddcat.pages=<folder>}, as {@code bench/dcat-walk.sh} saves them),
 * parses each into a model (not timed), then times writing every page as the service writes it ({@link RdfFormat}:
 * triples sorted, streamed as Turtle blocks) and with Jena's default Turtle writer, three passes after one warm-up
 * pass, and prints the median pass of each.
 */
class DcatSerialisationBenchmark {

    @Test
    void writingTheTriplesOfEveryPageAlone() throws IOException {
        Path folder = Path.of(System.getProperty("dcat.pages", "target/dcat-pages"));
        List<Model> pages = new ArrayList<>();
        long triples = 0;
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".ttl"))
                    .sorted(Comparator.comparing(Path::toString)).toList()) {
                Model model = ModelFactory.createDefaultModel();
                try (InputStream in = Files.newInputStream(file)) {
                    RDFDataMgr.read(model, in, Lang.TURTLE);
                }
                triples += model.size();
                pages.add(model);
            }
        }
        if (pages.isEmpty()) {
            throw new IllegalStateException("no .ttl page in " + folder.toAbsolutePath());
        }
        long[] service = passes(pages, (model, out) -> RdfFormat.TURTLE.write(model, out));
        long[] jena = passes(pages, (model, out) -> RDFWriter.source(model).lang(Lang.TURTLE).output(out));
        System.out.printf("serialising alone: %d pages, %,d triples; as the service writes them (sorted, streamed): "
                        + "%.2f s, %,d bytes; Jena's default Turtle writer: %.2f s, %,d bytes (median of 3 passes)%n",
                pages.size(), triples, service[0] / 1e9, service[1], jena[0] / 1e9, jena[1]);
    }

    private interface Writer {
        void write(Model model, OutputStream out);
    }

    /** {median ns of three passes over every page (after a warm-up pass), bytes of one pass}. */
    private static long[] passes(List<Model> pages, Writer writer) {
        List<Long> times = new ArrayList<>();
        long bytes = 0;
        for (int pass = 0; pass < 4; pass++) {
            CountingStream out = new CountingStream();
            long start = System.nanoTime();
            for (Model page : pages) {
                writer.write(page, out);
            }
            if (pass > 0) {
                times.add(System.nanoTime() - start);
            }
            bytes = out.count;
        }
        times.sort(Long::compare);
        return new long[] {times.get(1), bytes};
    }
}
