package fr.santegraph.territory;

import fr.santegraph.common.TextFolding;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.lang.Nullable;

/**
 * One territory as read from a source, ready to write: its level and code, name, parent's id, published
 * properties, and for communes their postal codes and former codes (communes merged into this one).
 */
public record TerritoryRow(TerritoryLevel level, String code, String name, @Nullable String parentId,
                           Map<String, Object> properties, List<String> postalCodes, List<String> formerCodes,
                           long line) {

    public String id() {
        return level.id(code);
    }

    /** The map bound to the writer's Cypher ({@code $rows}). */
    Map<String, Object> toParameters() {
        Map<String, Object> row = new HashMap<>();
        row.put("id", id());
        row.put("label", level.label());
        row.put("level", level.name());
        row.put("code", code);
        row.put("name", name);
        row.put("searchName", TextFolding.fold(name));
        row.put("parentId", parentId);
        row.put("properties", properties);
        row.put("postalCodes", postalCodes);
        row.put("formerCodes", formerCodes);
        return row;
    }
}
