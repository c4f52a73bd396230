package fr.santegraph.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.santegraph.producer.Producer;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Value;
import org.neo4j.driver.Values;

class PropsTest {

    private static Value node(Map<String, Object> properties) {
        return Values.value(properties);
    }

    @Test
    void anAbsentOptionalPropertyReadsAsNullAndANumberStoredByAnOlderImportAsItsText() {
        Value p = node(Map.of("code", "DREES", "year", 2014));

        assertThat(Props.str(p, "title")).isNull();
        assertThat(Props.str(p, "year")).isEqualTo("2014");
        assertThat(Props.list(p, "keywords")).isEmpty();
    }

    @Test
    void aPropertyTheSchemaPromisesIsReportedByNameWhenTheNodeLacksIt() {
        assertThat(Props.required(node(Map.of("code", "DREES")), "code")).isEqualTo("DREES");
        assertThatThrownBy(() -> Props.required(node(Map.of("code", "DREES")), "name"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no name");
    }

    @Test
    void aStoredConstantReadsAsTheEnumAndAnAbsentOneAsNull() {
        Value p = node(Map.of("accessLevel", "OPEN"));

        assertThat(Props.constant(p, "accessLevel", AccessLevel.class)).isEqualTo(AccessLevel.OPEN);
        assertThat(Props.constant(p, "updateFrequency", UpdateFrequency.class)).isNull();
    }

    @Test
    void aProducerWithoutAStoredKindIsOtherAndOneWithoutANameIsADamagedGraph() {
        Map<String, Object> properties = new HashMap<>(Map.of("id", "producer:X", "code", "X", "name", "Producteur X"));

        assertThat(Producer.from(node(properties)).kind()).isEqualTo(ProducerKind.OTHER);

        properties.remove("name");
        assertThatThrownBy(() -> Producer.from(node(properties)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no name");
    }
}
