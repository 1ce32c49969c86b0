package io.newsflow.common.model;

/** A detected language: an ISO 639-1 code (or "und") and a confidence in [0, 1]. */
public record LanguageGuess(String code, double confidence) {

    public static final LanguageGuess UNDETERMINED = new LanguageGuess("und", 0.0);
}
