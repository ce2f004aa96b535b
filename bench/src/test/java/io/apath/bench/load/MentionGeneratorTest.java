package io.apath.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apath.contracts.MentionKind;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class MentionGeneratorTest {

    private static final Instant END = Instant.parse("2026-11-22T00:00:00Z");
    private static final List<String> TEXTS = List.of("love it", "broken again", "any discount?");

    private static MentionGenerator generator(long seed, int customers, int expected) {
        LoadProfile profile =
                new LoadProfile("t1", seed, customers, 1.05, LoadProfile.DEFAULT_TENANTS, Duration.ofDays(56), END);
        return new MentionGenerator(profile, TEXTS, expected);
    }

    @Test
    void sameSeedGivesTheSameMentions() {
        assertThat(generator(3, 1000, 500).take(500))
                .isEqualTo(generator(3, 1000, 500).take(500));
        assertThat(generator(3, 1000, 500).take(50))
                .isNotEqualTo(generator(4, 1000, 500).take(50));
    }

    @Test
    void activityIsSkewedFewCustomersWriteMostMentionsMostWriteOnceOrTwice() {
        List<GeneratedMention> mentions = generator(1, 50_000, 50_000).take(50_000);
        Map<String, Long> perCustomer =
                mentions.stream().collect(Collectors.groupingBy(GeneratedMention::customerKey, Collectors.counting()));
        long oneOrTwo = perCustomer.values().stream().filter(n -> n <= 2).count();
        long busiest =
                perCustomer.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        assertThat((double) oneOrTwo / perCustomer.size()).isGreaterThan(0.7);
        assertThat(busiest).isGreaterThan(500);
    }

    @Test
    void mentionsComeFromSeveralTenantsAndKindsIncludingRepliesAndFollows() {
        List<GeneratedMention> mentions = generator(2, 10_000, 20_000).take(20_000);
        Set<String> tenants = mentions.stream().map(GeneratedMention::tenant).collect(Collectors.toSet());
        Map<MentionKind, Long> kinds =
                mentions.stream().collect(Collectors.groupingBy(m -> m.mention().kind(), Collectors.counting()));
        assertThat(tenants).containsExactlyInAnyOrder("acme", "globex", "initech", "umbrella");
        assertThat(kinds).containsKeys(MentionKind.POST, MentionKind.REPLY, MentionKind.FOLLOW);
        assertThat(mentions)
                .filteredOn(m -> m.mention().kind() == MentionKind.REPLY)
                .allSatisfy(m -> assertThat(m.mention().inReplyTo()).startsWith("t1-"));
        assertThat(mentions)
                .filteredOn(m -> m.mention().kind() == MentionKind.FOLLOW)
                .allSatisfy(m -> assertThat(m.mention().text()).isNull());
    }

    @Test
    void aCustomerKeepsItsTenantAndPlatform() {
        Map<String, String> tenantOf = new HashMap<>();
        for (GeneratedMention m : generator(5, 100, 5000).take(5000)) {
            String author = m.mention().author().id();
            assertThat(tenantOf.computeIfAbsent(
                            author, a -> m.tenant() + "/" + m.mention().platform()))
                    .isEqualTo(m.tenant() + "/" + m.mention().platform());
        }
    }

    @Test
    void timestampsSpanTheSimulatedWeeksInOrderEachMentionItsOwnMillisecond() {
        List<GeneratedMention> mentions = generator(6, 1000, 10_000).take(10_000);
        Set<Instant> distinct = new HashSet<>();
        for (int i = 1; i < mentions.size(); i++) {
            assertThat(mentions.get(i).createdAt()).isAfter(mentions.get(i - 1).createdAt());
            distinct.add(mentions.get(i).createdAt());
        }
        assertThat(Duration.between(mentions.get(0).createdAt(), END))
                .isBetween(Duration.ofDays(55), Duration.ofDays(56));
        assertThat(mentions.get(mentions.size() - 1).createdAt()).isBefore(END);
        assertThat(distinct).hasSize(mentions.size() - 1);
    }

    @Test
    void submissionJsonIsWhatIngestTakesWithoutIdsOrNulls() {
        GeneratedMention m = generator(7, 10, 10).take(1).get(0);
        JsonNode json = JsonMapper.builder().build().readTree(m.submissionJson());
        assertThat(json.has("mentionId")).isFalse();
        assertThat(json.has("receivedAt")).isFalse();
        assertThat(json.get("tenant").asString()).isEqualTo(m.tenant());
        assertThat(json.get("author").get("id").asString())
                .isEqualTo(m.mention().author().id());
        assertThat(json.get("createdAt").asString()).isEqualTo(m.createdAt().toString());
        json.properties().forEach(e -> assertThat(e.getValue().isNull()).isFalse());
    }

    @Test
    void everyCustomerCanBeAddressedDirectly() {
        MentionGenerator generator = generator(8, 3, 3);
        assertThat(generator.nextFrom(2).mention().author().id()).endsWith("-t1-2");
        assertThatThrownBy(() -> generator.nextFrom(3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sampleTextsAreReadFromTheBundledSamples() {
        assertThat(SampleTexts.load()).hasSizeGreaterThan(100).allSatisfy(t -> assertThat(t)
                .isNotBlank());
    }
}
