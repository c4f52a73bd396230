package fr.santegraph.observation;

import java.util.List;

public record TerritoryIndicatorValues(List<IndicatorValue> own, List<IndicatorValue> children) {
}
