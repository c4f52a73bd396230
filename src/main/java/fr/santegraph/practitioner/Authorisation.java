package fr.santegraph.practitioner;

import org.neo4j.driver.Value;

/** An authorisation to practise (autorisation d'exercice) in a discipline. */
public record Authorisation(CodedLabel type, CodedLabel discipline) {

    static Authorisation from(Value a) {
        return new Authorisation(CodedLabel.of(a, "typeCode", "type"), CodedLabel.of(a, "disciplineCode", "discipline"));
    }
}
