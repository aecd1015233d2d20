package org.animfr.animabot.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PublicLinksTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://animabot.example.org", "https://animabot.example.org/",
            "  https://animabot.example.org//  "})
    void theAddressIsTakenWithOrWithoutItsTrailingSlash(String url) {
        PublicLinks links = PublicLinks.at(url);

        assertThat(links.page()).contains("https://animabot.example.org/");
        assertThat(links.networkCalendar()).contains("https://animabot.example.org/sessions.ics");
    }

    @Test
    void anAddressUnderAPathKeepsIt() {
        assertThat(PublicLinks.at("http://example.org:8080/animabot/").networkCalendar())
                .contains("http://example.org:8080/animabot/sessions.ics");
    }

    @Test
    void aSessionIdIsEncodedInItsCalendarsAddress() {
        Session odd = new Session("cœur de loire", "Cœur de Loire", "", LocalDate.of(2026, 1, 5),
                LocalDate.of(2026, 3, 27), 80, null, List.of(), null, List.of(), List.of());

        assertThat(PublicLinks.at("https://a.example").sessionCalendar(odd))
                .contains("https://a.example/sessions/c%C5%93ur%20de%20loire.ics");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void noAddressMeansNoLinks(String url) {
        assertThat(PublicLinks.at(url)).isEqualTo(PublicLinks.NONE);
        assertThat(PublicLinks.NONE.page()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"animabot.example.org", "ftp://example.org", "javascript:alert(1)", "https://",
            "https://example.org/?x=1", "https://exa mple.org", "/sessions"})
    void anAddressPeopleCannotOpenIsRefusedWithTheExpectedShape(String url) {
        assertThatIllegalArgumentException().isThrownBy(() -> PublicLinks.at(url))
                .withMessageContaining("animabot.public-url").withMessageContaining("https://animabot.example.org");
    }
}
