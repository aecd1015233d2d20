package org.animfr.animabot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.animfr.animabot.discord.fake.FakeDiscord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShardRangeTest {

    @Test
    void aSettingReadsAsTheShardsItNames() {
        assertThat(ShardRange.parse("1/2")).isEqualTo(new ShardRange(1, 1, 2));
        assertThat(ShardRange.parse(" 0-3/8 ")).isEqualTo(new ShardRange(0, 3, 8));
        assertThat(ShardRange.parse("")).isEqualTo(ShardRange.WHOLE);
        assertThat(ShardRange.parse(null)).isEqualTo(ShardRange.WHOLE);
        assertThat(ShardRange.parse("0-1/2").isWhole()).isTrue();
        assertThat(ShardRange.parse("0/2").isWhole()).isFalse();
        assertThat(ShardRange.parse("0-3/8")).hasToString("0-3/8");
        assertThat(ShardRange.parse("1/2")).hasToString("1/2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2", "1/", "/2", "a/b", "1-/2", "-1/2", "1/2/3", "1 / 2", "0,1/2", "123456/2"})
    void aMalformedSettingNamesTheExpectedForm(String text) {
        assertThatThrownBy(() -> ShardRange.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"1/2\"").hasMessageContaining(text.strip());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2/2", "0-2/2", "1-0/2", "0/0", "5-9/8"})
    void shardsOutsideTheirTotalAreRefused(String text) {
        assertThatThrownBy(() -> ShardRange.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Discord shards must be within");
    }

    @Test
    void aServerBelongsToTheShardDiscordGivesIt() {
        // Discord's formula: (server id >> 22) % shards
        assertThat(ShardRange.shardOf("197038439483310086", 4)).isEqualTo((int) ((197038439483310086L >> 22) % 4));
        String second = FakeDiscord.guildIdOnShard(1, 2, 3);
        assertThat(ShardRange.parse("1/2").holds(second)).isTrue();
        assertThat(ShardRange.parse("0/2").holds(second)).isFalse();
        assertThat(ShardRange.WHOLE.holds(second)).isTrue();
        assertThat(ShardRange.parse("0/2").holdsDirectMessages()).isTrue();
        assertThat(ShardRange.parse("1/2").holdsDirectMessages()).isFalse();
    }
}
