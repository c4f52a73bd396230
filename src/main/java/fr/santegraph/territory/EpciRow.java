package fr.santegraph.territory;

import java.util.List;

/** One EPCI (intercommunal body) and the INSEE codes of its member communes. */
public record EpciRow(String code, String name, String kind, String financing, Long population,
                      List<String> memberCodes, long line) {
}
