package fr.santegraph.config;

import fr.santegraph.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * The schema documents itself, as a front-end developer reads it in GraphiQL: every type, field,
 * argument and enum value the service defines carries a description (counted by introspection; the GraphQL built-ins
 * and the standard scalars are not ours to describe).
 */
@IntegrationTest
class SchemaDescriptionsTest {

    private static final Set<String> BUILT_IN = Set.of("String", "Int", "Float", "Boolean", "ID");
    private static final double REQUIRED = 1.0;

    @Autowired
    HttpGraphQlTester graphQl;

    /** Described and undescribed members of one kind, with the names of those left undescribed. */
    private static final class Share {
        int described;
        final List<String> missing = new ArrayList<>();

        void count(String name, Object description) {
            if (description instanceof String text && !text.isBlank()) {
                described++;
            } else {
                missing.add(name);
            }
        }

        double ratio() {
            int total = described + missing.size();
            return total == 0 ? 1 : (double) described / total;
        }

        @Override
        public String toString() {
            return "%d of %d described; missing: %s".formatted(described, described + missing.size(), missing);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyTypeFieldArgumentAndEnumValueIsDescribed() {
        List<Map<String, Object>> types = graphQl.documentName("schemaDescriptions").execute()
                .path("__schema.types").entityList(Map.class).get().stream().map(t -> (Map<String, Object>) t).toList();
        Share typeShare = new Share();
        Share fieldShare = new Share();
        Share argumentShare = new Share();
        Share enumShare = new Share();
        for (Map<String, Object> type : types) {
            String name = (String) type.get("name");
            if (name.startsWith("__") || BUILT_IN.contains(name)) {
                continue;
            }
            typeShare.count(name, type.get("description"));
            for (String members : List.of("fields", "inputFields")) {
                for (Map<String, Object> field : list(type.get(members))) {
                    String fieldName = name + "." + field.get("name");
                    fieldShare.count(fieldName, field.get("description"));
                    for (Map<String, Object> argument : list(field.get("args"))) {
                        argumentShare.count(fieldName + "(" + argument.get("name") + ")", argument.get("description"));
                    }
                }
            }
            for (Map<String, Object> value : list(type.get("enumValues"))) {
                enumShare.count(name + "." + value.get("name"), value.get("description"));
            }
        }
        SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(typeShare.ratio()).as("types: %s", typeShare).isGreaterThanOrEqualTo(REQUIRED);
            softly.assertThat(fieldShare.ratio()).as("fields: %s", fieldShare).isGreaterThanOrEqualTo(REQUIRED);
            softly.assertThat(argumentShare.ratio()).as("arguments: %s", argumentShare).isGreaterThanOrEqualTo(REQUIRED);
            softly.assertThat(enumShare.ratio()).as("enum values: %s", enumShare).isGreaterThanOrEqualTo(REQUIRED);
        });
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object members) {
        return members == null ? List.of() : (List<Map<String, Object>>) members;
    }
}
