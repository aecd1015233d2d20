package org.animfr.animabot.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class InvitePolicyTest {

    @Test
    void byDefaultInvitationsFromTheBotsOwnServerAreAccepted() {
        InvitePolicy policy = new InvitePolicy(List.of(), "@animabot:anim.fr");

        assertThat(policy.accepts("@ana:anim.fr")).isTrue();
        assertThat(policy.accepts("@eve:evil.example")).isFalse();
    }

    @Test
    void aListedServerOrUserIsAccepted() {
        InvitePolicy policy = new InvitePolicy(List.of("partner.org", "@bob:matrix.org"), "@animabot:anim.fr");

        assertThat(policy.accepts("@zoe:partner.org")).isTrue();
        assertThat(policy.accepts("@bob:matrix.org")).isTrue();
        assertThat(policy.accepts("@eve:matrix.org")).isFalse();
        assertThat(policy.accepts("@ana:anim.fr")).isFalse();
    }

    @Test
    void aServerWithAPortIsMatchedWhole() {
        InvitePolicy policy = new InvitePolicy(List.of(), "@animabot:localhost:8448");

        assertThat(policy.accepts("@ana:localhost:8448")).isTrue();
        assertThat(policy.accepts("@ana:localhost")).isFalse();
    }

    @Test
    void aServerThatMerelyEndsLikeAnAllowedOneIsRefused() {
        InvitePolicy policy = new InvitePolicy(List.of("anim.fr"), "@animabot:anim.fr");

        assertThat(policy.accepts("@eve:notanim.fr")).isFalse();
    }
}
