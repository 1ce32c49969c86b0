package io.newsflow.enrich.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.newsflow.common.model.EntityType;

/** Every surname type in all six cases (nominative, genitive, dative, accusative, instrumental, prepositional). */
class InflectionTest {

    private static final NameNormalizer NORMALIZER = new NameNormalizer(Morphology.russian());

    static Stream<Arguments> tables() {
        return Stream.of(
                // -ов
                row(EntityType.PER, "Сергей Лавров", "Сергея Лаврова", "Сергею Лаврову", "Сергея Лаврова",
                        "Сергеем Лавровым", "Сергее Лаврове"),
                // -ев
                row(EntityType.PER, "Дмитрий Медведев", "Дмитрия Медведева", "Дмитрию Медведеву", "Дмитрия Медведева",
                        "Дмитрием Медведевым", "Дмитрии Медведеве"),
                // -ин
                row(EntityType.PER, "Владимир Путин", "Владимира Путина", "Владимиру Путину", "Владимира Путина",
                        "Владимиром Путиным", "Владимире Путине"),
                // -ский
                row(EntityType.PER, "Василий Жуковский", "Василия Жуковского", "Василию Жуковскому",
                        "Василия Жуковского", "Василием Жуковским", "Василии Жуковском"),
                // feminine -ова
                row(EntityType.PER, "Мария Захарова", "Марии Захаровой", "Марии Захаровой", "Марию Захарову",
                        "Марией Захаровой", "Марии Захаровой"),
                // foreign consonant stems the dictionary lacks, after a first name it knows
                row(EntityType.PER, "Джон Салливан", "Джона Салливана", "Джону Салливану", "Джона Салливана",
                        "Джоном Салливаном", "Джоне Салливане"),
                // ... and after an indeclinable first name
                row(EntityType.PER, "Энтони Блинкен", "Энтони Блинкена", "Энтони Блинкену", "Энтони Блинкена",
                        "Энтони Блинкеном", "Энтони Блинкене"),
                // indeclinable
                row(EntityType.PER, "Сергей Шойгу", "Сергея Шойгу", "Сергею Шойгу", "Сергея Шойгу", "Сергеем Шойгу",
                        "Сергее Шойгу"),
                row(EntityType.PER, "Беназир Бхутто", "Беназир Бхутто", "Беназир Бхутто", "Беназир Бхутто",
                        "Беназир Бхутто", "Беназир Бхутто"),
                // a surname alone
                row(EntityType.PER, "Лавров", "Лаврова", "Лаврову", "Лаврова", "Лавровым", "Лаврове"),
                // places and organisations: adjective agrees with the head noun
                row(EntityType.LOC, "Российская Федерация", "Российской Федерации", "Российской Федерации",
                        "Российскую Федерацию", "Российской Федерацией", "Российской Федерации"),
                row(EntityType.ORG, "Государственная дума", "Государственной думы", "Государственной думе",
                        "Государственную думу", "Государственной думой", "Государственной думе"),
                row(EntityType.ORG, "Госдепартамент США", "Госдепартамента США", "Госдепартаменту США",
                        "Госдепартамент США", "Госдепартаментом США", "Госдепартаменте США"));
    }

    private static Arguments row(EntityType type, String... forms) {
        return Arguments.of(type, forms);
    }

    @ParameterizedTest
    @MethodSource("tables")
    void allCasesGiveOneCanonicalName(EntityType type, String[] forms) {
        for (String form : forms) {
            assertEquals(forms[0], NORMALIZER.canonical(form, type, Set.of()), "canonical name of «" + form + "»");
        }
    }
}
