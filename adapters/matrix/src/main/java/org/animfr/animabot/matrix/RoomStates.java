package org.animfr.animabot.matrix;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.animfr.animabot.matrix.bridge.CreateEvent;
import org.animfr.animabot.matrix.bridge.MemberEvent;
import org.animfr.animabot.matrix.bridge.PowerLevelsEvent;
import org.animfr.animabot.matrix.bridge.RoomEvent;

/**
 * The state the bot keeps of each room (its members, power levels and creation), kept up to date from the state
 * events that every sync brings, so that answering a message asks the homeserver nothing. A room whose whole state
 * the bot has not seen yet (after a restart) is read once, in full. Written by the sync thread only; read from any.
 */
final class RoomStates {
    private final Map<String, RoomState> byRoom = new ConcurrentHashMap<>();

    /**
     * One room's state. Immutable.
     *
     * @param members joined members: user id to display name (the user id when they have none)
     * @param powerLevels the power levels, or null when the room has none (or they are not known yet)
     * @param create the creation event, or null when not known yet
     * @param complete true once the whole state has been seen, not only changes
     */
    record RoomState(Map<String, String> members, PowerLevelsEvent powerLevels, CreateEvent create,
            boolean complete) {
        static final RoomState UNKNOWN = new RoomState(Map.of(), null, null, false);

        RoomState {
            members = Map.copyOf(members);
        }

        RoomState with(RoomEvent event) {
            if (event instanceof MemberEvent member) {
                Map<String, String> next = new HashMap<>(members);
                if (member.joined()) {
                    next.put(member.userId(), member.displayName() == null ? member.userId() : member.displayName());
                } else {
                    next.remove(member.userId());
                }
                return new RoomState(next, powerLevels, create, complete);
            }
            if (event instanceof PowerLevelsEvent levels) {
                return new RoomState(members, levels, create, complete);
            }
            if (event instanceof CreateEvent created) {
                return new RoomState(members, powerLevels, created, complete);
            }
            return this;
        }

        /**
         * A user's power level. Since room version 12, creators stand above every level; before, and for everyone
         * else, the power levels say, or, in a room without any, the creator has 100 and the others 0.
         */
        long powerLevel(String userId) {
            boolean creator = create != null
                    && (create.creator().equals(userId) || create.additionalCreators().contains(userId));
            if (creator && creatorsAreInfinite(create.roomVersion())) {
                return Long.MAX_VALUE;
            }
            if (powerLevels != null) {
                return powerLevels.users().getOrDefault(userId, powerLevels.usersDefault());
            }
            return creator ? 100 : 0;
        }

        private static boolean creatorsAreInfinite(String roomVersion) {
            if (roomVersion.startsWith("org.matrix.hydra")) {
                return true;
            }
            try {
                return Integer.parseInt(roomVersion) >= 12;
            } catch (NumberFormatException e) {
                return false;
            }
        }
    }

    RoomState of(String roomId) {
        return byRoom.getOrDefault(roomId, RoomState.UNKNOWN);
    }

    boolean isComplete(String roomId) {
        return of(roomId).complete();
    }

    /** Applies a state change to its room. */
    void apply(RoomEvent event) {
        byRoom.compute(event.roomId(), (room, state) -> (state == null ? RoomState.UNKNOWN : state).with(event));
    }

    /** Replaces a room's state by its whole state. */
    void replace(String roomId, List<RoomEvent> wholeState) {
        RoomState state = new RoomState(Map.of(), null, null, true);
        for (RoomEvent event : wholeState) {
            state = state.with(event);
        }
        byRoom.put(roomId, state);
    }

    /** Applies a batch: rooms given whole are replaced, the others changed. */
    void apply(List<RoomEvent> events, Set<String> wholeRooms) {
        for (String room : wholeRooms) {
            replace(room, events.stream().filter(e -> e.roomId().equals(room)).toList());
        }
        events.stream().filter(e -> !wholeRooms.contains(e.roomId())).forEach(this::apply);
    }
}
