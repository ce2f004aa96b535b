package io.apath.ingest.connector;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import io.apath.ingest.domain.Checkpoints;
import io.apath.ingest.domain.MentionIntake;
import io.apath.ingest.domain.Submitted;
import io.apath.ingest.source.FeedEntries;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An RSS or Atom feed (read with Rome). Feeds have no cursor, so the checkpoint is the newest entry time ingested and
 * the ids at exactly that time: later entries are new, equal-time entries are new unless listed, older ones are done.
 */
public final class RssConnector implements PullConnector {

    private final String id;
    private final String tenant;
    private final URI url;
    private final MentionIntake intake;
    private final Checkpoints checkpoints;
    private final HttpClient http;

    public RssConnector(
            String id, String tenant, URI url, MentionIntake intake, Checkpoints checkpoints, HttpClient http) {
        this.id = id;
        this.tenant = tenant;
        this.url = url;
        this.intake = intake;
        this.checkpoints = checkpoints;
        this.http = http;
    }

    @Override
    public String id() {
        return id;
    }

    record Checkpoint(Instant newest, Set<String> idsAtNewest) {
        static Checkpoint parse(String value) {
            String[] parts = value.split("\n");
            return new Checkpoint(
                    Instant.parse(parts[0]), new HashSet<>(Arrays.asList(parts).subList(1, parts.length)));
        }

        String format() {
            return newest + (idsAtNewest.isEmpty() ? "" : "\n" + String.join("\n", idsAtNewest));
        }

        boolean covers(Instant published, String nativeId) {
            return published.isBefore(newest) || (published.equals(newest) && idsAtNewest.contains(nativeId));
        }
    }

    @Override
    public void poll() {
        Optional<Checkpoint> checkpoint = checkpoints.load(id).map(Checkpoint::parse);
        SyndFeed feed = fetch();
        List<SyndEntry> fresh = new ArrayList<>();
        for (SyndEntry entry : feed.getEntries()) {
            Instant published = FeedEntries.published(entry);
            String nativeId = FeedEntries.nativeId(entry);
            if (published == null || nativeId == null) {
                continue; // cannot be placed before or after the checkpoint; the intake would reject it anyway
            }
            if (checkpoint.isEmpty() || !checkpoint.get().covers(published, nativeId)) {
                fresh.add(entry);
            }
        }
        if (fresh.isEmpty()) {
            return;
        }
        fresh.sort(Comparator.comparing(FeedEntries::published));
        List<Submitted> items =
                fresh.stream().map(e -> FeedEntries.read(feed, e)).toList();
        intake.submit(tenant, "rss", items); // throws when not acknowledged: then nothing is checkpointed
        Instant newest = FeedEntries.published(fresh.get(fresh.size() - 1));
        Set<String> ids = new HashSet<>();
        fresh.stream()
                .filter(e -> FeedEntries.published(e).equals(newest))
                .forEach(e -> ids.add(FeedEntries.nativeId(e)));
        if (checkpoint.isPresent() && checkpoint.get().newest().equals(newest)) {
            ids.addAll(checkpoint.get().idsAtNewest());
        }
        checkpoints.save(id, new Checkpoint(newest, ids).format());
    }

    private SyndFeed fetch() {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9")
                .GET()
                .build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("feed " + id + " answered " + response.statusCode());
                }
                return new SyndFeedInput().build(new XmlReader(body));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read feed " + id, e);
        } catch (FeedException e) {
            throw new IllegalStateException("feed " + id + " is not RSS or Atom", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
