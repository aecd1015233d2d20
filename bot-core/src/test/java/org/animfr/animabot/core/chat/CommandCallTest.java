package org.animfr.animabot.core.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** A command by language-neutral names, and the short id a button carries it as. */
class CommandCallTest {

    @Test
    void aValueWithSpacesSignsAccentsAndPercentSurvivesTheRoundTripThroughAnId() {
        CommandCall call = new CommandCall("session", Map.of("session", "Cœur de Loire & co=1 %"));

        String id = call.toId();

        assertThat(id).doesNotContain("Cœur", "&", " co=1").startsWith("session session=");
        assertThat(CommandCall.fromId(id)).contains(call);
    }

    @Test
    void severalArgumentsComeBackInTheirOrder() {
        Map<String, String> arguments = new LinkedHashMap<>();
        arguments.put("week", "3");
        arguments.put("session", "animacoop-7");
        CommandCall call = new CommandCall("week", arguments);

        assertThat(call.toId()).isEqualTo("week week=3 session=animacoop-7");
        assertThat(CommandCall.fromId(call.toId())).hasValueSatisfying(
                back -> assertThat(back.arguments()).containsExactly(Map.entry("week", "3"),
                        Map.entry("session", "animacoop-7")));
    }

    @Test
    void aCallWithoutArgumentsIsJustItsKey() {
        assertThat(new CommandCall("help").toId()).isEqualTo("help");
        assertThat(CommandCall.fromId("help")).contains(new CommandCall("help"));
    }

    @Test
    void anEmptyValueSurvivesTheRoundTrip() {
        CommandCall call = new CommandCall("gatherings", Map.of("session", ""));

        assertThat(CommandCall.fromId(call.toId())).contains(call);
    }

    @Test
    void aLegacyIdWhoseArgumentHasNoEqualsSignIsNotACall() {
        assertThat(CommandCall.fromId("regroupements animacoop-7")).isEmpty();
    }

    @Test
    void anIdWithAnUpperCaseKeyIsNotACall() {
        assertThat(CommandCall.fromId("Bad Key")).isEmpty();
        assertThat(CommandCall.fromId("gatherings Session=animacoop-7")).isEmpty();
    }

    @Test
    void anIdWithABrokenPercentEscapeIsNotACall() {
        assertThat(CommandCall.fromId("gatherings session=%zz")).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void aBlankIdIsNotACall(String id) {
        assertThat(CommandCall.fromId(id)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Gatherings", "ADMIN-LINK", "", " ", "-week", "admin link"})
    void aCommandKeyMustBeLowerCaseLettersDigitsAndDashes(String key) {
        assertThatThrownBy(() -> new CommandCall(key)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNullCommandKeyIsRefused() {
        assertThatThrownBy(() -> new CommandCall(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aParameterKeyMustBeLowerCase() {
        assertThatThrownBy(() -> new CommandCall("gatherings", Map.of("Session", "animacoop-7")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theArgumentsCannotBeChangedAfterwards() {
        Map<String, String> arguments = new LinkedHashMap<>(Map.of("session", "animacoop-7"));
        CommandCall call = new CommandCall("gatherings", arguments);

        arguments.put("session", "animacoop-8");

        assertThat(call.arguments()).containsExactly(Map.entry("session", "animacoop-7"));
        assertThatThrownBy(() -> call.arguments().put("session", "x")).isInstanceOf(UnsupportedOperationException.class);
    }
}
