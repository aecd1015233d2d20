package org.animfr.animabot.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MatrixSettingsTest {

    @Test
    void defaultsAreThePrefixAndPowerLevelFifty() {
        MatrixSettings settings = MatrixSettings.withAccessToken("https://matrix.anim.fr", "syt_secret");

        assertThat(settings.commandPrefix()).isEqualTo("!anim");
        assertThat(settings.organizerPowerLevel()).isEqualTo(50);
        assertThat(settings.inviteAllowList()).isEmpty();
    }

    @Test
    void theTokenAndPasswordNeverShowInToString() {
        assertThat(MatrixSettings.withAccessToken("https://matrix.anim.fr", "syt_secret").toString())
                .doesNotContain("syt_secret").contains("https://matrix.anim.fr");
        assertThat(MatrixSettings.withPassword("https://matrix.anim.fr", "animabot", "hunter2").toString())
                .doesNotContain("hunter2");
    }

    @Test
    void aTokenOrAUserWithAPasswordIsRequired() {
        assertThatThrownBy(() -> MatrixSettings.withPassword("https://matrix.anim.fr", "animabot", " "))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(MatrixSettings.isConfigured("https://matrix.anim.fr", "", "animabot", "pw")).isTrue();
        assertThat(MatrixSettings.isConfigured("https://matrix.anim.fr", null, null, null)).isFalse();
        assertThat(MatrixSettings.isConfigured(" ", "token", null, null)).isFalse();
    }
}
