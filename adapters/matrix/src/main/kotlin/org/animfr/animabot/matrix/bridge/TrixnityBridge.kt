package org.animfr.animabot.matrix.bridge

import de.connect2x.trixnity.clientserverapi.client.MatrixClientAuthProviderData
import de.connect2x.trixnity.clientserverapi.client.MatrixClientAuthProviderDataStore
import de.connect2x.trixnity.clientserverapi.client.MatrixClientServerApiClientImpl
import de.connect2x.trixnity.clientserverapi.client.classic
import de.connect2x.trixnity.clientserverapi.client.classicLoginWithPassword
import de.connect2x.trixnity.clientserverapi.client.getAccountData
import de.connect2x.trixnity.clientserverapi.model.authentication.IdentifierType
import de.connect2x.trixnity.clientserverapi.model.room.CreateRoom
import de.connect2x.trixnity.clientserverapi.model.room.GetEvents
import de.connect2x.trixnity.clientserverapi.model.sync.Sync
import de.connect2x.trixnity.clientserverapi.model.user.ProfileField
import de.connect2x.trixnity.core.ErrorResponse
import de.connect2x.trixnity.core.MatrixServerException
import de.connect2x.trixnity.core.model.EventId
import de.connect2x.trixnity.core.model.RoomId
import de.connect2x.trixnity.core.model.UserId
import de.connect2x.trixnity.core.model.events.ClientEvent.RoomEvent
import de.connect2x.trixnity.core.model.events.m.DirectEventContent
import de.connect2x.trixnity.core.model.events.m.Mentions
import de.connect2x.trixnity.core.model.events.m.RelatesTo
import de.connect2x.trixnity.core.model.events.m.room.CreateEventContent
import de.connect2x.trixnity.core.model.events.m.room.MemberEventContent
import de.connect2x.trixnity.core.model.events.m.room.Membership
import de.connect2x.trixnity.core.model.events.m.room.PowerLevelsEventContent
import de.connect2x.trixnity.core.model.events.m.room.RoomMessageEventContent
import io.ktor.client.engine.cio.CIO
import io.ktor.http.HttpStatusCode
import io.ktor.http.Url
import java.time.Duration
import java.util.UUID
import java.util.concurrent.CompletableFuture
import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.Job
import kotlinx.coroutines.SupervisorJob
import kotlinx.coroutines.cancel
import kotlinx.coroutines.delay
import kotlinx.coroutines.future.future
import kotlinx.coroutines.isActive
import kotlinx.coroutines.launch
import org.slf4j.LoggerFactory
import kotlin.time.Duration.Companion.ZERO
import kotlin.time.Duration.Companion.seconds

/**
 * [MatrixBridge] on Trixnity's client-server API client and Ktor's CIO engine. Trixnity already retries a
 * request refused with HTTP 429 three times (honouring `Retry-After`); when that is not enough, [patiently]
 * waits `retry_after_ms` and sends the same request again (same transaction id, so never twice).
 */
class TrixnityBridge private constructor(baseUrl: String, accessToken: String) : MatrixBridge {
    private val scope = CoroutineScope(SupervisorJob() + Dispatchers.IO)
    private val api = MatrixClientAuthProviderData.classic(Url(baseUrl), accessToken).let { auth ->
        MatrixClientServerApiClientImpl(
            authProvider = auth.createAuthProvider(MatrixClientAuthProviderDataStore.inMemory(auth)),
            httpClientEngine = CIO.create(),
        )
    }
    @Volatile private var self: String? = null
    @Volatile private var syncJob: Job? = null

    companion object {
        private val log = LoggerFactory.getLogger(TrixnityBridge::class.java)
        private const val FILTER = """{"room":{"timeline":{"limit":100}},"presence":{"types":[]}}"""
        /**
         * The first sync wants no history. Synapse answers a repeated identical sync request from a cache for
         * two minutes, which after a quick restart would hand back an old token (and then the history since it);
         * a type no one uses makes each first sync request new.
         */
        private fun firstFilter() =
            """{"room":{"timeline":{"limit":1}},"presence":{"types":[]},""" +
                """"account_data":{"not_types":["org.animfr.animabot.first-sync.${UUID.randomUUID()}"]}}"""
        private const val MAX_GAP_EVENTS = 1000
        private const val RATE_LIMIT_ATTEMPTS = 20

        /** A bridge using an access token; nothing is sent before the first call. */
        @JvmStatic
        fun withToken(baseUrl: String, accessToken: String): MatrixBridge = TrixnityBridge(baseUrl, accessToken)

        /** Logs in with a password (as device `deviceId`, reused across restarts) and returns a bridge. */
        @JvmStatic
        fun withPassword(baseUrl: String, user: String, password: String, deviceId: String): CompletableFuture<MatrixBridge> =
            CoroutineScope(Dispatchers.IO).future {
                val auth = MatrixClientAuthProviderData.classicLoginWithPassword(
                    baseUrl = Url(baseUrl), identifier = IdentifierType.User(user), password = password,
                    deviceId = deviceId, initialDeviceDisplayName = "Animabot", httpClientEngine = CIO.create(),
                ).getOrThrow()
                TrixnityBridge(baseUrl, auth.accessToken)
            }
    }

    private fun <T> async(block: suspend () -> T): CompletableFuture<T> = scope.future { block() }

    override fun whoAmI(): CompletableFuture<String> =
        async { api.authentication.whoAmI().getOrThrow().userId.full.also { self = it } }

    override fun displayName(userId: String): CompletableFuture<String?> = async {
        api.user.getProfileField(UserId(userId), ProfileField.DisplayName.Key).getOrNull()?.value
    }

    override fun startSync(since: String?, listener: SyncListener) {
        stopSync()
        syncJob = scope.launch {
            var token = since
            var wait = 1_000L
            while (isActive) {
                try {
                    if (self == null) self = api.authentication.whoAmI().getOrThrow().userId.full
                    val response = api.sync.sync(
                        filter = if (token == null) firstFilter() else FILTER, since = token,
                        timeout = if (token == null) ZERO else 30.seconds,
                    ).getOrThrow()
                    listener.onBatch(batch(response, token))
                    token = response.nextBatch
                    wait = 1_000L
                } catch (e: CancellationException) {
                    throw e
                } catch (e: Throwable) {
                    listener.onError(e, Duration.ofMillis(wait))
                    delay(wait)
                    wait = (wait * 2).coerceAtMost(60_000L)
                }
            }
        }
    }

    override fun stopSync() {
        syncJob?.cancel()
        syncJob = null
    }

    private suspend fun batch(response: Sync.Response, since: String?): SyncBatch {
        val messages = ArrayList<RoomMessage>()
        val changed = HashSet<String>()
        response.room?.join?.forEach { (roomId, room) ->
            room.state?.events?.forEach { if (isWatchedState(it.content)) changed += roomId.full }
            val timeline = room.timeline
            val gap = if (since != null && timeline?.limited == true) missed(roomId, timeline.previousBatch, since) else emptyList()
            val events = gap + timeline?.events.orEmpty()
            // a room just joined comes with some of its history: what was said before the bot came is not for it
            val joined = events.indexOfLast { it is RoomEvent.StateEvent && it.stateKey == self && isJoin(it.content) }
            if (joined >= 0) changed += roomId.full
            for (event in events.drop(joined + 1)) {
                if (event is RoomEvent.StateEvent && isWatchedState(event.content)) changed += roomId.full
                val content = event.content
                if (event is RoomEvent.MessageEvent && content is RoomMessageEventContent) {
                    messages += message(roomId, event, content)
                }
            }
        }
        val invites = response.room?.invite?.mapNotNull { (roomId, room) ->
            room.strippedState?.events?.firstOrNull {
                it.stateKey == self && (it.content as? MemberEventContent)?.membership == Membership.INVITE
            }?.let { RoomInvite(roomId.full, it.sender.full, (it.content as MemberEventContent).isDirect == true) }
        }.orEmpty()
        return SyncBatch(response.nextBatch, since == null, messages, invites, changed)
    }

    private fun isJoin(content: Any?) = (content as? MemberEventContent)?.membership == Membership.JOIN

    private fun isWatchedState(content: Any?) = content is MemberEventContent || content is PowerLevelsEventContent

    private fun message(roomId: RoomId, event: RoomEvent<*>, content: RoomMessageEventContent): RoomMessage {
        val relation = content.relatesTo
        return RoomMessage(
            roomId.full, event.id.full, event.sender.full, content.type, content.body,
            content.formattedBody.takeIf { content.format == "org.matrix.custom.html" },
            (relation as? RelatesTo.Thread)?.eventId?.full, event.sender.full == self, relation is RelatesTo.Replace,
            content.mentions?.users.orEmpty().map { it.full }.toSet(), event.originTimestamp,
        )
    }

    /** Events a limited timeline left out, oldest first: paginates back from its start to the previous token. */
    private suspend fun missed(roomId: RoomId, from: String?, since: String): List<RoomEvent<*>> {
        val events = ArrayList<RoomEvent<*>>()
        var page = from ?: return events
        while (events.size < MAX_GAP_EVENTS) {
            val response = patiently {
                api.room.getEvents(roomId, from = page, dir = GetEvents.Direction.BACKWARDS, to = since, limit = 100)
            }
            events += response.chunk.orEmpty()
            page = response.end?.takeIf { response.chunk?.isNotEmpty() == true } ?: break
        }
        log.info("Fetched {} events missed by a limited sync in {}", events.size, roomId.full)
        return events.asReversed()
    }

    override fun join(roomId: String): CompletableFuture<Void?> =
        async { patiently { api.room.joinRoom(RoomId(roomId)) }; null }

    override fun leave(roomId: String): CompletableFuture<Void?> =
        async { patiently { api.room.leaveRoom(RoomId(roomId)) }; null }

    override fun sendNotice(roomId: String, body: String, html: String, inReplyTo: String?, threadRoot: String?) = async {
        val replyTo = inReplyTo?.let { RelatesTo.ReplyTo(EventId(it)) }
        val relation = when {
            threadRoot != null -> RelatesTo.Thread(EventId(threadRoot), replyTo, isFallingBack = false)
            replyTo != null -> RelatesTo.Reply(replyTo)
            else -> null
        }
        val content = RoomMessageEventContent.TextBased.Notice(body, "org.matrix.custom.html", html, relation, Mentions())
        val txnId = UUID.randomUUID().toString()
        patiently { api.room.sendMessageEvent(RoomId(roomId), content, txnId) }.full
    }

    override fun powerLevel(roomId: String, userId: String): CompletableFuture<Long> = async {
        val room = RoomId(roomId)
        val user = UserId(userId)
        val create = api.room.getStateEvent("m.room.create", room).getOrNull()
        val createContent = create?.content as? CreateEventContent
        val creator = create != null && (create.sender == user || createContent?.additionalCreators.orEmpty().contains(user))
        val version = createContent?.roomVersion ?: "1"
        if (creator && (version.startsWith("org.matrix.hydra") || (version.toIntOrNull() ?: 0) >= 12)) {
            Long.MAX_VALUE
        } else {
            val levels = api.room.getStateEventContent("m.room.power_levels", room).getOrNull() as? PowerLevelsEventContent
            levels?.let { it.users[user] ?: it.usersDefault } ?: if (creator) 100L else 0L
        }
    }

    override fun joinedMembers(roomId: String): CompletableFuture<Map<String, String>> = async {
        patiently { api.room.getJoinedMembers(RoomId(roomId)) }.joined
            .map { (user, member) -> user.full to (member.displayName ?: user.full) }.toMap()
    }

    override fun directRooms(): CompletableFuture<Map<String, Set<String>>> = async { readDirect() }

    private suspend fun readDirect(): Map<String, Set<String>> {
        val me = self ?: api.authentication.whoAmI().getOrThrow().userId.full.also { self = it }
        val result = api.user.getAccountData<DirectEventContent>(UserId(me))
        val error = result.exceptionOrNull()
        if (error is MatrixServerException && error.statusCode == HttpStatusCode.NotFound) return emptyMap()
        return result.getOrThrow().mappings.map { (user, rooms) -> user.full to rooms.orEmpty().map { it.full }.toSet() }.toMap()
    }

    override fun createDirectRoom(userId: String): CompletableFuture<String> = async {
        val roomId = patiently {
            api.room.createRoom(invite = setOf(UserId(userId)), isDirect = true, preset = CreateRoom.Request.Preset.TRUSTED_PRIVATE)
        }
        try {
            val direct = readDirect().toMutableMap()
            direct[userId] = direct[userId].orEmpty() + roomId.full
            val content = DirectEventContent(direct.map { (u, r) -> UserId(u) to r.map(::RoomId).toSet() }.toMap())
            api.user.setAccountData(content, UserId(self!!)).getOrThrow()
        } catch (e: CancellationException) {
            throw e
        } catch (e: Exception) {
            log.warn("Created the direct room {} but could not record it in m.direct: {}", roomId.full, e.toString())
        }
        roomId.full
    }

    /** Runs a request until the homeserver stops answering `M_LIMIT_EXCEEDED`, waiting as long as it asks. */
    private suspend fun <T> patiently(request: suspend () -> Result<T>): T {
        var attempt = 0
        while (true) {
            val result = request()
            val error = result.exceptionOrNull() as? MatrixServerException
            if (error == null || error.statusCode != HttpStatusCode.TooManyRequests || ++attempt >= RATE_LIMIT_ATTEMPTS) {
                return result.getOrThrow()
            }
            @Suppress("DEPRECATION")
            val asked = (error.errorResponse as? ErrorResponse.LimitExceeded)?.retryAfterMillis ?: error.retryAfter
            val wait = (asked ?: (1_000L shl attempt.coerceAtMost(6))).coerceIn(100L, 120_000L)
            log.info("Matrix rate limit reached; sending again in {} ms (attempt {})", wait, attempt + 1)
            delay(wait)
        }
    }

    override fun close() {
        stopSync()
        scope.cancel()
        api.close()
    }
}
