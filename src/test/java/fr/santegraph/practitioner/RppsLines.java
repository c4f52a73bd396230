package fr.santegraph.practitioner;

import fr.santegraph.ingest.DelimitedReader;
import java.util.ArrayList;
import java.util.List;

/** Lines of the RPPS format as the reader hands them over: split on every {@code |}, the trailing one ending no field. */
final class RppsLines {

    private RppsLines() {
    }

    static List<String> fields(String text) {
        List<String> fields = new ArrayList<>(List.of(text.split("\\|", -1)));
        if (fields.size() > 1 && text.endsWith("|")) {
            fields.remove(fields.size() - 1);
        }
        return fields;
    }

    static DelimitedReader.Row row(String text, long line) {
        return new DelimitedReader.Row(line, fields(text));
    }
}
