package io.apath.contracts;

/** TRANSACTIONAL customers mostly seek deals; they are recognised as such rather than pushed up the funnel. */
public enum RelationshipStyle {
    RELATIONAL,
    TRANSACTIONAL
}
