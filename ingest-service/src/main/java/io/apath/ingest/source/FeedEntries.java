package io.apath.ingest.source;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import io.apath.contracts.Author;
import io.apath.contracts.MentionKind;
import io.apath.ingest.domain.MentionSubmission;
import io.apath.ingest.domain.Submitted;
import java.net.URI;
import java.time.Instant;
import java.util.Date;

/**
 * Maps RSS/Atom entries (as Rome reads them) to mentions on platform {@code rss}: the entry's URI/guid is the native
 * id, its author (or, for feeds without authors, the feed's host) the author, title and summary the text.
 */
public final class FeedEntries {

    public static final String PLATFORM = "rss";

    private FeedEntries() {}

    public static String nativeId(SyndEntry entry) {
        return entry.getUri() != null && !entry.getUri().isBlank() ? entry.getUri() : entry.getLink();
    }

    public static Instant published(SyndEntry entry) {
        Date date = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
        return date == null ? null : date.toInstant();
    }

    public static Submitted read(SyndFeed feed, SyndEntry entry) {
        String author = entry.getAuthor() != null && !entry.getAuthor().isBlank()
                ? entry.getAuthor().strip()
                : null;
        if (author == null) {
            author = host(feed.getLink());
        }
        String title = entry.getTitle() == null ? "" : entry.getTitle().strip();
        SyndContent description = entry.getDescription();
        if (description == null && !entry.getContents().isEmpty()) {
            description = entry.getContents().get(0);
        }
        String summary = description == null ? "" : HtmlText.of(description.getValue());
        String text = (title + (summary.isEmpty() ? "" : "\n" + summary)).strip();
        return Submitted.of(new MentionSubmission(
                null,
                PLATFORM,
                nativeId(entry),
                MentionKind.POST,
                author == null ? null : new Author(author, author, author, null),
                text,
                feed.getLanguage(),
                entry.getLink(),
                null,
                published(entry)));
    }

    private static String host(String link) {
        try {
            return link == null ? null : URI.create(link).getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
