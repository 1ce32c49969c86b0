package io.newsflow.common.runtime;

import java.util.List;

/**
 * What a stage does with one input record: the records to produce for it.
 *
 * <p>A processor is the stage's pure transform plus encoding. Throwing sends the input record to the stage's
 * dead-letter topic with the exception's class and message; the stage keeps running.
 */
@FunctionalInterface
public interface RecordProcessor {

    List<OutputRecord> process(InputRecord input) throws Exception;
}
