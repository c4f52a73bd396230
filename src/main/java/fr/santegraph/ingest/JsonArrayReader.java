package fr.santegraph.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.ObjIntConsumer;

/**
 * Streams the elements of a top-level JSON array one at a time (constant memory whatever the file size),
 * with the line each element starts on, for rejection reports.
 */
public final class JsonArrayReader {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonArrayReader() {
    }

    /**
     * Calls {@code element} for each array element. A file that is not a JSON array, or breaks off, fails with
     * its name and line; the elements before the break have been handed over already.
     */
    public static void forEach(String fileName, InputStream in, ObjIntConsumer<JsonNode> element) throws IOException {
        try (JsonParser parser = MAPPER.createParser(in)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new ImportFailedException(fileName + ": expected a JSON array of objects");
            }
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                if (parser.currentToken() == null) {
                    throw new ImportFailedException(fileName + ": the JSON array is not closed (file truncated?)");
                }
                int line = parser.currentTokenLocation().getLineNr();
                JsonNode node = parser.readValueAsTree();
                element.accept(node, line);
            }
        } catch (JsonProcessingException e) {
            var location = e.getLocation();
            throw new ImportFailedException(fileName + ":" + (location == null ? "?" : location.getLineNr())
                    + ": not valid JSON (" + e.getOriginalMessage() + ")", e);
        }
    }
}
