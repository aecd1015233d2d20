package org.animfr.animabot.core.qa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.animfr.animabot.core.text.TextFold;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Time expressions on Monday 5 November 2012. */
class TimeExpressionsTest {
    private static final LocalDate MONDAY = LocalDate.of(2012, 11, 5);

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            il y a quoi aujourd'hui ?          | 2012-11-05 | 2012-11-05
            et demain ?                        | 2012-11-06 | 2012-11-06
            après-demain                       | 2012-11-07 | 2012-11-07
            the day after tomorrow             | 2012-11-07 | 2012-11-07
            ce week-end                        | 2012-11-10 | 2012-11-11
            this weekend                       | 2012-11-10 | 2012-11-11
            dans trois semaines                | 2012-11-26 | 2012-12-02
            il y a deux semaines               | 2012-10-22 | 2012-10-28
            two weeks ago                      | 2012-10-22 | 2012-10-28
            lundi prochain                     | 2012-11-12 | 2012-11-12
            next Monday                        | 2012-11-12 | 2012-11-12
            d'ici la fin du mois               | 2012-11-05 | 2012-11-30
            by the end of the month            | 2012-11-05 | 2012-11-30
            la semaine prochaine               | 2012-11-12 | 2012-11-18
            le 15 novembre                     | 2012-11-15 | 2012-11-15
            en octobre                         | 2012-10-01 | 2012-10-31
            en mars                            | 2013-03-01 | 2013-03-31
            à Noël                             | 2012-12-25 | 2012-12-25
            le samedi 1er décembre             | 2012-12-01 | 2012-12-01
            la semaine d'après la prochaine      | 2012-11-19 | 2012-11-25
            en octobre 2012                    | 2012-10-01 | 2012-10-31
            """)
    void anExpressionCoversTheDaysItSays(String typed, String from, String to) {
        TimeExpressions.Span span = TimeExpressions.find(" " + TextFold.fold(typed) + " ", MONDAY).orElseThrow();

        assertThat(span.from()).isEqualTo(from);
        assertThat(span.to()).isEqualTo(to);
    }
}
