package io.newsflow.common.metrics;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.producer.ProducerRecord;

import io.newsflow.common.runtime.Headers;

/**
 * The reason class of a dead letter, a label of few values: the code a typed rejection puts before its message
 * ({@code TOO_LARGE: the page is …} gives {@code TOO_LARGE}), else the simple name of the exception's class.
 */
public final class DeadLetterReason {

    private static final Pattern CODE = Pattern.compile("([A-Z][A-Z0-9_]{1,39}):\\s.*", Pattern.DOTALL);

    private DeadLetterReason() {
    }

    /** The reason class of a dead letter the runtime wrote (its {@code newsflow.error.*} headers). */
    public static String of(ProducerRecord<byte[], byte[]> deadLetter) {
        return of(Headers.text(deadLetter.headers(), Headers.ERROR_CLASS),
                Headers.text(deadLetter.headers(), Headers.ERROR_MESSAGE));
    }

    /** The reason class from an exception's class name and message (either may be null). */
    public static String of(String errorClass, String message) {
        if (message != null) {
            Matcher code = CODE.matcher(message);
            if (code.matches()) {
                return code.group(1);
            }
        }
        if (errorClass == null || errorClass.isBlank()) {
            return "unknown";
        }
        String simple = errorClass.substring(errorClass.lastIndexOf('.') + 1);
        return simple.substring(simple.lastIndexOf('$') + 1);
    }
}
