package io.apath.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.apath.contracts.MentionKind;
import io.apath.ingest.domain.MentionSubmission;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class MastodonStatusesTest {

    private static JsonNode recorded(String name) throws IOException {
        try (InputStream in = MastodonStatusesTest.class.getResourceAsStream("/recorded/" + name)) {
            return MentionJson.mapper().readTree(in);
        }
    }

    @Test
    void aLocalAccountIsQualifiedWithItsInstanceAndHtmlBecomesText() throws IOException {
        MentionSubmission s = MastodonStatuses.readWebhook(recorded("mastodon-webhook-status-created.json"))
                .get(0)
                .submission();
        assertThat(s.author().id()).isEqualTo("Gargron@mastodon.social");
        assertThat(s.author().handle()).isEqualTo("@Gargron@mastodon.social");
        assertThat(s.kind()).isEqualTo(MentionKind.REPLY);
        assertThat(s.text()).isEqualTo("@acme your support team fixed it in minutes & I'm impressed!");
        assertThat(s.nativeId()).isEqualTo("https://mastodon.social/users/Gargron/statuses/113450087447011000");
    }

    @Test
    void aRemoteAccountKeepsItsAcctAndABoostIsARepostOfTheOriginalText() throws IOException {
        ObjectNode status =
                (ObjectNode) recorded("mastodon-tag-timeline.json").get(1).deepCopy();
        ObjectNode original = status.deepCopy();
        original.put("content", "<p>original words</p>");
        status.set("reblog", original);
        MentionSubmission s = MastodonStatuses.read(status).submission();
        assertThat(s.author().id()).isEqualTo("bob@fosstodon.org");
        assertThat(s.kind()).isEqualTo(MentionKind.REPOST);
        assertThat(s.text()).isEqualTo("original words");
    }

    @Test
    void aStatusWithoutUriOrAccountIsUnreadable() {
        ObjectNode empty = MentionJson.mapper().createObjectNode();
        assertThat(MastodonStatuses.read(empty).submission()).isNull();
        assertThat(MastodonStatuses.read(empty).readProblems()).isNotEmpty();
    }
}
