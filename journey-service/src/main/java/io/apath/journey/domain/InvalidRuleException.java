package io.apath.journey.domain;

/** A rule that does not compile, is unknown or does not yield a boolean; the message names the rule and the error. */
public class InvalidRuleException extends RuntimeException {

    private final String ruleName;

    public InvalidRuleException(String ruleName, String message) {
        super(message);
        this.ruleName = ruleName;
    }

    public String ruleName() {
        return ruleName;
    }
}
