package org.animfr.animabot.discord;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import org.animfr.animabot.core.chat.ScheduledEvent;
import org.animfr.animabot.core.chat.spi.DaemonThreads;
import org.animfr.animabot.core.chat.spi.PlatformState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's scheduled events in each Discord server: external events at the gathering's place, created, updated
 * and removed to match what the core wants. Which Discord event stands for which gathering is kept in the
 * adapters' state ({@code scheduled-events:<server id>}), so that a renamed or moved gathering updates its event;
 * an event the bot created but did not record (a crash right after creating it) is recognized by its name and start.
 * Events created by people are never touched. One sync at a time, on a thread of its own.
 */
final class DiscordScheduledEvents {
    private static final Logger LOG = LoggerFactory.getLogger(DiscordScheduledEvents.class);
    private static final String GUILDS = "scheduled-events:servers";
    private final ShardRange shards;
    private final String guildsKey;
    private static final int NAME_MAX = 100;
    private static final int LOCATION_MAX = 100;
    private static final int DESCRIPTION_MAX = 1000;

    private final PlatformState state;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(DaemonThreads.named("discord-events"));
    private final Set<String> warnedPermission = ConcurrentHashMap.newKeySet();

    /**
     * @param shards the shards of this instance: it keeps the events of their servers only, and its own list of the
     *     servers holding some (instances of other shards keep theirs)
     */
    DiscordScheduledEvents(PlatformState state, ShardRange shards) {
        this.state = state;
        this.shards = shards;
        this.guildsKey = shards.isWhole() ? GUILDS : GUILDS + ":" + shards;
    }

    CompletionStage<Void> show(ShardManager jda, Map<String, List<ScheduledEvent>> wanted) {
        return CompletableFuture.runAsync(() -> showNow(jda, wanted), worker);
    }

    void stop() {
        worker.shutdownNow();
    }

    private void showNow(ShardManager jda, Map<String, List<ScheduledEvent>> wanted) {
        Set<String> guilds = new LinkedHashSet<>(wanted.keySet());
        guilds.addAll(split(state.get(DiscordChatPlatform.NAME, guildsKey).orElse(""), ","));
        Set<String> holding = new LinkedHashSet<>();
        for (String guildId : guilds) {
            if (!shards.holds(guildId)) {
                continue; // another instance's shard: its servers are its own business
            }
            try {
                if (sync(jda, guildId, wanted.getOrDefault(guildId, List.of()))) {
                    holding.add(guildId);
                }
            } catch (InsufficientPermissionException | ErrorResponseException e) {
                holding.add(guildId);
                if (warnedPermission.add(guildId)) {
                    LOG.warn("Cannot keep the gatherings in the events of the Discord server {}: {} (give the bot the "
                            + "Create Events permission there)", guildId, e.getMessage());
                }
            } catch (RuntimeException e) {
                holding.add(guildId);
                LOG.warn("Could not bring the events of the Discord server {} up to date", guildId, e);
            }
        }
        state.put(DiscordChatPlatform.NAME, guildsKey, String.join(",", holding));
    }

    /** Brings one server's events to {@code events}; true while it holds some of the bot's events. */
    private boolean sync(ShardManager jda, String guildId, List<ScheduledEvent> events) {
        Guild guild = jda.getGuildById(guildId);
        if (guild == null) {
            // the bot left the server: its events went with it
            state.put(DiscordChatPlatform.NAME, key(guildId), "");
            return false;
        }
        long self = guild.getJDA().getSelfUser().getIdLong();
        Map<String, net.dv8tion.jda.api.entities.ScheduledEvent> ours = new LinkedHashMap<>();
        for (net.dv8tion.jda.api.entities.ScheduledEvent event : guild.retrieveScheduledEvents().complete()) {
            if (event.getCreatorIdLong() == self) {
                ours.put(event.getId(), event);
            }
        }
        Map<String, String> recorded = load(guildId);
        Map<String, String> kept = new LinkedHashMap<>();
        Set<String> claimed = new LinkedHashSet<>();
        for (ScheduledEvent want : events) {
            Optional<net.dv8tion.jda.api.entities.ScheduledEvent> current = Optional.ofNullable(recorded.get(want.key()))
                    .map(ours::get).filter(event -> !claimed.contains(event.getId()))
                    .or(() -> ours.values().stream().filter(event -> !claimed.contains(event.getId()))
                            .filter(event -> event.getName().equals(name(want))
                                    && event.getStartTime().toInstant().equals(want.start()))
                            .findFirst());
            if (current.isPresent()) {
                update(current.get(), want);
                claimed.add(current.get().getId());
                kept.put(want.key(), current.get().getId());
            } else if (want.start().isAfter(Instant.now())) {
                net.dv8tion.jda.api.entities.ScheduledEvent created = guild
                        .createScheduledEvent(name(want), shortened(want.place(), LOCATION_MAX), time(want.start()),
                                time(want.end()))
                        .setDescription(shortened(want.description(), DESCRIPTION_MAX)).complete();
                claimed.add(created.getId());
                kept.put(want.key(), created.getId());
                // recorded at once: a crash before the end of the sync does not lose which event this is
                save(guildId, merged(recorded, kept));
                LOG.info("Discord server {}: event {} created for {}", guildId, created.getId(), want.key());
            }
        }
        for (net.dv8tion.jda.api.entities.ScheduledEvent event : ours.values()) {
            if (!claimed.contains(event.getId())) {
                event.delete().complete();
                LOG.info("Discord server {}: event {} removed", guildId, event.getId());
            }
        }
        save(guildId, kept);
        return !kept.isEmpty();
    }

    private static void update(net.dv8tion.jda.api.entities.ScheduledEvent event, ScheduledEvent want) {
        String name = name(want);
        String place = shortened(want.place(), LOCATION_MAX);
        String description = shortened(want.description(), DESCRIPTION_MAX);
        boolean sameTimes = event.getStartTime().toInstant().equals(want.start())
                && event.getEndTime() != null && event.getEndTime().toInstant().equals(want.end());
        if (event.getName().equals(name) && event.getLocation().equals(place)
                && Objects.equals(event.getDescription(), description) && sameTimes) {
            return;
        }
        var manager = event.getManager().setName(name).setLocation(place).setDescription(description);
        if (!sameTimes && want.start().isAfter(Instant.now())) {
            manager = manager.setStartTime(time(want.start())).setEndTime(time(want.end()));
        }
        manager.complete();
        LOG.info("Discord server {}: event {} updated for {}", event.getGuild().getId(), event.getId(), want.key());
    }

    private static String name(ScheduledEvent event) {
        return shortened(event.name(), NAME_MAX);
    }

    private static String shortened(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static String key(String guildId) {
        return "scheduled-events:" + guildId;
    }

    /** The recorded events of a server: {@code gathering-2.animacoop-7=123456} per line. */
    private Map<String, String> load(String guildId) {
        Map<String, String> recorded = new LinkedHashMap<>();
        for (String line : split(state.get(DiscordChatPlatform.NAME, key(guildId)).orElse(""), "\n")) {
            int equals = line.lastIndexOf('=');
            if (equals > 0) {
                recorded.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        return recorded;
    }

    private void save(String guildId, Map<String, String> events) {
        state.put(DiscordChatPlatform.NAME, key(guildId), events.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue()).collect(Collectors.joining("\n")));
    }

    private static Map<String, String> merged(Map<String, String> recorded, Map<String, String> kept) {
        Map<String, String> all = new LinkedHashMap<>(recorded);
        all.putAll(kept);
        return all;
    }

    private static List<String> split(String text, String separator) {
        return text.isBlank() ? List.of()
                : new ArrayList<>(Arrays.stream(text.split(separator)).filter(part -> !part.isBlank()).toList());
    }
}
