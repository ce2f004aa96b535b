package io.apath.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * One account on one platform for one brand: {@code tenant:platform:authorId}. It is the record key of every
 * per-customer topic, so one customer's records stay in order on one partition.
 */
public record CustomerKey(String value) {

    private static final char SEPARATOR = ':';

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public CustomerKey {
        Objects.requireNonNull(value, "value");
        int first = value.indexOf(SEPARATOR);
        int second = first < 0 ? -1 : value.indexOf(SEPARATOR, first + 1);
        if (first <= 0 || second <= first + 1 || second == value.length() - 1) {
            throw new IllegalArgumentException("customer key must be tenant:platform:authorId, was '" + value + "'");
        }
    }

    /** Tenant and platform may not contain ':'; the author id may (some platforms use it). */
    public static CustomerKey of(String tenant, String platform, String authorId) {
        if (tenant.indexOf(SEPARATOR) >= 0 || platform.indexOf(SEPARATOR) >= 0) {
            throw new IllegalArgumentException("tenant and platform must not contain ':'");
        }
        return new CustomerKey(tenant + SEPARATOR + platform + SEPARATOR + authorId);
    }

    public String tenant() {
        return value.substring(0, value.indexOf(SEPARATOR));
    }

    public String platform() {
        int first = value.indexOf(SEPARATOR);
        return value.substring(first + 1, value.indexOf(SEPARATOR, first + 1));
    }

    public String authorId() {
        int first = value.indexOf(SEPARATOR);
        return value.substring(value.indexOf(SEPARATOR, first + 1) + 1);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
