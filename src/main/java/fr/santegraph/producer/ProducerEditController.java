package fr.santegraph.producer;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** The editors' producer mutations ({@code schema/graphql/producer.graphqls}). */
@Controller
public class ProducerEditController {

    private final ProducerEdits edits;

    public ProducerEditController(ProducerEdits edits) {
        this.edits = edits;
    }

    @MutationMapping
    public Object saveProducer(@Argument ProducerEdits.ProducerInput input) {
        return edits.save(input);
    }

    @MutationMapping
    public Object addProducerAlias(@Argument String producer, @Argument String alias) {
        return edits.addAlias(producer, alias);
    }
}
