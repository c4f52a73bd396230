package fr.santegraph.practitioner;

import fr.santegraph.common.NodeLookup;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

@Component
class PractitionerNodeLookup implements NodeLookup {

    private final PractitionerService practitioners;

    PractitionerNodeLookup(PractitionerService practitioners) {
        this.practitioners = practitioners;
    }

    @Override
    public boolean handles(String id) {
        return id.startsWith(Practitioner.PREFIX);
    }

    @Override
    public Optional<?> find(String id) {
        return practitioners.findById(id);
    }

    @Override
    public Map<String, Object> findAll(Collection<String> ids) {
        Map<String, Object> found = new HashMap<>();
        practitioners.findByIds(ids).forEach(p -> found.put(p.id(), p));
        return found;
    }
}
