package io.apath.journey.domain;

import io.apath.contracts.Author;
import io.apath.contracts.ClassifiedMention;
import io.apath.contracts.Intent;
import io.apath.contracts.Mention;
import io.apath.contracts.MentionId;
import io.apath.contracts.MentionKind;
import io.apath.contracts.Sentiment;
import io.apath.contracts.SentimentLabel;
import java.time.Instant;
import java.util.Map;

/** Test data mother: classified mentions with sensible defaults, changed one property at a time. */
public final class Mentions {

    public static final String TENANT = "acme";
    public static final String PLATFORM = "mastodon";
    public static final Instant T0 = Instant.parse("2026-10-05T10:00:00Z"); // a Monday

    private String tenant = TENANT;
    private String author = "fan-1";
    private String handle;
    private String nativeId = "post-1";
    private MentionKind kind = MentionKind.POST;
    private Intent intent = Intent.INFORMATIONAL;
    private double confidence = 0.9;
    private SentimentLabel sentiment = SentimentLabel.NEUTRAL;
    private boolean needsReview;
    private String inReplyTo;
    private Instant at = T0;

    private Mentions() {}

    public static Mentions by(String author) {
        Mentions m = new Mentions();
        m.author = author;
        return m;
    }

    public static String customerKey(String author) {
        return TENANT + ":" + PLATFORM + ":" + author;
    }

    public Mentions post(String nativeId) {
        this.nativeId = nativeId;
        return this;
    }

    public Mentions tenant(String tenant) {
        this.tenant = tenant;
        return this;
    }

    public Mentions handle(String handle) {
        this.handle = handle;
        return this;
    }

    public Mentions intent(Intent intent) {
        this.intent = intent;
        return this;
    }

    public Mentions confidence(double confidence) {
        this.confidence = confidence;
        return this;
    }

    public Mentions positive() {
        this.sentiment = SentimentLabel.POSITIVE;
        return this;
    }

    public Mentions needsReview() {
        this.needsReview = true;
        return this;
    }

    public Mentions kind(MentionKind kind) {
        this.kind = kind;
        return this;
    }

    public Mentions replyTo(String nativeId) {
        this.inReplyTo = nativeId;
        this.kind = MentionKind.REPLY;
        return this;
    }

    public Mentions at(Instant at) {
        this.at = at;
        return this;
    }

    public Mentions daysAfterStart(double days) {
        this.at = T0.plusSeconds((long) (days * 86_400));
        return this;
    }

    public ClassifiedMention build() {
        Mention mention = new Mention(
                MentionId.of(tenant, PLATFORM, nativeId),
                tenant,
                PLATFORM,
                nativeId,
                kind,
                new Author(author, handle == null ? "@" + author : handle, author, 10L),
                "text of " + nativeId,
                "en",
                null,
                inReplyTo,
                at,
                at.plusSeconds(1));
        return new ClassifiedMention(
                mention,
                Map.of(intent, confidence),
                intent,
                new Sentiment(sentiment, 0.8),
                "en",
                "test-model-1",
                needsReview);
    }
}
