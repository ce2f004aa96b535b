package io.apath.contracts;

/** What the author wants or expresses toward the brand; meanings as in the labelling guideline. */
public enum Intent {
    COMPLAINT,
    SUPPORT_REQUEST,
    PRAISE,
    PURCHASE_INTENT,
    DEAL_SEEKING,
    RECOMMENDATION,
    CHURN_RISK,
    INFORMATIONAL,
    IRRELEVANT
}
