package io.apath.journey.api;

import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A store that is migrating or restoring during a rebalance is a temporary condition: 503 with Retry-After. */
@RestControllerAdvice
class ApiAdvice {

    @ExceptionHandler(InvalidStateStoreException.class)
    ErrorResponseException storeUnavailable(InvalidStateStoreException e) {
        return Problems.unavailable("the journey store is rebalancing; retry shortly");
    }
}
