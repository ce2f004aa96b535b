package io.apath.journey.binding;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param stateTopic where the latest journey per customer goes (compacted)
 * @param confidenceThreshold below this intent probability a classification does not move a customer
 */
@ConfigurationProperties("apath.journey")
public record JourneyProperties(
        @DefaultValue("journey-state.v1") String stateTopic, @DefaultValue("0.6") double confidenceThreshold) {}
