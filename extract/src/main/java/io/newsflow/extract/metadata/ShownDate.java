package io.newsflow.extract.metadata;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The published date as the page shows it to its readers. A declared {@code datePublished} that the visible text
 * never writes is often a CMS's time-stamp of another event (the post's creation, an import, a move to a new site),
 * while the story's dateline shows the day it was published or last updated; both gold sets take the day shown.
 */
final class ShownDate {

    /** How far from the declared day a day written after the headline may lie and still be its dateline. */
    static final int WINDOW_DAYS = 14;

    /**
     * The lengths of head read in turn before the whole head: half of the pages that write the declared day write it
     * within their first 1,000 characters, three in four within 2,000.
     */
    private static final int[] PREFIX_STEPS = {2_000, 6_000};

    private ShownDate() {
    }

    /**
     * {@code published} kept when the text shows its day; else the declared {@code modified} when the text shows
     * that day; else, when the text shows neither, the first date written after the headline when it lies within
     * {@code windowDays} of the declared day. A live blog's dates are its entries', and it is left as declared.
     */
    static String published(String published, String modified, TextHead head, boolean liveBlog, int windowDays) {
        LocalDate declared = day(published);
        if (declared == null || liveBlog || head.prefix(1).isEmpty()) {
            return published;
        }
        // Most pages write the declared day near the top: read and scan the head in growing steps, and the whole of it
        // (below) only when no step shows the day.
        for (int chars : PREFIX_STEPS) {
            String prefix = head.prefix(chars);
            if (head.complete()) {
                break;
            }
            if (Dates.prefixWrites(prefix, declared)) {
                return published;
            }
        }
        // Most pages write the declared day in full: the day-month forms without a year are read only when not.
        Dates.Marks marks = Dates.marks(head.text());
        List<Dates.Written> written = Dates.allWritten(head.text(), marks);
        Set<LocalDate> days = new HashSet<>();
        for (Dates.Written w : written) {
            days.add(w.day());
        }
        if (days.contains(declared)) {
            return published;
        }
        Set<MonthDay> monthDays = Dates.monthDaysWritten(head.text(), marks);
        if (shows(days, monthDays, declared)) {
            return published;
        }
        LocalDate changed = day(modified);
        if (changed != null && shows(days, monthDays, changed)) {
            return modified;
        }
        if (head.afterHeadline() < 0) {
            return published;
        }
        // Only the first date after the headline: one further down is a related story's, a photo caption's or a
        // comment's, and a near day among many (a gallery's captions) is there by chance.
        for (Dates.Written w : written) {
            if (w.start() >= head.afterHeadline()) {
                return Math.abs(ChronoUnit.DAYS.between(declared, w.day())) <= windowDays ? w.value() : published;
            }
        }
        return published;
    }

    /** A day is shown when the text writes it, or writes its day and month without a year. */
    private static boolean shows(Set<LocalDate> days, Set<MonthDay> monthDays, LocalDate day) {
        return days.contains(day) || monthDays.contains(MonthDay.from(day));
    }

    /** The day of an ISO-8601 date or date-time, as written (its own offset's day); null when it is none. */
    static LocalDate day(String iso) {
        if (iso == null || iso.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(iso.substring(0, 10));
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
