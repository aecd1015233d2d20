package org.animfr.animabot.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import javax.sql.DataSource;
import org.animfr.animabot.core.chat.spi.AnsweredMessages;
import org.animfr.animabot.core.chat.spi.PlatformState;
import org.animfr.animabot.core.metrics.BotMetrics;
import org.animfr.animabot.matrix.EncryptionStore;
import org.animfr.animabot.matrix.MatrixChatPlatform;
import org.animfr.animabot.matrix.MatrixSettings;
import org.animfr.animabot.matrix.SyncTokenStore;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Matrix adapter, when a homeserver and credentials are configured; its sync token, the messages it answered
 * and, with end-to-end encryption on (the default), its device and keys live in the database.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${animabot.matrix.homeserver:}'.isBlank()")
class MatrixConfiguration {
    private static final String SYNC_TOKEN = "sync-token";

    @Bean
    MatrixChatPlatform matrixChatPlatform(AnimabotProperties properties, PlatformState state,
            AnsweredMessages answered, Clock clock, DataSource dataSource, BotMetrics metrics) {
        AnimabotProperties.Matrix matrix = properties.matrix();
        MatrixSettings settings = new MatrixSettings(matrix.homeserver(), matrix.accessToken(), matrix.user(),
                matrix.password(), matrix.commandPrefix(), matrix.inviteAllowList(), matrix.organizerPowerLevel());
        SyncTokenStore syncTokens = new SyncTokenStore() {
            @Override
            public Optional<String> load() {
                return state.get(MatrixChatPlatform.NAME, SYNC_TOKEN);
            }

            @Override
            public void save(String token) {
                state.put(MatrixChatPlatform.NAME, SYNC_TOKEN, token);
            }
        };
        MatrixChatPlatform platform = !matrix.encryption()
                ? new MatrixChatPlatform(settings, syncTokens, answered, clock)
                : new MatrixChatPlatform(settings, syncTokens, answered, clock,
                        new EncryptionStore(dataSource, matrix.encryptionSchema(), Path.of(matrix.mediaDirectory())));
        platform.measure(metrics);
        return platform;
    }
}
