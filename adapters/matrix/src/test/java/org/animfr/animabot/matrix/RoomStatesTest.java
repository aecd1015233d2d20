package org.animfr.animabot.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.animfr.animabot.matrix.bridge.CreateEvent;
import org.animfr.animabot.matrix.bridge.MemberEvent;
import org.animfr.animabot.matrix.bridge.PowerLevelsEvent;
import org.junit.jupiter.api.Test;

/** Who is in a room and who may organize there, from the room's state events. */
class RoomStatesTest {
    private static final String ROOM = "!r:anim.fr";
    private static final String ANA = "@ana:anim.fr";
    private static final String BOB = "@bob:anim.fr";

    private final RoomStates states = new RoomStates();

    @Test
    void sinceRoomVersionTwelveCreatorsStandAboveEveryPowerLevel() {
        states.replace(ROOM, List.of(new CreateEvent(ROOM, ANA, "12", Set.of(BOB)),
                new PowerLevelsEvent(ROOM, Map.of(ANA, 0L, BOB, 0L), 0)));

        assertThat(states.of(ROOM).powerLevel(ANA)).isEqualTo(Long.MAX_VALUE);
        assertThat(states.of(ROOM).powerLevel(BOB)).isEqualTo(Long.MAX_VALUE);
        assertThat(states.of(ROOM).powerLevel("@eve:anim.fr")).isZero();
    }

    @Test
    void hydraRoomsFollowTheSameRule() {
        states.replace(ROOM, List.of(new CreateEvent(ROOM, ANA, "org.matrix.hydra.11", Set.of())));

        assertThat(states.of(ROOM).powerLevel(ANA)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void beforeVersionTwelveTheCreatorHasTheLevelThePowerLevelsGive() {
        states.replace(ROOM, List.of(new CreateEvent(ROOM, ANA, "11", Set.of()),
                new PowerLevelsEvent(ROOM, Map.of(ANA, 100L, BOB, 50L), 10)));

        assertThat(states.of(ROOM).powerLevel(ANA)).isEqualTo(100);
        assertThat(states.of(ROOM).powerLevel(BOB)).isEqualTo(50);
        assertThat(states.of(ROOM).powerLevel("@eve:anim.fr")).isEqualTo(10);
    }

    @Test
    void withoutPowerLevelsTheCreatorHasAHundredAndOthersNothing() {
        states.replace(ROOM, List.of(new CreateEvent(ROOM, ANA, "10", Set.of())));

        assertThat(states.of(ROOM).powerLevel(ANA)).isEqualTo(100);
        assertThat(states.of(ROOM).powerLevel(BOB)).isZero();
    }

    @Test
    void membersFollowJoinsAndLeavesWithTheirDisplayNames() {
        states.replace(ROOM, List.of(new MemberEvent(ROOM, ANA, ANA, "join", "Ana", false)));

        states.apply(new MemberEvent(ROOM, BOB, BOB, "join", null, false));
        states.apply(new MemberEvent(ROOM, ANA, ANA, "leave", null, false));

        assertThat(states.of(ROOM).members()).containsExactly(Map.entry(BOB, BOB));
        assertThat(states.isComplete(ROOM)).isTrue();
    }

    @Test
    void aRoomKnownOnlyFromChangesIsNotComplete() {
        states.apply(new MemberEvent(ROOM, ANA, ANA, "join", "Ana", false));

        assertThat(states.isComplete(ROOM)).isFalse();
        assertThat(states.of("!unknown:anim.fr").members()).isEmpty();
    }
}
