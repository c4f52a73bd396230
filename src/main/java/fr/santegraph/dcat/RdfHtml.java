package fr.santegraph.dcat;

import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.sparql.util.NodeCmp;
import org.apache.jena.sparql.vocabulary.FOAF;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.apache.jena.vocabulary.VCARD4;
import org.springframework.web.util.HtmlUtils;

/**
 * The RDF of a page or an object as a page a person reads in a browser: one section per described resource, titled
 * by its label, its properties in a table, links to what it names. Written on the server, self-contained (no script,
 * no style sheet or font fetched from elsewhere), in the model's sorted order: the same model, the same bytes.
 */
final class RdfHtml {

    private static final List<Property> LABELS = List.of(DCTerms.title, FOAF.name, SKOS.prefLabel, VCARD4.fn);

    private RdfHtml() {
    }

    static void write(Model model, OutputStream out) {
        PrintWriter html = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        List<Resource> subjects = model.listSubjects().toList().stream()
                .sorted(Comparator.comparing(Resource::asNode, NodeCmp::compareRDFTerms)).toList();
        String title = subjects.stream().filter(s -> s.hasProperty(RDF.type, DCAT.Catalog)).findFirst()
                .or(() -> subjects.stream().findFirst()).map(RdfHtml::label).orElse("santegraph");
        html.println("<!DOCTYPE html>");
        html.println("<html lang=\"fr\"><head><meta charset=\"utf-8\"><title>" + escape(title) + "</title>");
        html.println("<style>body{font-family:sans-serif;max-width:70em;margin:1em auto;padding:0 1em}"
                + "table{border-collapse:collapse;width:100%}td,th{border-top:1px solid #ddd;padding:.3em;text-align:left;"
                + "vertical-align:top}th{width:14em;font-weight:normal;color:#555}section{margin-bottom:2em}</style>");
        html.println("</head><body><h1>" + escape(title) + "</h1>");
        html.println("<p>Also as <a href=\"?format=ttl\">Turtle</a>, <a href=\"?format=jsonld\">JSON-LD</a>, "
                + "<a href=\"?format=rdf\">RDF/XML</a>, <a href=\"?format=nt\">N-Triples</a>.</p>");
        for (Resource subject : subjects) {
            String uri = subject.isURIResource() ? subject.getURI() : null;
            html.println("<section" + (uri == null ? "" : " id=\"" + escape(uri) + "\"") + "><h2>" + escape(label(subject)) + "</h2>");
            if (uri != null) {
                html.println("<p><a href=\"" + escape(uri) + "\">" + escape(uri) + "</a></p>");
            }
            html.println("<table>");
            List<Statement> statements = subject.listProperties().toList().stream()
                    .sorted(Comparator.comparing((Statement s) -> s.getPredicate().asNode(), NodeCmp::compareRDFTerms)
                            .thenComparing(s -> s.getObject().asNode(), NodeCmp::compareRDFTerms)).toList();
            for (Statement statement : statements) {
                html.println("<tr><th>" + escape(model.shortForm(statement.getPredicate().getURI())) + "</th><td>"
                        + value(model, statement.getObject()) + "</td></tr>");
            }
            html.println("</table></section>");
        }
        html.println("</body></html>");
        html.flush();
    }

    private static String label(Resource resource) {
        for (Property property : LABELS) {
            Statement label = resource.getProperty(property);
            if (label != null && label.getObject().isLiteral()) {
                return label.getString();
            }
        }
        return resource.isURIResource() ? resource.getURI() : "(anonyme)";
    }

    private static String value(Model model, RDFNode node) {
        if (node.isLiteral()) {
            Literal literal = node.asLiteral();
            return escape(literal.getLexicalForm());
        }
        if (node.isURIResource()) {
            String uri = node.asResource().getURI();
            String text = model.contains(node.asResource(), null) ? label(node.asResource()) : model.shortForm(uri);
            return "<a href=\"" + escape(uri) + "\">" + escape(text) + "</a>";
        }
        return "(anonyme)";
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, StandardCharsets.UTF_8.name());
    }
}
