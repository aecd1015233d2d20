package org.animfr.animabot.matrix.bridge

import de.connect2x.trixnity.clientserverapi.client.MatrixClientAuthProviderData
import de.connect2x.trixnity.clientserverapi.client.MatrixClientAuthProviderDataStore
import de.connect2x.trixnity.clientserverapi.client.MatrixClientServerApiClient
import de.connect2x.trixnity.clientserverapi.client.MatrixClientServerApiClientImpl
import de.connect2x.trixnity.clientserverapi.model.sync.Sync
import de.connect2x.trixnity.clientserverapi.client.classic
import de.connect2x.trixnity.clientserverapi.client.classicLoginWithPassword
import de.connect2x.trixnity.clientserverapi.client.getAccountData
import de.connect2x.trixnity.clientserverapi.model.authentication.IdentifierType
import de.connect2x.trixnity.clientserverapi.model.media.Media
import de.connect2x.trixnity.clientserverapi.model.room.CreateRoom
import de.connect2x.trixnity.clientserverapi.model.room.GetEvents
import de.connect2x.trixnity.clientserverapi.model.user.ProfileField
import de.connect2x.trixnity.core.ErrorResponse
import de.connect2x.trixnity.core.MatrixServerException
import de.connect2x.trixnity.core.model.RoomId
import de.connect2x.trixnity.core.model.UserId
import de.connect2x.trixnity.core.model.events.ClientEvent
import de.connect2x.trixnity.core.model.events.ClientEvent.RoomEvent.MessageEvent
import de.connect2x.trixnity.core.model.events.ClientEvent.RoomEvent.StateEvent
import de.connect2x.trixnity.core.model.events.InitialStateEvent
import de.connect2x.trixnity.core.model.events.MessageEventContent
import de.connect2x.trixnity.core.model.events.m.DirectEventContent
import de.connect2x.trixnity.core.model.events.m.Mentions
import de.connect2x.trixnity.core.model.events.m.RelatesTo
import de.connect2x.trixnity.core.model.events.m.room.CreateEventContent
import de.connect2x.trixnity.core.model.events.m.room.FileInfo
import de.connect2x.trixnity.core.model.events.m.room.MemberEventContent
import de.connect2x.trixnity.core.model.events.m.room.PowerLevelsEventContent
import de.connect2x.trixnity.core.model.events.m.room.RoomMessageEventContent
import de.connect2x.trixnity.core.model.EventId
import io.ktor.client.engine.cio.CIO
import io.ktor.http.ContentDisposition
import io.ktor.http.ContentType
import io.ktor.http.HttpStatusCode
import io.ktor.http.Url
import io.ktor.utils.io.ByteReadChannel
import java.time.Duration
import java.util.concurrent.CompletableFuture
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.SupervisorJob
import kotlinx.coroutines.cancel
import kotlinx.coroutines.future.future
import kotlin.time.Duration.Companion.milliseconds

/**
 * [MatrixBridge] on Trixnity's client-server API client and Ktor's CIO engine: each method is one request, its
 * answer mapped to the bridge's Java records, its refusal to a [HomeserverException]. Nothing else: no retry, no
 * loop, no rule. (Trixnity itself sends a request refused with HTTP 429 again, up to three times.)
 */
open class TrixnityBridge internal constructor(protected val api: MatrixClientServerApiClient) : MatrixBridge {
    protected val scope = CoroutineScope(SupervisorJob() + Dispatchers.IO)
    /** The account's user id, which account data requests name in their path. */
    @Volatile private var self: UserId? = null

    companion object {
        /** A bridge using an access token; nothing is sent before the first call. */
        @JvmStatic
        fun withToken(baseUrl: String, accessToken: String): MatrixBridge = TrixnityBridge(plainApi(baseUrl, accessToken))

        internal fun plainApi(baseUrl: String, accessToken: String): MatrixClientServerApiClient =
            MatrixClientAuthProviderData.classic(Url(baseUrl), accessToken).let { auth ->
                MatrixClientServerApiClientImpl(
                    authProvider = auth.createAuthProvider(MatrixClientAuthProviderDataStore.inMemory(auth)),
                    httpClientEngine = CIO.create(),
                )
            }

        /** Logs in with a password (as device `deviceId`, reused across restarts) and returns a bridge. */
        @JvmStatic
        fun withPassword(baseUrl: String, user: String, password: String, deviceId: String): CompletableFuture<MatrixBridge> =
            CoroutineScope(Dispatchers.IO).future {
                val auth = MatrixClientAuthProviderData.classicLoginWithPassword(
                    baseUrl = Url(baseUrl), identifier = IdentifierType.User(user), password = password,
                    deviceId = deviceId, initialDeviceDisplayName = "Animabot", httpClientEngine = CIO.create(),
                ).value()
                TrixnityBridge(plainApi(baseUrl, auth.accessToken))
            }

        internal fun <T> Result<T>.value(): T = getOrElse { throw translate(it) }

        private fun translate(error: Throwable): Throwable {
            if (error !is MatrixServerException) return error
            val response = error.errorResponse
            @Suppress("DEPRECATION")
            val retryAfter = ((response as? ErrorResponse.LimitExceeded)?.retryAfterMillis ?: error.retryAfter)
                ?.let { Duration.ofMillis(it) }
            val errcode = when (response) {
                is ErrorResponse.LimitExceeded -> "M_LIMIT_EXCEEDED"
                is ErrorResponse.UnknownToken -> "M_UNKNOWN_TOKEN"
                is ErrorResponse.Forbidden -> "M_FORBIDDEN"
                is ErrorResponse.NotFound -> "M_NOT_FOUND"
                else -> null
            }
            return HomeserverException(error.statusCode.value, errcode, response.error, retryAfter)
        }
    }

    protected fun <T> async(block: suspend () -> T): CompletableFuture<T> = scope.future { block() }

    /** The state a room the bot creates starts with: none here; encryption, with the full client, as Element does. */
    protected open fun newRoomState(): List<InitialStateEvent<*>>? = null

    /** The content as it goes into the room: as it is here; encrypted where the room is, by the full client. */
    protected open suspend fun sealed(roomId: RoomId, content: MessageEventContent): MessageEventContent = content

    private suspend fun self(): UserId = self ?: api.authentication.whoAmI().value().userId.also { self = it }

    override fun whoAmI(): CompletableFuture<String> = async { self().full }

    override fun displayName(userId: String): CompletableFuture<String?> = async {
        api.user.getProfileField(UserId(userId), ProfileField.DisplayName.Key).getOrNull()?.value
    }

    override fun sync(since: String?, filter: String, timeout: Duration): CompletableFuture<SyncResponse> = async {
        val response = api.sync.sync(filter = filter, since = since, timeout = timeout.toMillis().milliseconds).value()
        mapped(response) { roomId, event -> event(roomId, event) }
    }

    /** The sync response in the bridge's records, each timeline event read by [timelineEvent]. */
    protected fun mapped(response: Sync.Response, timelineEvent: (RoomId, ClientEvent<*>) -> RoomEvent?): SyncResponse {
        val joined = response.room?.join.orEmpty().map { (roomId, room) ->
            JoinedRoom(
                roomId.full, room.state?.events.orEmpty().mapNotNull { event(roomId, it) },
                room.timeline?.events.orEmpty().mapNotNull { timelineEvent(roomId, it) },
                room.timeline?.limited == true, room.timeline?.previousBatch,
            )
        }
        val invitations = response.room?.invite.orEmpty().flatMap { (roomId, room) ->
            room.strippedState?.events.orEmpty().mapNotNull { event(roomId, it) as? MemberEvent }
        }
        return SyncResponse(response.nextBatch, joined, invitations)
    }

    override fun eventsBefore(roomId: String, from: String, to: String?, limit: Int): CompletableFuture<EventPage> =
        async {
            val room = RoomId(roomId)
            val page = api.room.getEvents(room, from = from, dir = GetEvents.Direction.BACKWARDS, to = to,
                limit = limit.toLong()).value()
            val events = page.chunk.orEmpty()
            EventPage(events.mapNotNull { event(room, it) }, page.end?.takeIf { events.isNotEmpty() })
        }

    override fun roomState(roomId: String): CompletableFuture<List<RoomEvent>> = async {
        val room = RoomId(roomId)
        api.room.getState(room).value().mapNotNull { event(room, it) }
    }

    override fun join(roomId: String): CompletableFuture<Void?> = async { api.room.joinRoom(RoomId(roomId)).value(); null }

    override fun leave(roomId: String): CompletableFuture<Void?> = async { api.room.leaveRoom(RoomId(roomId)).value(); null }

    override fun sendNotice(roomId: String, transactionId: String, notice: Notice): CompletableFuture<String> = async {
        val content = RoomMessageEventContent.TextBased.Notice(
            notice.body, "org.matrix.custom.html", notice.html, relation(notice.inReplyTo, notice.threadRoot),
            Mentions(users = notice.mentioned.map { UserId(it) }.toSet()),
        )
        val room = RoomId(roomId)
        api.room.sendMessageEvent(room, sealed(room, content), transactionId).value().full
    }

    override fun upload(fileName: String, mediaType: String, content: ByteArray): CompletableFuture<String> = async {
        val media = Media(
            ByteReadChannel(content), content.size.toLong(), ContentType.parse(mediaType),
            ContentDisposition.Attachment.withParameter(ContentDisposition.Parameters.FileName, fileName),
        )
        api.media.upload(media).value().contentUri
    }

    override fun sendFile(roomId: String, transactionId: String, file: FileMessage): CompletableFuture<String> = async {
        val content = RoomMessageEventContent.FileBased.File(
            body = file.fileName, fileName = file.fileName, info = FileInfo(mimeType = file.mediaType, size = file.size),
            url = file.url, relatesTo = relation(file.inReplyTo, file.threadRoot), mentions = Mentions(),
        )
        val room = RoomId(roomId)
        api.room.sendMessageEvent(room, sealed(room, content), transactionId).value().full
    }

    /** In a thread when there is one (replying to the event too), else a plain reply, else nothing. */
    private fun relation(inReplyTo: String?, threadRoot: String?): RelatesTo? {
        val replyTo = inReplyTo?.let { RelatesTo.ReplyTo(EventId(it)) }
        return when {
            threadRoot != null -> RelatesTo.Thread(EventId(threadRoot), replyTo, isFallingBack = false)
            replyTo != null -> RelatesTo.Reply(replyTo)
            else -> null
        }
    }

    override fun directRooms(): CompletableFuture<Map<String, Set<String>>> = async {
        val result = api.user.getAccountData<DirectEventContent>(self())
        val error = result.exceptionOrNull()
        if (error is MatrixServerException && error.statusCode == HttpStatusCode.NotFound) {
            emptyMap()
        } else {
            result.value().mappings.map { (user, rooms) -> user.full to rooms.orEmpty().map { it.full }.toSet() }.toMap()
        }
    }

    override fun setDirectRooms(direct: Map<String, Set<String>>): CompletableFuture<Void?> = async {
        val content = DirectEventContent(direct.map { (user, rooms) -> UserId(user) to rooms.map(::RoomId).toSet() }.toMap())
        api.user.setAccountData(content, self()).value()
        null
    }

    override fun createDirectRoom(userId: String): CompletableFuture<String> = async {
        api.room.createRoom(
            invite = setOf(UserId(userId)), isDirect = true, preset = CreateRoom.Request.Preset.TRUSTED_PRIVATE,
            initialState = newRoomState(),
        ).value().full
    }

    protected fun event(roomId: RoomId, event: ClientEvent<*>): RoomEvent? = event(roomId, event, event.content)

    /** The event in the bridge's records, with its content given apart: the decrypted one, for an encrypted event. */
    protected fun event(roomId: RoomId, event: ClientEvent<*>, content: Any?): RoomEvent? {
        return when {
            event is MessageEvent<*> && content is RoomMessageEventContent -> {
                val relation = content.relatesTo
                RoomMessage(
                    roomId.full, event.id.full, event.sender.full, content.type, content.body,
                    content.formattedBody.takeIf { content.format == "org.matrix.custom.html" },
                    (relation as? RelatesTo.Thread)?.eventId?.full, relation is RelatesTo.Replace,
                    content.mentions?.users.orEmpty().map { it.full }.toSet(), event.originTimestamp,
                )
            }
            content is MemberEventContent -> (event as? ClientEvent.StateBaseEvent<*>)?.let {
                MemberEvent(roomId.full, it.stateKey, it.sender.full, content.membership.value, content.displayName,
                    content.isDirect == true)
            }
            event is StateEvent<*> && content is PowerLevelsEventContent ->
                PowerLevelsEvent(roomId.full, content.users.map { (user, level) -> user.full to level }.toMap(),
                    content.usersDefault)
            event is StateEvent<*> && content is CreateEventContent ->
                CreateEvent(roomId.full, event.sender.full, content.roomVersion,
                    content.additionalCreators.orEmpty().map { it.full }.toSet())
            else -> null
        }
    }

    override fun close() {
        scope.cancel()
        api.close()
    }
}
