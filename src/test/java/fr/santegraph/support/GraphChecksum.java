package fr.santegraph.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;

/**
 * A digest of a graph's business content — every node's labels and key properties, every relationship between keyed
 * nodes — leaving out bookkeeping (run stamps), so two graphs built by different runs can be compared exactly.
 */
public record GraphChecksum(long nodes, long relationships, String digest) {


    /** Cypher returning one text line per node, then one per relationship; run it on each graph to compare. */
    public static final String LINES = """
            MATCH (n)
            WITH n, [l IN labels(n) | l] AS labels
            RETURN 'N|' + reduce(s = '', l IN labels | s + l + ',') + '|' + coalesce(n.id, n.code, '') + '|'
                   + coalesce(n.name, '') + '|' + coalesce(toString(n.active), '') + '|' + coalesce(toString(n.population), '')
                   + '|' + coalesce(toString(n.centroid), '') AS line
            UNION ALL
            MATCH (a)-[r]->(b)
            RETURN 'R|' + coalesce(a.id, a.code, '') + '|' + type(r) + '|' + coalesce(b.id, b.code, '') AS line
            """;

    public static GraphChecksum of(Function<String, List<String>> runLines) {
        List<String> lines = new ArrayList<>(runLines.apply(LINES));
        lines.sort(null);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long nodes = 0;
            long relationships = 0;
            for (String line : lines) {
                sha.update(line.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\n');
                if (line.startsWith("N|")) {
                    nodes++;
                } else {
                    relationships++;
                }
            }
            return new GraphChecksum(nodes, relationships, HexFormat.of().formatHex(sha.digest()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
