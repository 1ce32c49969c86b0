package io.newsflow.enrich.alerts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A rules file kept in force while it changes: {@link #load} reads it at start-up and refuses a broken file;
 * {@link #refresh}, called at batch boundaries, reloads it when it changed (modification time or size, and its
 * contents at least every {@value #RECHECK_SECONDS} s in case an edit kept both). A broken file at reload keeps the
 * previous rules in force and logs an error naming the rule and the problem, once per broken version.
 *
 * <p>{@link #current} may be read from any thread; {@link #refresh} is meant for one thread (the stage's).
 */
public final class RulesFile {

    private static final Logger log = LoggerFactory.getLogger(RulesFile.class);
    static final long RECHECK_SECONDS = 2;

    private final Path path;
    private final Lemmatizer lemmatizer;
    private volatile RuleSet current;
    private volatile String lastError;
    private long modified;
    private long size;
    private byte[] digest;
    private long checkedAt;

    private RulesFile(Path path, Lemmatizer lemmatizer) {
        this.path = path;
        this.lemmatizer = lemmatizer;
    }

    /** Reads and checks the file; a file that cannot be used throws {@link RulesException} with the reasons. */
    public static RulesFile load(Path path) {
        return load(path, Lemmatizer.standard());
    }

    public static RulesFile load(Path path, Lemmatizer lemmatizer) {
        RulesFile file = new RulesFile(path, lemmatizer);
        byte[] content = file.read();
        if (content == null) {
            throw new RulesException("rules file " + path, List.of("cannot read it: " + file.lastError));
        }
        file.current = new RuleSet(RulesParser.parseRules(content, path.toString()), lemmatizer);
        file.digest = sha256(content);
        file.lastError = null;
        log.info("rules file {}: {}", path, file.current);
        return file;
    }

    public Path path() {
        return path;
    }

    /** The rules in force. */
    public RuleSet current() {
        return current;
    }

    /** The problem of the latest version of the file when it could not be used (the old rules stay), else null. */
    public String lastError() {
        return lastError;
    }

    /** Reloads the file when it changed; true when new rules are now in force. */
    public boolean refresh() {
        long now = System.nanoTime();
        long mtime;
        long length;
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            mtime = attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS);
            length = attributes.size();
        } catch (IOException e) {
            fail("cannot read it: " + e, null);
            return false;
        }
        boolean statChanged = mtime != modified || length != size;
        if (!statChanged && now - checkedAt < TimeUnit.SECONDS.toNanos(RECHECK_SECONDS)) {
            return false;
        }
        byte[] content = read();
        checkedAt = now;
        modified = mtime;
        size = length;
        if (content == null) {
            return false;
        }
        byte[] hash = sha256(content);
        if (Arrays.equals(hash, digest)) {
            return false;
        }
        digest = hash;
        try {
            RuleSet rules = new RuleSet(RulesParser.parseRules(content, path.toString()), lemmatizer);
            current = rules;
            lastError = null;
            log.info("rules file {} reloaded: {}", path, rules);
            return true;
        } catch (RulesException e) {
            fail(e.getMessage(), hash);
            return false;
        }
    }

    private byte[] read() {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            modified = attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS);
            size = attributes.size();
            return Files.readAllBytes(path);
        } catch (IOException e) {
            fail("cannot read it: " + e, null);
            return null;
        }
    }

    private void fail(String message, byte[] hash) {
        if (current == null) {
            // At start-up: load() throws with the reason instead.
            lastError = message;
            return;
        }
        String error = message.startsWith("rules file ") ? message : "rules file " + path + ": " + message;
        if (!error.equals(lastError)) {
            log.error("{}; the previous rules ({}) stay in force", error, current == null ? "none" : current);
        }
        lastError = error;
    }

    private static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
