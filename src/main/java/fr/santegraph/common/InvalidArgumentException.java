package fr.santegraph.common;

/** A caller's argument that cannot be served; it becomes a GraphQL error classified BAD_REQUEST. */
public class InvalidArgumentException extends IllegalArgumentException {

    public InvalidArgumentException(String message) {
        super(message);
    }
}
