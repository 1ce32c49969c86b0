package io.newsflow.extract.charset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class PageDecoderTest {

    private static final String RUSSIAN = "<html><body><p>Россия рассчитывает провести встречу межведомственных "
            + "делегаций на уровне глав МИД России и Госдепартамента США в ближайшее время.</p></body></html>";

    private static byte[] bytes(String s, String charset) {
        return s.getBytes(Charset.forName(charset));
    }

    @Test
    void byteOrderMarkWinsOverEverything() {
        byte[] body = ("<meta charset=windows-1251>" + RUSSIAN).getBytes(StandardCharsets.UTF_8);
        byte[] page = new byte[body.length + 3];
        page[0] = (byte) 0xEF;
        page[1] = (byte) 0xBB;
        page[2] = (byte) 0xBF;
        System.arraycopy(body, 0, page, 3, body.length);
        DecodedPage d = PageDecoder.decode(page, "text/html; charset=koi8-r");
        assertEquals(DecodedPage.Source.BOM, d.source());
        assertEquals("<meta charset=windows-1251>" + RUSSIAN, d.text());
    }

    @Test
    void httpContentTypeIsUsedWhenTheBytesAgree() {
        DecodedPage d = PageDecoder.decode(bytes(RUSSIAN, "KOI8-R"), "text/html; charset=KOI8-R");
        assertEquals(DecodedPage.Source.HTTP, d.source());
        assertEquals(RUSSIAN, d.text());
    }

    @Test
    void metaCharsetIsUsed() {
        String html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">"
                + RUSSIAN;
        DecodedPage d = PageDecoder.decode(bytes(html, "windows-1251"), "text/html");
        assertEquals(DecodedPage.Source.META, d.source());
        assertEquals(html, d.text());
    }

    @Test
    void undeclaredWindows1251AndKoi8AreDetected() {
        assertEquals(RUSSIAN, PageDecoder.decode(bytes(RUSSIAN, "windows-1251"), null).text());
        assertEquals(RUSSIAN, PageDecoder.decode(bytes(RUSSIAN, "KOI8-R"), "text/html").text());
        assertEquals("KOI8-R", PageDecoder.decode(bytes(RUSSIAN, "KOI8-R"), null).charset().name());
    }

    @Test
    void aWrongDeclarationLosesToTheBytes() {
        // Declares UTF-8, is windows-1251.
        String html = "<meta charset=\"utf-8\">" + RUSSIAN;
        assertEquals(html, PageDecoder.decode(bytes(html, "windows-1251"), "text/html; charset=utf-8").text());
        // Declares windows-1251 and GB2312, is UTF-8.
        assertEquals(html, PageDecoder.decode(bytes(html, "UTF-8"), "text/html; charset=windows-1251").text());
        String gb = "<meta http-equiv=content-type content=\"text/html;charset=GB2312\"><p>新华社北京4月24日电</p>";
        assertEquals(gb, PageDecoder.decode(bytes(gb, "UTF-8"), null).text());
    }

    @Test
    void westernLegacyTextIsWindows1252() {
        String html = "<p>Les vendanges commencent à Mâcon, déjà très tôt cette année.</p>";
        assertEquals(html, PageDecoder.decode(bytes(html, "windows-1252"), null).text());
        assertEquals(html, PageDecoder.decode(bytes(html, "ISO-8859-1"), "text/html; charset=iso-8859-1").text());
    }

    @Test
    void realGb2312IsDecoded() {
        String html = "<meta charset=gb2312><p>促进航天技术更好惠及人民</p>";
        assertEquals(html, PageDecoder.decode(bytes(html, "GB2312"), null).text());
    }

    @Test
    void unknownCharsetNamesFallBackToDetection() {
        assertEquals(RUSSIAN, PageDecoder.decode(bytes(RUSSIAN, "UTF-8"), "text/html; charset=x-unheard-of").text());
    }

    @Test
    void replacementCharactersThePageContainsAreNotInvalidBytes() {
        // a UTF-8 page with few accented letters and many U+FFFD of its own (as minified CSS and mangled text carry)
        StringBuilder css = new StringBuilder("<style>");
        for (int i = 0; i < 40; i++) {
            css.append(".z-\\[\uFFFD").append(i).append("\uFFFD]{top:0}");
        }
        String page = "<html><head><meta charset=\"utf-8\">" + css + "</style></head><body><p>Iran zrezygnował z "
                + "drugiej rundy rozmów z USA. Powodem „wygórowane żądania Waszyngtonu”.</p></body></html>";
        DecodedPage d = PageDecoder.decode(page.getBytes(StandardCharsets.UTF_8), null);
        assertEquals(StandardCharsets.UTF_8, d.charset());
        assertEquals(page, d.text());
    }
}
