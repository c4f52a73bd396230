package fr.santegraph.common;

import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
public class NodeController {

    private final List<NodeLookup> lookups;

    public NodeController(List<NodeLookup> lookups) {
        this.lookups = lookups;
    }

    @QueryMapping
    public Object node(@Argument String id) {
        return lookups.stream().filter(lookup -> lookup.handles(id)).findFirst()
                .orElseThrow(() -> new InvalidArgumentException("'" + id + "' is not a santegraph id"))
                .find(id).orElse(null);
    }
}
