package fr.santegraph.practitioner;

import org.neo4j.driver.Value;
import org.springframework.lang.Nullable;

/** An authorisation to practise (autorisation d'exercice) in a discipline. */
public record Authorisation(@Nullable CodedLabel type, @Nullable CodedLabel discipline) {

    static Authorisation from(Value a) {
        return new Authorisation(CodedLabel.of(a, "typeCode", "type"), CodedLabel.of(a, "disciplineCode", "discipline"));
    }
}
