package io.newsflow.enrich.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesFileTest {

    @TempDir
    Path dir;

    static void write(Path file, String content, int secondsLater) throws Exception {
        Files.writeString(file, content);
        // A different modification time even on file systems with coarse timestamps.
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(secondsLater)));
    }

    @Test
    void reloadsWhenTheFileChangesAndKeepsTheOldRulesWhenTheNewOnesAreBroken() throws Exception {
        Path file = dir.resolve("rules.yaml");
        write(file, "rules: [{id: one, when: {word: мир}}]", 0);
        RulesFile rules = RulesFile.load(file);
        assertEquals(1, rules.current().size());
        assertFalse(rules.refresh(), "unchanged");

        write(file, "rules: [{id: one, when: {word: мир}}, {id: two, when: {word: война}}]", 1);
        assertTrue(rules.refresh());
        assertEquals(2, rules.current().size());
        assertNull(rules.lastError());

        write(file, "rules: [{id: three, when: {entity: X, type: BOGUS}}]", 2);
        assertFalse(rules.refresh());
        assertEquals(2, rules.current().size(), "the previous rules stay in force");
        assertTrue(rules.lastError().contains("rule 'three' (#1), when.entity: unknown entity type 'BOGUS'"),
                rules.lastError());

        Files.delete(file);
        assertFalse(rules.refresh());
        assertEquals(2, rules.current().size());
        assertTrue(rules.lastError().contains("cannot read it"), rules.lastError());

        write(file, "rules: [{id: four, when: {word: мир}}]", 3);
        assertTrue(rules.refresh());
        assertEquals("four", rules.current().rules().get(0).id());
        assertNull(rules.lastError());
    }

    @Test
    void aBrokenFileAtStartUpIsRefusedWithTheReason() throws Exception {
        Path file = dir.resolve("broken.yaml");
        write(file, "rules:\n  - id: lavrov\n    when: {all: [{entity: Лавров}, {nott: {word: Женева}}]}\n", 0);
        RulesException e = assertThrows(RulesException.class, () -> RulesFile.load(file));
        assertTrue(e.getMessage().contains("rule 'lavrov' (#1), when.all[1]: unknown condition 'nott'"), e.getMessage());
        assertTrue(e.getMessage().contains("did you mean 'not'?"), e.getMessage());
        RulesException missing = assertThrows(RulesException.class, () -> RulesFile.load(dir.resolve("none.yaml")));
        assertTrue(missing.getMessage().contains("cannot read it"), missing.getMessage());
    }
}
