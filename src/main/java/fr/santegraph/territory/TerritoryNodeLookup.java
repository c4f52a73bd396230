package fr.santegraph.territory;

import fr.santegraph.common.NodeLookup;
import java.util.Optional;
import org.springframework.stereotype.Component;

@Component
class TerritoryNodeLookup implements NodeLookup {

    private final TerritoryService territories;

    TerritoryNodeLookup(TerritoryService territories) {
        this.territories = territories;
    }

    @Override
    public boolean handles(String id) {
        int colon = id.indexOf(':');
        return colon > 0 && TerritoryLevel.ofIdPrefix(id.substring(0, colon)).isPresent();
    }

    @Override
    public Optional<?> find(String id) {
        return territories.findById(TerritoryId.parse(id).toString());
    }
}
