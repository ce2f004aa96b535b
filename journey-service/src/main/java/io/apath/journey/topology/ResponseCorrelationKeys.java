package io.apath.journey.topology;

import io.apath.contracts.ClassifiedMention;
import io.apath.journey.domain.JourneyPolicy;
import io.apath.journey.topology.ResponseCorrelation.Side;

/** Which mentions take part in matching answers to complaints, and under which key they meet. */
final class ResponseCorrelationKeys {

    record Keyed(String key, ResponseCorrelation side) {}

    private ResponseCorrelationKeys() {}

    /** The complaint or answer side of a mention, keyed {@code tenant:platform:post}; null if it is neither. */
    static Keyed of(JourneyPolicy policy, ClassifiedMention classified) {
        if (classified == null) {
            return null;
        }
        var mention = classified.mention();
        try {
            if (policy.isBrandReply(classified)) {
                return new Keyed(
                        key(mention.tenant(), mention.platform(), mention.inReplyTo()),
                        new ResponseCorrelation(Side.ANSWER, null, mention.mentionId(), mention.createdAt()));
            }
            if (policy.opensResponseWindow(classified)) {
                return new Keyed(
                        key(mention.tenant(), mention.platform(), mention.nativeId()),
                        new ResponseCorrelation(Side.COMPLAINT, mention.customerKey(), null, mention.createdAt()));
            }
        } catch (RuntimeException e) {
            return null; // the main branch meets the same failure and dead-letters the record
        }
        return null;
    }

    static String key(String tenant, String platform, String nativeId) {
        return tenant + ':' + platform + ':' + nativeId;
    }
}
