package io.newsflow.enrich.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The Russian organisation-name grammar, on labels the tagger left empty and through the whole recogniser. */
class RussianOrgNamesTest {

    /** The organisations the grammar alone finds, starting from no labels at all. */
    private static List<String> grammar(String text) {
        List<Tokenizer.Token> tokens = Tokenizer.tokenize(text);
        int[] labels = new int[tokens.size()];
        RussianOrgNames.apply(text, tokens, labels, Morphology.russian(), Gazetteer.get());
        List<String> out = new ArrayList<>();
        for (EntityRecognizer.Span s : EntityRecognizer.spans(tokens, labels)) {
            out.add(text.substring(s.start(), s.end()));
        }
        return out;
    }

    @Test
    void quotedNamesAfterADescriptorAndTheNamesListedAfterThem() {
        assertEquals(List.of("Зелёный патруль", "Открытые города", "Городская инициатива"),
                grammar("В пикете участвовали движение «Зелёный патруль», фонд «Открытые города», «Городская "
                        + "инициатива» и несколько жителей района."));
        assertEquals(List.of("Северная правда"), grammar("Об этом пишет газета «Северная правда»."));
        assertEquals(List.of("Кристалл"), grammar("Выставку открыл центр современного искусства «Кристалл»."));
        assertEquals(List.of("Восток-Медиа", "Уралсталь"),
                grammar("Как передаёт ИА «Восток-Медиа», акции ОАО «Уралсталь» подешевели."));
    }

    @Test
    void quotesThatNameAnArticleOrAWorkAreNotOrganisations() {
        assertEquals(List.of(), grammar("Подробности читайте в статье Частного корреспондента «Лето без дождей»"));
        assertEquals(List.of(), grammar("Режиссёр показал фильм «Долгая дорога домой» на фестивале."));
    }

    @Test
    void officialNamesRunThroughTheirGenitiveAndLinkedPhrases() {
        assertEquals(List.of("Министерство внутренних дел"),
                grammar("Вчера в Министерство внутренних дел поступило обращение жителей."));
        assertEquals(List.of("Совета при Правительстве РФ по развитию малого бизнеса"),
                grammar("Заседание Совета при Правительстве РФ по развитию малого бизнеса прошло в среду."));
        assertEquals(List.of("Комитета по иностранным делам"),
                grammar("Он возглавляет работу Комитета по иностранным делам уже третий год."));
        assertEquals(List.of("Института истории и археологии"),
                grammar("Выступил директор Института истории и археологии профессор Смирнов."));
        assertEquals(List.of("Театр им. Фёдора Волкова"),
                grammar("Вечером Театр им. Фёдора Волкова открыл сезон."));
    }

    @Test
    void anAdjectiveCoreDoesNotSwallowTheNextNounPhrase() {
        // «Верховного суда» + «страны»: after an adjective and a head, a bare genitive noun belongs to the sentence
        assertEquals(List.of("Верховного суда"), grammar("Решение Верховного суда страны вступило в силу."));
    }

    @Test
    void sentenceStartsNeedALongerNameAndTitlesAreNotOrganisations() {
        assertEquals(List.of("Федеральная налоговая служба"),
                grammar("Федеральная налоговая служба проверила компанию."));
        assertEquals(List.of(), grammar("Российская полиция задержала двоих."));
        assertEquals(List.of(), grammar("Вчера Министр связи выступил с докладом."));
    }

    @Test
    void aOneWordNameHoldsThroughoutTheText() {
        List<String> found = grammar("Вчера компания «Телесвязьком» объявила о сделке. Акции Телесвязькома выросли, "
                + "а Телесвязьком нанял новых сотрудников.");
        assertEquals(List.of("Телесвязьком", "Телесвязькома", "Телесвязьком"), found);
    }

    @Test
    void theRecogniserKeepsItsPeopleAndPlacesAroundTheNames() {
        List<String> m = RecognisedMentions.of("Как сообщил представитель Следственного комитета при прокуратуре Иван "
                + "Петров, движение «Зелёный патруль» провело акцию в Москве.");
        assertTrue(m.contains("ORG Следственного комитета при прокуратуре"), m.toString());
        assertTrue(m.contains("PER Иван Петров"), m.toString());
        assertTrue(m.contains("ORG Зелёный патруль"), m.toString());
        assertTrue(m.contains("LOC Москве"), m.toString());
    }

    @Test
    void aPlaceAfterAnOrganisationWordIsAPlaceButNotInsideAName() {
        List<Tokenizer.Token> tokens = Tokenizer.tokenize("Депутаты Госдумы России и журналисты Голоса Америки");
        // as the tagger might label them: ORG over «Госдумы России» and over «Голоса Америки»
        int[] labels = {0, 5, 6, 0, 0, 5, 6};
        RussianOrgNames.apply("Депутаты Госдумы России и журналисты Голоса Америки", tokens, labels,
                Morphology.russian(), Gazetteer.get());
        assertEquals(List.of(0, 5, 3, 0, 0, 5, 6), java.util.Arrays.stream(labels).boxed().toList());
    }

    @Test
    void aQuotedNameListedAfterAnOrganisationIsOne() {
        String text = "Тарифы снизили МТС, «Телесвязь» и «Полюс-Мобайл».";
        List<Tokenizer.Token> tokens = Tokenizer.tokenize(text);
        int[] labels = new int[tokens.size()];
        labels[2] = RussianOrgNames.B_ORG;  // the tagger found МТС
        RussianOrgNames.apply(text, tokens, labels, Morphology.russian(), Gazetteer.get());
        List<String> found = new ArrayList<>();
        for (EntityRecognizer.Span s : EntityRecognizer.spans(tokens, labels)) {
            found.add(text.substring(s.start(), s.end()));
        }
        assertEquals(List.of("МТС", "Телесвязь", "Полюс-Мобайл"), found);
    }

    /** The grammar over labels as the tagger might have set them, one label per token. */
    private static List<String> overLabels(String text, int... tagger) {
        List<Tokenizer.Token> tokens = Tokenizer.tokenize(text);
        int[] labels = java.util.Arrays.copyOf(tagger, tokens.size());
        RussianOrgNames.apply(text, tokens, labels, Morphology.russian(), Gazetteer.get());
        List<String> out = new ArrayList<>();
        for (EntityRecognizer.Span s : EntityRecognizer.spans(tokens, labels)) {
            out.add(s.type() + " " + text.substring(s.start(), s.end()));
        }
        return out;
    }

    @Test
    void eventsAndAwardsAreNotOrganisations() {
        // Он получил Нобелевскую премию ; в турнире Corus Chess Tournament ; Оргкомитет фестиваля
        assertEquals(List.of(), overLabels("Он получил Нобелевскую премию.", 0, 0, 5, 6, 0));
        assertEquals(List.of(), overLabels("Он выиграл Corus Chess Tournament.", 0, 0, 5, 6, 6, 0));
        assertEquals(List.of("ORG Оргкомитет фестиваля"), overLabels("Оргкомитет фестиваля сообщил.", 5, 6, 0, 0));
        assertEquals(List.of("ORG Chess Federation"), overLabels("Об этом сообщила Chess Federation.", 0, 0, 0, 5, 6));
    }

    @Test
    void aBareDomainNameIsTheOutletButOneInsideAnAddressIsNot() {
        assertEquals(List.of("baltinfo.ru"), grammar("Об этом сообщает baltinfo.ru со ссылкой на мэрию."));
        assertEquals(List.of("Gzt.Ru"), grammar("Как пишет «Gzt.Ru», сделка сорвалась."));
        assertEquals(List.of(), grammar("Текст выложен на http://baltinfo.ru/news/1 и на почте info@baltinfo.ru."));
    }

    @Test
    void aRegionalBranchIsOneOrganisationButATopicAfterПоIsNot() {
        String branch = "Пресс-служба ГУ МЧС России по Санкт-Петербургу сообщила о пожаре.";
        int mchs = 2;
        int[] tagged = new int[Tokenizer.tokenize(branch).size()];
        tagged[mchs] = RussianOrgNames.B_ORG;
        tagged[mchs + 1] = 3;
        tagged[mchs + 3] = 3;
        assertEquals("МЧС", Tokenizer.tokenize(branch).get(mchs).text());
        assertEquals(List.of("ORG ГУ МЧС России по Санкт-Петербургу"), overLabels(branch, tagged));
        assertEquals(List.of("ORG МИД", "LOC Сирии"),
                overLabels("Заявление МИД по Сирии опубликовано.", 0, 5, 0, 3, 0, 0));
    }

    @Test
    void aQuotedNameAReportComesFromIsAnOrganisation() {
        assertEquals(List.of("Вечерний курьер"), grammar("Об этом сообщает «Вечерний курьер» со ссылкой на мэрию."));
        assertEquals(List.of("Северной звезде"), grammar("Он рассказал в интервью «Северной звезде» о планах."));
        // a quote after another verb is no source
        assertEquals(List.of(), grammar("Он назвал «Северной звездой» свой новый проект."));
    }

    @Test
    void aQuotedNameOfAMadeThingOrAWorkIsNoOrganisation() {
        // Корабль « Восход-5 » стартовал . После полёта « Восхода-5 » … ; компания « Восход » stays
        assertEquals(List.of(), overLabels("Корабль «Заря» стартовал. После полёта «Зари» экипаж отдыхал.",
                0, 0, 5, 0, 0, 0, 0, 0, 5, 0, 0, 0, 0));
        assertEquals(List.of("ORG Заря"), overLabels("Компания «Заря» открыла завод.", 0, 0, 5, 0, 0, 0, 0));
        assertEquals(List.of(), overLabels("Вышел альбом «Тихий берег».", 0, 0, 0, 5, 6, 0, 0));
    }

    @Test
    void aLatinNameAfterAWordForACompanyIsOne() {
        assertEquals(List.of("QuantaSoft", "NetLine"), grammar("Основатель QuantaSoft продал акции NetLine."));
        assertEquals(List.of("Blue Harbor"), grammar("Сделку одобрило руководство Blue Harbor в пятницу."));
        // a product after another word stays untagged
        assertEquals(List.of(), grammar("Игра работает на платформе Linux."));
    }
}
