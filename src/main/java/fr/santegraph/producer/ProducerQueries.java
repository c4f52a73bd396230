package fr.santegraph.producer;

import fr.santegraph.catalogue.CatalogueOrder;
import fr.santegraph.catalogue.CatalogueRepository;
import fr.santegraph.catalogue.Conditions;
import fr.santegraph.catalogue.ProducerKind;
import fr.santegraph.common.CountedConnection;
import fr.santegraph.common.PageRequest;
import fr.santegraph.common.ReadTransaction;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Repository;

/** The Cypher of the producer feature: the filters of its list and the relationships its fields read. */
@Repository
@ReadTransaction
public class ProducerQueries {

    /** What {@code indicatorCount} counts. */
    public static final String INDICATOR_COUNT = "(s:Producer {id: id})<-[:PRODUCED_BY]-(o:Indicator)";

    public record ProducerFilter(@Nullable ProducerKind kind, @Nullable Boolean inAliasFile) {
    }

    private final CatalogueRepository catalogue;

    public ProducerQueries(CatalogueRepository catalogue) {
        this.catalogue = catalogue;
    }

    /** The {@code producers} list: by kind, by presence in the alias file, then one page. */
    public CountedConnection<Producer> producers(ProducerFilter filter, CatalogueOrder orderBy, PageRequest page,
                                                 boolean countTotal) {
        ProducerFilter f = filter == null ? new ProducerFilter(null, null) : filter;
        Conditions where = new Conditions()
                .add("n.kind = $kind", "kind", f.kind())
                .add("n.inAliasFile = $inAliasFile", "inAliasFile", f.inAliasFile());
        CatalogueOrder order = CatalogueOrder.orDefault(orderBy);
        return catalogue.page("Producer", where.conditions(), where.parameters(), order.sortKey("name"), order.descending(),
                page, countTotal, Producer::from);
    }
}
