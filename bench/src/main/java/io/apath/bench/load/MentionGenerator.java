package io.apath.bench.load;

import io.apath.contracts.Author;
import io.apath.contracts.Mention;
import io.apath.contracts.MentionId;
import io.apath.contracts.MentionKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Realistic mentions, deterministic for a seed: real post texts from the samples; customers whose activity follows a
 * Zipf law (a few write a lot, most once or twice); several tenants; posts, replies to earlier mentions, quotes,
 * reposts and follows; {@code createdAt} spread evenly over the simulated span in generation order, so one customer's
 * mentions are in time order and every mention of a run has its own millisecond (the latency scenario uses that to
 * recognise which mention a journey update came from).
 */
public final class MentionGenerator {

    private static final String[] PLATFORMS = {"x", "bluesky", "mastodon"};
    private static final MentionKind[] KINDS = {
        MentionKind.POST, MentionKind.REPLY, MentionKind.QUOTE, MentionKind.REPOST, MentionKind.FOLLOW
    };
    private static final double[] KIND_CDF = cdf(new double[] {0.72, 0.15, 0.03, 0.04, 0.06});
    private static final int RECENT = 1024;

    private final LoadProfile profile;
    private final List<String> texts;
    private final SplittableRandom random;
    private final double[] customerCdf;
    private final double[] tenantCdf;
    private final String[] recentNativeIds = new String[RECENT];
    private final long stepMillis;
    private final long startMillis;
    private final long expected;
    private long sequence;

    /** @param expected how many mentions the run will draw, to spread {@code createdAt} over the span */
    public MentionGenerator(LoadProfile profile, List<String> texts, long expected) {
        this.profile = profile;
        this.texts = List.copyOf(texts);
        this.random = new SplittableRandom(profile.seed());
        this.customerCdf = zipfCdf(profile.customers(), profile.zipfExponent());
        this.tenantCdf = cdf(profile.tenants().stream()
                .mapToDouble(LoadProfile.TenantShare::share)
                .toArray());
        this.expected = Math.max(1, expected);
        this.stepMillis = Math.max(1, profile.simulatedSpan().toMillis() / this.expected);
        this.startMillis = profile.end().toEpochMilli() - stepMillis * this.expected;
    }

    /** The next mention, from a customer drawn by the Zipf law. */
    public GeneratedMention next() {
        return mentionOf(pick(customerCdf, random.nextDouble()));
    }

    /** The next mention, from exactly this customer (for loads that must reach every customer). */
    public GeneratedMention nextFrom(int customer) {
        if (customer < 0 || customer >= profile.customers()) {
            throw new IllegalArgumentException("no customer " + customer);
        }
        return mentionOf(customer);
    }

    public List<GeneratedMention> take(int count) {
        List<GeneratedMention> all = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            all.add(next());
        }
        return all;
    }

    private GeneratedMention mentionOf(int customer) {
        long seq = sequence++;
        // The customer's tenant and platform are fixed by the customer, not by the draw.
        SplittableRandom who = new SplittableRandom(profile.seed() ^ (customer * 0x9E3779B97F4A7C15L));
        String tenant = profile.tenants().get(pick(tenantCdf, who.nextDouble())).tenant();
        String platform = PLATFORMS[who.nextInt(PLATFORMS.length)];
        long followers = (long) Math.floor(Math.exp(who.nextDouble() * 9)); // 1 .. ~8,000, long-tailed
        String authorId = platform.charAt(0) + "-" + profile.runId() + "-" + customer;
        Author author = new Author(authorId, "@" + authorId, "Bench customer " + customer, followers);

        MentionKind kind = KINDS[pick(KIND_CDF, random.nextDouble())];
        String nativeId = profile.runId() + "-" + seq;
        String inReplyTo = null;
        if (kind == MentionKind.REPLY || kind == MentionKind.QUOTE || kind == MentionKind.REPOST) {
            String earlier = recentNativeIds[random.nextInt(RECENT)];
            if (earlier == null) {
                kind = MentionKind.POST;
            } else if (kind == MentionKind.REPLY) {
                inReplyTo = earlier;
            }
        }
        recentNativeIds[(int) (seq % RECENT)] = nativeId;
        String text = kind == MentionKind.FOLLOW ? null : texts.get(random.nextInt(texts.size()));
        // Past the expected count the timestamps run on past `end`; callers size `expected` so that does not happen.
        Instant createdAt = Instant.ofEpochMilli(startMillis + stepMillis * seq);
        Mention mention = new Mention(
                MentionId.of(tenant, platform, nativeId),
                tenant,
                platform,
                nativeId,
                kind,
                author,
                text,
                kind == MentionKind.FOLLOW ? null : "en",
                "https://" + platform + ".example/" + authorId + "/" + nativeId,
                inReplyTo,
                createdAt,
                null);
        return new GeneratedMention(mention);
    }

    static double[] zipfCdf(int n, double exponent) {
        double[] cdf = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += 1 / Math.pow(i + 1, exponent);
            cdf[i] = sum;
        }
        for (int i = 0; i < n; i++) {
            cdf[i] /= sum;
        }
        return cdf;
    }

    private static double[] cdf(double[] weights) {
        double total = Arrays.stream(weights).sum();
        double[] cdf = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i] / total;
            cdf[i] = sum;
        }
        cdf[cdf.length - 1] = 1.0;
        return cdf;
    }

    private static int pick(double[] cdf, double u) {
        int i = Arrays.binarySearch(cdf, u);
        int index = i >= 0 ? i : -i - 1;
        return Math.min(index, cdf.length - 1);
    }
}
