package io.newsflow.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.Set;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import io.newsflow.testkit.RealPostgres;
import io.newsflow.testkit.TestDatabase;

/** The writer's tsvectors against PostgreSQL's own: the same lexemes and positions for plain words. */
@RealPostgres
class SearchTextTest {

    private static final Map<String, String> TEXTS = Map.of(
            "russian", "Министр иностранных дел России Сергей Лавров провёл переговоры в Берлине с коллегами и журналистами",
            "english", "The ministers were meeting in Berlin and the talks ran late into the night, officials said",
            "german", "Die Bundesregierung hat am Dienstag über die Verhältnisse der Länder beraten, sagte ein Sprecher",
            "french", "Les ministres se sont réunis à Paris pour discuter des élections européennes de cette année",
            "spanish", "El gobierno anunció nuevas medidas económicas para las familias durante la conferencia",
            "simple", "Ein Wort und noch ein Wort, ÄRGER und Ärger");

    @Test
    void plainWordsGiveTheServersOwnVector(TestDatabase db) throws Exception {
        try (HikariDataSource pool = new StoreSettings(db.jdbcUrl(), db.user(), null).pool("search-text", 2);
             Connection c = pool.getConnection();
             PreparedStatement same = c.prepareStatement("SELECT ?::tsvector::text, (setweight(to_tsvector(?::regconfig, ?), 'A') "
                     + "|| setweight(to_tsvector(?::regconfig, ?), 'B'))::text")) {
            SearchText text = SearchText.load(c);
            for (Map.Entry<String, String> e : TEXTS.entrySet()) {
                String title = e.getValue().substring(0, e.getValue().indexOf(' ', 20));
                same.setString(1, text.vector(e.getKey(), title, e.getValue()));
                same.setString(2, e.getKey());
                same.setString(3, title);
                same.setString(4, e.getKey());
                same.setString(5, e.getValue());
                try (ResultSet r = same.executeQuery()) {
                    r.next();
                    assertEquals(r.getString(2), r.getString(1), e.getKey());
                }
            }
        }
    }

    @Test
    void queriesFindWhatVectorsStoreAndStopWordsAreTheServers(TestDatabase db) throws Exception {
        try (HikariDataSource pool = new StoreSettings(db.jdbcUrl(), db.user(), null).pool("search-text", 2);
             Connection c = pool.getConnection();
             PreparedStatement match = c.prepareStatement("SELECT ?::tsvector @@ ?::tsquery")) {
            SearchText text = SearchText.load(c);
            String vector = text.vector("russian", "Лавров в Берлине", "Встреча Сергея Лаврова с коллегами year-old");
            for (String query : new String[] {"Лавров", "лаврова", "\"Сергея Лаврова\"", "Берлин or Париж", "year-old"}) {
                match.setString(1, vector);
                match.setString(2, text.query("russian", query));
                try (ResultSet r = match.executeQuery()) {
                    r.next();
                    assertTrue(r.getBoolean(1), query + " → " + text.query("russian", query));
                }
            }
            for (String query : new String[] {"Париж", "Лавров -Берлин", "\"Лаврова Сергея\""}) {
                match.setString(1, vector);
                match.setString(2, text.query("russian", query));
                try (ResultSet r = match.executeQuery()) {
                    r.next();
                    assertFalse(r.getBoolean(1), query + " → " + text.query("russian", query));
                }
            }
            assertEquals("", text.query("english", "the of and"));
            // Lucene's Snowball list has «человек»; PostgreSQL's Russian dictionary indexes it, so it is no stop word.
            assertEquals("'человек'", text.query("russian", "человек"));
            assertEquals(Set.of(), Set.copyOf(SearchText.snowballStopList("tamil")));
        }
    }
}
