package fr.santegraph.dataset;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** The editors' dataset mutation ({@code schema/graphql/dataset.graphqls}). */
@Controller
public class DatasetEditController {

    private final DatasetEdits edits;

    public DatasetEditController(DatasetEdits edits) {
        this.edits = edits;
    }

    @MutationMapping
    public Object saveDataset(@Argument DatasetEdits.DatasetInput input) {
        return edits.save(input);
    }
}
