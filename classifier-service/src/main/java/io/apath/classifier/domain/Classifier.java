package io.apath.classifier.domain;

import io.apath.contracts.ClassifiedMention;
import io.apath.contracts.Mention;

/** Decides what a mention's author wants from the brand and how they feel about it. */
public interface Classifier {

    ClassifiedMention classify(Mention mention);
}
