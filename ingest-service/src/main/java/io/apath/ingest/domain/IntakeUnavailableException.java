package io.apath.ingest.domain;

/**
 * The intake cannot promise durability right now (broker unreachable, no acknowledgement in time, or the idempotency
 * window is still loading). Nothing in the request may be reported as accepted; the client should retry.
 */
public class IntakeUnavailableException extends RuntimeException {

    public IntakeUnavailableException(String message) {
        super(message);
    }

    public IntakeUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
