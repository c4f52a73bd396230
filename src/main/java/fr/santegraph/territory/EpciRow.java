package fr.santegraph.territory;

import java.util.List;
import org.springframework.lang.Nullable;

/** One EPCI (intercommunal body) and the INSEE codes of its member communes. */
public record EpciRow(String code, String name, @Nullable String kind, @Nullable String financing,
                      @Nullable Long population, List<String> memberCodes, long line) {
}
