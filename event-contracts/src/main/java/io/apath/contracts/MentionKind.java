package io.apath.contracts;

/** What kind of public act a mention is. FOLLOW carries no text: the author followed the brand's account. */
public enum MentionKind {
    POST,
    REPLY,
    REPOST,
    QUOTE,
    FOLLOW,
    REVIEW
}
