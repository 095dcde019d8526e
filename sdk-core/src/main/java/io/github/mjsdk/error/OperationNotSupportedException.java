package io.github.mjsdk.error;

/**
 * The SDK refused an operation because the client's provider does not offer it (per the protocol's capability
 * data, {@code Protocol.supports(..)}; docs/protocols.md §h.1.1). Nothing was sent. Thrown by the call itself, or
 * delivered through its future.
 */
public class OperationNotSupportedException extends UnsupportedOperationException {
    private static final long serialVersionUID = 1L;

    /** The provider's name. */
    private final String provider;
    /** The operation's label. */
    private final String operation;

    /**
     * Creates the exception; the message names both.
     *
     * @param provider  the provider's name, e.g. {@code "JourneyAPI"}
     * @param operation the operation's label, e.g. {@code "pan"}
     */
    public OperationNotSupportedException(String provider, String operation) {
        super(provider + " does not offer " + operation + " (see the operations table in the README)");
        this.provider = provider;
        this.operation = operation;
    }

    /**
     * The provider that lacks the operation.
     *
     * @return its name, as {@code Provider.name()} gives it
     */
    public String provider() {
        return provider;
    }

    /**
     * The refused operation.
     *
     * @return its label, as {@code MidjourneyOperation.label()} gives it
     */
    public String operation() {
        return operation;
    }
}
