package io.newsflow.common.model;

/** The kinds of named entity Newsflow recognises. */
public enum EntityType {
    /** A person. */
    PER,
    /** An organisation. */
    ORG,
    /** A place: country, region, city, geographic feature. */
    LOC
}
