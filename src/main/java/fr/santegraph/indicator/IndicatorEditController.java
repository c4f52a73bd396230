package fr.santegraph.indicator;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** The editors' indicator mutation ({@code schema/graphql/indicator.graphqls}). */
@Controller
public class IndicatorEditController {

    private final IndicatorEdits edits;

    public IndicatorEditController(IndicatorEdits edits) {
        this.edits = edits;
    }

    @MutationMapping
    public Object saveIndicator(@Argument IndicatorEdits.IndicatorInput input) {
        return edits.save(input);
    }
}
