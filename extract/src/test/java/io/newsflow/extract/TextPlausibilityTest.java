package io.newsflow.extract;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.Charset;
import java.util.Random;

import org.junit.jupiter.api.Test;

class TextPlausibilityTest {

    @Test
    void proseInManyScriptsPasses() {
        assertNull(TextPlausibility.problem("Россия рассчитывает провести встречу межведомственных делегаций в ближайшее время."));
        assertNull(TextPlausibility.problem("Die Bundesregierung hat am Dienstag ein neues Gesetz beschlossen."));
        assertNull(TextPlausibility.problem("日本政府は火曜日、新しい経済対策を発表した。専門家は効果を疑問視している。"));
        assertNull(TextPlausibility.problem("รัฐบาลไทยประกาศมาตรการใหม่เพื่อกระตุ้นเศรษฐกิจในวันอังคาร"));
        assertNull(TextPlausibility.problem("EUR ЦБ: 98,91 (-0,65) USD ЦБ: 92,51 (-0,79) курс евро и доллара на 25 апреля"));
    }

    @Test
    void randomBytesUnderALegacyCharsetFail() {
        byte[] noise = new byte[20_000];
        Random random = new Random(1);
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (byte) (0x80 + random.nextInt(0x40));
        }
        assertNotNull(TextPlausibility.problem(new String(noise, Charset.forName("windows-1251"))));
        assertNotNull(TextPlausibility.problem(new String(noise, Charset.forName("UTF-8"))));
    }

    @Test
    void textWithoutWordBreaksFails() {
        assertNotNull(TextPlausibility.problem("x".repeat(5000)));
        assertNotNull(TextPlausibility.problem("12345 67890 ".repeat(100)));
    }
}
