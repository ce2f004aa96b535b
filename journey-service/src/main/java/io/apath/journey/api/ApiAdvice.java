package io.apath.journey.api;

import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;

/**
 * A store that is migrating or restoring during a rebalance is a temporary condition: 503 with Retry-After. So is a
 * peer instance's: the funnel and the customer lists merge every instance's part, and a peer that answers 503 (its
 * store is rebalancing) or cannot be reached (it is stopping or starting) makes the merged answer temporarily
 * unavailable, not a server error. So is a peer that refuses the caller's API key (401/403) which this instance
 * accepted: the instances are between two versions of the tenants file.
 */
@RestControllerAdvice
class ApiAdvice {

    @ExceptionHandler(InvalidStateStoreException.class)
    ErrorResponseException storeUnavailable(InvalidStateStoreException e) {
        return Problems.unavailable("the journey store is rebalancing; retry shortly");
    }

    @ExceptionHandler(HttpServerErrorException.ServiceUnavailable.class)
    ErrorResponseException peerUnavailable(HttpServerErrorException.ServiceUnavailable e) {
        return Problems.unavailable("another journey instance's store is rebalancing; retry shortly");
    }

    @ExceptionHandler({HttpClientErrorException.Unauthorized.class, HttpClientErrorException.Forbidden.class})
    ErrorResponseException peerRefusedKey(HttpClientErrorException e) {
        return Problems.peerRefusedKey();
    }

    @ExceptionHandler(ResourceAccessException.class)
    ErrorResponseException peerUnreachable(ResourceAccessException e) {
        return Problems.unavailable("another journey instance cannot be reached (it may be restarting); retry shortly");
    }
}
