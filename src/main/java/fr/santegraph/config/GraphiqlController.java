package fr.santegraph.config;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.util.HtmlUtils;

/**
 * GraphiQL at {@code /graphiql}, built only from the WebJars in the jar. Spring's own GraphiQL page
 * ({@code spring.graphql.graphiql.enabled}) loads React and GraphiQL from a CDN and stays blank offline.
 * Both {@code /graphiql} and {@code /graphiql/} answer 200 directly: some clients treat a redirect as an error.
 */
@Controller
public class GraphiqlController {

    private static final String CONTEXT_PATH = "{{contextPath}}";
    private static final MediaType HTML_UTF8 = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    private final String page;

    // Kept out of static/ so the raw template, placeholders and all, is never served as is.
    public GraphiqlController(@Value("classpath:web/graphiql.html") Resource template) throws IOException {
        this.page = template.getContentAsString(StandardCharsets.UTF_8);
    }

    @GetMapping({"/graphiql", "/graphiql/"})
    public ResponseEntity<String> graphiql(HttpServletRequest request) {
        // Asset and endpoint URLs are absolute paths, so they must carry the context path when there is one.
        String body = page.replace(CONTEXT_PATH, HtmlUtils.htmlEscape(request.getContextPath()));
        return ResponseEntity.ok().contentType(HTML_UTF8).cacheControl(CacheControl.noCache()).body(body);
    }
}
