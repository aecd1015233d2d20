package org.animfr.animabot.matrix

import de.connect2x.trixnity.client.CryptoDriverModule
import de.connect2x.trixnity.client.MatrixClient
import de.connect2x.trixnity.client.MediaStoreModule
import de.connect2x.trixnity.client.RepositoriesModule
import de.connect2x.trixnity.client.create
import de.connect2x.trixnity.client.cryptodriver.vodozemac.vodozemac
import de.connect2x.trixnity.client.media.inMemory
import de.connect2x.trixnity.client.room
import de.connect2x.trixnity.client.room.RoomEventEncryptionService
import de.connect2x.trixnity.client.room.encrypt
import de.connect2x.trixnity.client.store.TimelineEvent
import de.connect2x.trixnity.client.store.isEncrypted
import de.connect2x.trixnity.client.store.repository.inMemory
import de.connect2x.trixnity.clientserverapi.client.MatrixClientAuthProviderData
import de.connect2x.trixnity.clientserverapi.client.SyncState
import de.connect2x.trixnity.clientserverapi.client.classic
import de.connect2x.trixnity.clientserverapi.model.room.CreateRoom
import de.connect2x.trixnity.core.model.RoomId
import de.connect2x.trixnity.core.model.UserId
import de.connect2x.trixnity.core.model.events.ClientEvent.RoomEvent.MessageEvent
import de.connect2x.trixnity.core.model.events.InitialStateEvent
import de.connect2x.trixnity.core.model.events.m.room.EncryptedMessageEventContent.MegolmEncryptedMessageEventContent
import de.connect2x.trixnity.core.model.events.m.room.EncryptionEventContent
import de.connect2x.trixnity.core.model.events.m.room.RoomMessageEventContent
import de.connect2x.trixnity.core.model.events.m.RelatesTo
import de.connect2x.trixnity.core.model.keys.MegolmMessageValue
import io.ktor.client.engine.cio.CIO
import io.ktor.http.Url
import java.time.Duration
import java.util.UUID
import java.util.concurrent.ConcurrentLinkedQueue
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.SupervisorJob
import kotlinx.coroutines.cancel
import kotlinx.coroutines.flow.first
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withTimeout
import kotlin.time.Duration.Companion.seconds

/**
 * A person on Matrix with a full client, as Element is: their own device and keys, encrypted rooms, messages sent
 * encrypted and read decrypted. Blocking methods, for the Java tests.
 */
class EncryptedHuman private constructor(private val client: MatrixClient, private val scope: CoroutineScope) :
    AutoCloseable {

    /** A message this person's client shows, decrypted when it can be. */
    data class Seen(
        val roomId: String, val eventId: String, val sender: String, val encrypted: Boolean, val msgtype: String?,
        val body: String?, val inReplyTo: String?, val mentioned: Set<String>,
    )

    private val seen = ConcurrentLinkedQueue<Seen>()
    private val encryption: List<RoomEventEncryptionService> by lazy { client.di.getAll() }

    companion object {
        /** Opens a new device of the user (its access token) with in-memory stores, and starts syncing. */
        @JvmStatic
        fun open(baseUrl: String, accessToken: String): EncryptedHuman = runBlocking {
            val client = MatrixClient.create(
                RepositoriesModule.inMemory(), MediaStoreModule.inMemory(), CryptoDriverModule.vodozemac(),
                MatrixClientAuthProviderData.classic(Url(baseUrl), accessToken),
            ) { name = "human"; httpClientEngine = CIO.create() }.getOrThrow()
            val scope = CoroutineScope(SupervisorJob() + Dispatchers.Default)
            val human = EncryptedHuman(client, scope)
            scope.launch {
                client.room.getTimelineEventsFromNowOn(decryptionTimeout = 20.seconds).collect { human.saw(it) }
            }
            client.startSync()
            withTimeout(60.seconds) { client.syncState.first { it == SyncState.RUNNING } }
            human
        }
    }

    val userId: String get() = client.userId.full

    private fun saw(event: TimelineEvent) {
        val message = event.event as? MessageEvent<*> ?: return
        val content = event.content?.getOrNull() as? RoomMessageEventContent
        val replyTo = when (val relation = content?.relatesTo) {
            is RelatesTo.Reply -> relation.replyTo.eventId.full
            is RelatesTo.Thread -> relation.replyTo?.eventId?.full
            else -> null
        }
        seen += Seen(
            message.roomId.full, message.id.full, message.sender.full, event.isEncrypted, content?.type,
            content?.body, replyTo, content?.mentions?.users.orEmpty().map { it.full }.toSet(),
        )
    }

    /** Creates an end-to-end encrypted room (a direct chat as Element makes one, or a private group room). */
    fun createEncryptedRoom(direct: Boolean, vararg invite: String): String = runBlocking {
        client.api.room.createRoom(
            invite = invite.map(::UserId).toSet(), isDirect = direct,
            preset = if (direct) CreateRoom.Request.Preset.TRUSTED_PRIVATE else CreateRoom.Request.Preset.PRIVATE,
            initialState = listOf(InitialStateEvent(EncryptionEventContent(), "")),
        ).getOrThrow().full
    }

    /** Joins a room this person was invited to. */
    fun join(roomId: String) = runBlocking { client.api.room.joinRoom(RoomId(roomId)).getOrThrow(); Unit }

    /** Sends a text message, encrypted when the room is, and returns its event id. */
    fun send(roomId: String, text: String): String = runBlocking {
        val room = RoomId(roomId)
        withTimeout(30.seconds) { client.room.getById(room).first { it != null } }
        val content = RoomMessageEventContent.TextBased.Text(text)
        val sealed = encryption.encrypt(content, room)?.getOrThrow() ?: content
        client.api.room.sendMessageEvent(room, sealed, "human-" + UUID.randomUUID()).getOrThrow().full
    }

    /** Sends a Megolm message of a session nobody has the key of: no device can ever decrypt it. */
    fun sendUndecryptable(roomId: String): String = runBlocking {
        client.api.room.sendMessageEvent(
            RoomId(roomId),
            MegolmEncryptedMessageEventContent(
                ciphertext = MegolmMessageValue("AwgAEhAAAAAAAAAAAAAAAAAAAAAAAAAA"),
                senderKey = null, deviceId = client.deviceId, sessionId = "withheld-" + UUID.randomUUID(),
            ),
        ).getOrThrow().full
    }

    /** The messages seen so far in the room from the sender, oldest first. */
    fun seenFrom(roomId: String, sender: String): List<Seen> =
        seen.filter { it.roomId == roomId && it.sender == sender }

    /** Waits until at least `count` messages from the sender were seen in the room, and returns them all. */
    fun awaitFrom(roomId: String, sender: String, count: Int, timeout: Duration): List<Seen> {
        val deadline = System.nanoTime() + timeout.toNanos()
        while (true) {
            val found = seenFrom(roomId, sender)
            if (found.size >= count) return found
            if (System.nanoTime() > deadline) {
                throw AssertionError("Expected $count message(s) from $sender in $roomId within $timeout; seen: " +
                    seen.joinToString("\n"))
            }
            Thread.sleep(100)
        }
    }

    override fun close() {
        runBlocking { client.closeSuspending() }
        scope.cancel()
    }
}
