package org.animfr.animabot.matrix;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.animfr.animabot.matrix.bridge.EventPage;
import org.animfr.animabot.matrix.bridge.JoinedRoom;
import org.animfr.animabot.matrix.bridge.MatrixBridge;
import org.animfr.animabot.matrix.bridge.MemberEvent;
import org.animfr.animabot.matrix.bridge.RoomEvent;
import org.animfr.animabot.matrix.bridge.RoomMessage;
import org.animfr.animabot.matrix.bridge.SyncResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a sync response into a {@link SyncBatch}: fills the gaps the homeserver left in a limited timeline by
 * reading the room's history back to the previous sync, leaves out what a room said before the bot joined it, and
 * keeps the bot's own invitations. Used by the sync thread only.
 */
final class Timelines {
    private static final Logger LOG = LoggerFactory.getLogger(Timelines.class);
    /** A gap longer than this is not read further: those messages are too old to answer anyway. */
    static final int MAX_GAP_EVENTS = 1000;
    private static final int PAGE = 100;
    private static final long PAGE_SECONDS = 120;

    private final MatrixBridge bridge;
    private final String self;

    Timelines(MatrixBridge bridge, String self) {
        this.bridge = bridge;
        this.self = self;
    }

    SyncBatch read(SyncResponse response, String since) throws InterruptedException {
        List<RoomMessage> messages = new ArrayList<>();
        List<RoomEvent> state = new ArrayList<>();
        Set<String> wholeState = new HashSet<>();
        for (JoinedRoom room : response.joined()) {
            state.addAll(room.state());
            List<RoomEvent> events = new ArrayList<>();
            if (since != null && room.limited() && room.previousBatch() != null) {
                events.addAll(missed(room.roomId(), room.previousBatch(), since));
            }
            events.addAll(room.timeline());
            int joined = lastJoinOfSelf(events);
            if (since == null || joined >= 0) {
                // a first sync, or a room just joined, comes with the room's whole state
                wholeState.add(room.roomId());
            }
            for (int i = 0; i < events.size(); i++) {
                RoomEvent event = events.get(i);
                if (event instanceof RoomMessage message) {
                    // a room just joined comes with some of its history: what was said before the bot came is not for it
                    if (i > joined) {
                        messages.add(message);
                    }
                } else {
                    state.add(event);
                }
            }
        }
        List<RoomInvite> invites = response.invitations().stream()
                .filter(m -> m.userId().equals(self) && m.membership().equals("invite"))
                .map(m -> new RoomInvite(m.roomId(), m.sender(), m.direct()))
                .toList();
        return new SyncBatch(response.nextBatch(), since == null, messages, invites, state, wholeState);
    }

    private int lastJoinOfSelf(List<RoomEvent> events) {
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i) instanceof MemberEvent member && member.userId().equals(self) && member.joined()) {
                return i;
            }
        }
        return -1;
    }

    /** Events a limited timeline left out, oldest first: pages back from its start to the previous sync. */
    private List<RoomEvent> missed(String roomId, String from, String since) throws InterruptedException {
        List<RoomEvent> newestFirst = new ArrayList<>();
        String page = from;
        try {
            while (page != null && newestFirst.size() < MAX_GAP_EVENTS) {
                String current = page;
                EventPage events = Requests.patiently(() -> bridge.eventsBefore(roomId, current, since, PAGE))
                        .get(PAGE_SECONDS, TimeUnit.SECONDS);
                newestFirst.addAll(events.events());
                page = events.end();
            }
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("Could not read all the messages a limited sync left out in {} ({}); going on with {}", roomId,
                    Requests.rootMessage(e), newestFirst.size());
        }
        LOG.info("Fetched {} events missed by a limited sync in {}", newestFirst.size(), roomId);
        Collections.reverse(newestFirst);
        return newestFirst;
    }
}
