package fr.santegraph.common;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Controller;

@Controller
public class NodeController {

    private final List<NodeLookup> lookups;

    public NodeController(List<NodeLookup> lookups) {
        this.lookups = lookups;
    }

    /** Beyond this, ask in several requests: each id is a lookup, and a page of a list holds at most this many. */
    static final int MAX_IDS = 100;

    /**
     * The objects behind {@code ids}, in their order, null where nothing has that id: one lookup per feature, not
     * one per id.
     */
    @QueryMapping
    public List<Object> nodes(@Argument List<String> ids) {
        if (ids.size() > MAX_IDS) {
            throw new InvalidArgumentException("nodes takes at most " + MAX_IDS + " ids; " + ids.size() + " were given");
        }
        Map<NodeLookup, List<String>> byLookup = new LinkedHashMap<>();
        for (String id : ids) {
            byLookup.computeIfAbsent(lookup(id), k -> new ArrayList<>()).add(id);
        }
        Map<String, Object> found = new HashMap<>();
        byLookup.forEach((lookup, itsIds) -> found.putAll(lookup.findAll(itsIds)));
        List<Object> result = new ArrayList<>(ids.size());
        ids.forEach(id -> result.add(found.get(id)));
        return result;
    }

    private NodeLookup lookup(String id) {
        return lookups.stream().filter(lookup -> lookup.handles(id)).findFirst()
                .orElseThrow(() -> new InvalidArgumentException("'" + id + "' is not a santegraph id"));
    }

    @QueryMapping
    public @Nullable Object node(@Argument String id) {
        return lookups.stream().filter(lookup -> lookup.handles(id)).findFirst()
                .orElseThrow(() -> new InvalidArgumentException("'" + id + "' is not a santegraph id"))
                .find(id).orElse(null);
    }
}
