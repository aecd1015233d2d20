package org.animfr.animabot.matrix.bridge

import de.connect2x.trixnity.client.CryptoDriverModule
import de.connect2x.trixnity.client.MatrixClient
import de.connect2x.trixnity.client.MediaStoreModule
import de.connect2x.trixnity.client.RepositoriesModule
import de.connect2x.trixnity.client.create
import de.connect2x.trixnity.client.cryptodriver.vodozemac.vodozemac
import de.connect2x.trixnity.client.media.okio.okio
import de.connect2x.trixnity.client.room
import de.connect2x.trixnity.client.room.RoomEventEncryptionService
import de.connect2x.trixnity.client.room.decrypt
import de.connect2x.trixnity.client.room.encrypt
import de.connect2x.trixnity.client.store.AccountStore
import de.connect2x.trixnity.client.store.repository.exposed.exposed
import de.connect2x.trixnity.clientserverapi.client.MatrixClientAuthProviderData
import de.connect2x.trixnity.clientserverapi.client.SyncState
import de.connect2x.trixnity.clientserverapi.client.classic
import de.connect2x.trixnity.clientserverapi.client.classicLoginWithPassword
import de.connect2x.trixnity.clientserverapi.model.authentication.IdentifierType
import de.connect2x.trixnity.core.ClientEventEmitter.Priority
import de.connect2x.trixnity.core.model.EventId
import de.connect2x.trixnity.core.model.RoomId
import de.connect2x.trixnity.core.model.events.ClientEvent
import de.connect2x.trixnity.core.model.events.ClientEvent.RoomEvent.MessageEvent
import de.connect2x.trixnity.core.model.events.InitialStateEvent
import de.connect2x.trixnity.core.model.events.MessageEventContent
import de.connect2x.trixnity.core.model.events.m.room.EncryptedMessageEventContent
import de.connect2x.trixnity.core.model.events.m.room.EncryptionEventContent
import io.ktor.client.engine.cio.CIO
import io.ktor.http.Url
import java.nio.file.Path
import java.lang.reflect.InvocationTargetException
import java.lang.reflect.Proxy
import java.sql.Connection
import java.util.concurrent.CompletableFuture
import java.util.concurrent.ConcurrentHashMap
import java.util.concurrent.TimeUnit
import javax.sql.DataSource
import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.TimeoutCancellationException
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.flow.first
import kotlinx.coroutines.flow.toList
import kotlinx.coroutines.future.future
import kotlinx.coroutines.launch
import kotlinx.coroutines.withTimeout
import okio.Path.Companion.toOkioPath
import org.jetbrains.exposed.sql.Database
import org.slf4j.LoggerFactory
import kotlin.time.Duration.Companion.seconds

/**
 * [MatrixBridge] on Trixnity's full client, for end-to-end encrypted rooms: the client keeps the bot's device and
 * keys in the bot's database (its own schema), runs the sync itself (it must read every response for the keys it
 * carries) and hands each response to the adapter with its encrypted messages decrypted; what the bot sends into an
 * encrypted room is encrypted first, sent with the adapter's own transaction id. Transport only, like its parent.
 */
class EncryptingTrixnityBridge private constructor(private val client: MatrixClient) : TrixnityBridge(client.api) {
    private val encryption: List<RoomEventEncryptionService> by lazy { client.di.getAll() }
    /** The rooms this bot created encrypted, whose first messages must wait for the client to know it. */
    private val createdEncrypted: MutableSet<RoomId> = ConcurrentHashMap.newKeySet()

    companion object {
        private val LOG = LoggerFactory.getLogger(EncryptingTrixnityBridge::class.java)
        /** How long a message may wait for its room key, which usually comes in the same sync or the one before. */
        private val DECRYPTION_TIMEOUT = 10.seconds
        private val ROOM_KNOWN_TIMEOUT = 30.seconds
        /** The adapter's own sync filter: a hundred events per room, no presence. */
        private const val CATCH_UP_FILTER = "{\"room\":{\"timeline\":{\"limit\":100}},\"presence\":{\"types\":[]}}"

        /**
         * Opens the bot's device from its store, or, on an empty store, logs in (with the access token, or the user
         * and password as device `deviceId`) and creates it. The store's tables live in `schema` of the database.
         */
        @JvmStatic
        fun open(
            baseUrl: String, accessToken: String?, user: String?, password: String?, deviceId: String,
            dataSource: DataSource, schema: String, mediaDirectory: Path,
        ): CompletableFuture<MatrixBridge> = CoroutineScope(Dispatchers.IO).future {
            val database = storeDatabase(dataSource, schema)
            suspend fun create(auth: MatrixClientAuthProviderData?) = MatrixClient.create(
                repositoriesModule = RepositoriesModule.exposed(database),
                mediaStoreModule = MediaStoreModule.okio(mediaDirectory.toOkioPath()),
                cryptoDriverModule = CryptoDriverModule.vodozemac(),
                authProviderData = auth,
                coroutineContext = Dispatchers.Default,
            ) {
                name = "animabot"
                httpClientEngine = CIO.create()
                // the bot reads each message once: no plaintext of it is kept at rest
                storeTimelineEventContentUnencrypted = false
            }

            // a store with an account opens without credentials; only an empty one needs them
            val restored = create(null)
            restored.getOrNull()?.let { stored -> requireConfiguredAccount(stored, baseUrl, accessToken, user, schema) }
            val client = restored.getOrNull() ?: run {
                val error = restored.exceptionOrNull()!!
                if (error !is IllegalArgumentException) throw error
                LOG.info("No Matrix device in the store yet: signing in to create the bot's device")
                val auth = if (accessToken != null) {
                    MatrixClientAuthProviderData.classic(Url(baseUrl), accessToken)
                } else {
                    MatrixClientAuthProviderData.classicLoginWithPassword(
                        baseUrl = Url(baseUrl), identifier = IdentifierType.User(user!!), password = password!!,
                        deviceId = deviceId, initialDeviceDisplayName = "Animabot", httpClientEngine = CIO.create(),
                    ).value()
                }
                create(auth).value()
            }
            LOG.info("Matrix device {} of {} opened, end-to-end encryption on", client.deviceId, client.userId.full)
            EncryptingTrixnityBridge(client)
        }

        /**
         * The store's device must be the configured account's: one opened for another account would sync as that
         * account, and the bot would never see its own rooms. Closes the client and names the fix otherwise.
         */
        private suspend fun requireConfiguredAccount(
            stored: MatrixClient, baseUrl: String, accessToken: String?, user: String?, schema: String,
        ) {
            val configured = if (accessToken != null) {
                val api = plainApi(baseUrl, accessToken)
                try {
                    api.authentication.whoAmI().value().userId.full
                } finally {
                    api.close()
                }
            } else {
                user!!
            }
            val same = if (configured.startsWith("@")) configured == stored.userId.full
                else configured == stored.userId.localpart
            if (!same) {
                stored.closeSuspending()
                throw StoreOfAnotherAccountException(schema, stored.userId.full, configured)
            }
        }

        /**
         * The database with every connection in the store's schema, created when missing. The connections are the
         * bot's pool's: each goes back to it in the schema it came in, since a pool need not reset it.
         */
        private fun storeDatabase(dataSource: DataSource, schema: String): Database {
            val name = dataSource.connection.use { connection ->
                val name = if (connection.metaData.storesUpperCaseIdentifiers()) schema.uppercase() else schema.lowercase()
                connection.createStatement().use { it.execute("CREATE SCHEMA IF NOT EXISTS $name") }
                name
            }
            return Database.connect({ inSchema(dataSource.connection, name) })
        }

        /** The connection, switched to the schema until it is closed, when it is switched back. */
        private fun inSchema(connection: Connection, schema: String): Connection {
            val original = connection.schema
            connection.schema = schema
            return Proxy.newProxyInstance(Connection::class.java.classLoader, arrayOf(Connection::class.java)) { _, method, args ->
                if (method.name == "close" && method.parameterCount == 0) {
                    try {
                        if (!connection.isClosed) connection.schema = original
                    } finally {
                        connection.close()
                    }
                    null
                } else {
                    try {
                        method.invoke(connection, *(args ?: emptyArray()))
                    } catch (e: InvocationTargetException) {
                        throw e.targetException
                    }
                }
            } as Connection
        }
    }

    override fun syncsByItself(): Boolean = true

    override fun syncedBefore(): CompletableFuture<Boolean> = async {
        client.di.get<AccountStore>().getAccount()?.syncBatchToken != null
    }

    override fun startSync(since: String?, listener: OwnSyncListener): CompletableFuture<Void?> = async {
        val own = client.di.get<AccountStore>().getAccount()?.syncBatchToken
        if (!since.isNullOrBlank() && own != null && since != own) {
            catchUp(since, listener)
        }
        client.api.sync.subscribe(Priority.AFTER_DEFAULT) { events ->
            val response = events.syncResponse
            // the client also hands its subscribers responses of its own making, with no token (the members it
            // loads for a room): nothing the homeserver sent, and no position to resume from
            if (response.nextBatch.isBlank()) return@subscribe
            try {
                // the keys this response brought are stored by now; a message whose key is late waits for it
                val decrypted = client.room.getTimelineEvents(response, DECRYPTION_TIMEOUT).toList()
                    .associateBy { it.event.id }
                listener.onResponse(mapped(response) { roomId, event ->
                    val timelineEvent = (event as? MessageEvent<*>)?.let { decrypted[it.id] }
                    when {
                        event is MessageEvent<*> && event.content is EncryptedMessageEventContent ->
                            when (val content = timelineEvent?.content?.getOrNull()) {
                                null -> undecryptable(roomId, event)
                                else -> event(roomId, event, content)
                            }
                        else -> event(roomId, event)
                    }
                })
            } catch (e: CancellationException) {
                throw e
            } catch (e: Exception) {
                // a batch that cannot be read is logged, never stops the sync: it would come back forever
                LOG.warn("Could not read a Matrix sync response", e)
            }
        }
        scope.launch {
            client.syncState.collect { state ->
                if (state == SyncState.ERROR || state == SyncState.TIMEOUT) {
                    listener.onFailing("the homeserver did not answer the sync (${state.name.lowercase()}), retrying")
                }
            }
        }
        // a first sync of a busy account may take long: the sync goes on in the client's own coroutine
        client.startSync(presence = null)
        null
    }

    /**
     * What the adapter had not answered when it stopped: the client has read further than the adapter's token (it
     * keeps its own), so the bot reads from the adapter's token once, apart, without moving the client's position
     * nor taking its to-device messages (a sync acknowledges only up to the token it is given), and decrypts with the
     * keys the client stored meanwhile. Messages already answered are recognized by the adapter.
     */
    private suspend fun catchUp(since: String, listener: OwnSyncListener) {
        LOG.info("Reading again what the bot had read but not answered before it stopped")
        val response = client.api.sync.sync(filter = CATCH_UP_FILTER, since = since).value()
        val decrypted = HashMap<EventId, MessageEventContent>()
        response.room?.join.orEmpty().values.flatMap { it.timeline?.events.orEmpty() }
            .filterIsInstance<MessageEvent<*>>()
            .filter { it.content is EncryptedMessageEventContent }
            .forEach { event ->
                val content = try {
                    withTimeout(DECRYPTION_TIMEOUT) { encryption.decrypt(event)?.getOrNull() }
                } catch (e: TimeoutCancellationException) {
                    null
                }
                if (content != null) decrypted[event.id] = content
            }
        listener.onResponse(mapped(response) { roomId, event ->
            when {
                event is MessageEvent<*> && event.content is EncryptedMessageEventContent ->
                    decrypted[event.id]?.let { event(roomId, event, it) } ?: undecryptable(roomId, event)
                else -> event(roomId, event)
            }
        })
    }

    private fun undecryptable(roomId: RoomId, event: MessageEvent<*>): RoomMessage =
        RoomMessage(roomId.full, event.id.full, event.sender.full, RoomMessage.UNDECRYPTABLE, "", null, null, false,
            emptySet(), event.originTimestamp)

    override fun newRoomState(): List<InitialStateEvent<*>> = listOf(InitialStateEvent(EncryptionEventContent(), ""))

    override fun createDirectRoom(userId: String): CompletableFuture<String> =
        super.createDirectRoom(userId).thenApply { room -> room.also { createdEncrypted += RoomId(it) } }

    override suspend fun sealed(roomId: RoomId, content: MessageEventContent): MessageEventContent {
        // the client reads the room's encryption from its store: wait until the room's state is there (a room the
        // bot has just created is not, until the sync brings it), or it would be sent unencrypted
        val madeEncrypted = roomId in createdEncrypted
        withTimeout(ROOM_KNOWN_TIMEOUT) {
            client.room.getById(roomId).first { it?.createEventContent != null && (it.encrypted || !madeEncrypted) }
        }
        return encryption.encrypt(content, roomId)?.value() ?: content
    }

    override fun close() {
        try {
            scope.future { client.closeSuspending() }.get(10, TimeUnit.SECONDS)
        } catch (e: Exception) {
            LOG.debug("Closing the Matrix client did not end cleanly", e)
        }
        super.close()
    }
}
