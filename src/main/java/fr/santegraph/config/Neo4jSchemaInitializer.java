package fr.santegraph.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * Applies the constraints and indexes of {@code schema/neo4j/*.cypher} at start-up. Every statement uses
 * {@code IF NOT EXISTS}, so applying them again is a no-op: start-up stays idempotent.
 */
@Component
public class Neo4jSchemaInitializer implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(Neo4jSchemaInitializer.class);
    static final String LOCATION = "classpath*:schema/neo4j/*.cypher";

    private final Neo4jClient neo4j;

    public Neo4jSchemaInitializer(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /** The name a {@code CREATE … IF NOT EXISTS} statement gives its constraint or index. */
    private static final Pattern NAMED = Pattern.compile(
            "(?is)^CREATE\\s+(?:CONSTRAINT|(?:FULLTEXT\\s+|POINT\\s+|TEXT\\s+|RANGE\\s+|LOOKUP\\s+)?INDEX)\\s+(\\w+)\\s+IF\\s+NOT\\s+EXISTS\\b.*");

    @Override
    public void afterPropertiesSet() {
        List<String> statements = loadStatements();
        // A later start finds them all: one schema transaction per statement (~7 s for 55) is skipped by name.
        Set<String> present = new HashSet<>(neo4j.query("SHOW CONSTRAINTS YIELD name RETURN name")
                .fetchAs(String.class).all());
        present.addAll(neo4j.query("SHOW INDEXES YIELD name RETURN name").fetchAs(String.class).all());
        List<String> missing = statements.stream()
                .filter(statement -> nameOf(statement).map(name -> !present.contains(name)).orElse(true)).toList();
        missing.forEach(statement -> neo4j.query(statement).run());
        if (!missing.isEmpty()) {
            // Imports right after start-up must not race index population.
            neo4j.query("CALL db.awaitIndexes(300)").run();
        }
        log.info("Applied {} Neo4j schema statements ({} already in place)", missing.size(),
                statements.size() - missing.size());
    }

    /** The name a {@code CREATE … IF NOT EXISTS} statement gives, empty for any other statement. */
    static Optional<String> nameOf(String statement) {
        var named = NAMED.matcher(statement);
        return named.matches() ? Optional.of(named.group(1)) : Optional.empty();
    }

    /** Every statement of the schema files, in file-name order (also used to build a store offline). */
    public static List<String> loadStatements() {
        try {
            // By file name, in name order: the same file twice on the class path is applied once.
            Map<String, Resource> files = new TreeMap<>();
            for (Resource file : new PathMatchingResourcePatternResolver().getResources(LOCATION)) {
                files.putIfAbsent(file.getFilename(), file);
            }
            List<String> statements = new ArrayList<>();
            for (Resource file : files.values()) {
                statements.addAll(split(file.getContentAsString(StandardCharsets.UTF_8)));
            }
            return statements;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read Neo4j schema files " + LOCATION, e);
        }
    }

    /** Splits a Cypher script on {@code ;}, dropping {@code //} comment lines and blanks. */
    static List<String> split(String script) {
        StringBuilder withoutComments = new StringBuilder();
        script.lines().filter(line -> !line.strip().startsWith("//"))
                .forEach(line -> withoutComments.append(line).append('\n'));
        return Arrays.stream(withoutComments.toString().split(";"))
                .map(String::strip)
                .filter(statement -> !statement.isEmpty())
                .toList();
    }
}
