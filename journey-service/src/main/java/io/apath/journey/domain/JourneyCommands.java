package io.apath.journey.domain;

/** Where privacy requests go to be applied by the journey topology, in order with the customer's mentions. */
public interface JourneyCommands {

    /** Returns once the request is durably accepted; it is applied asynchronously. */
    void send(JourneyInput command);
}
