package org.animfr.animabot.core.chat.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Background threads that read well in a thread dump and never keep the bot alive. */
class DaemonThreadsTest {

    @Test
    void aFactoryNamesItsThreadsInTurnAndMakesThemDaemons() {
        ThreadFactory factory = DaemonThreads.named("discord-send");

        Thread first = factory.newThread(() -> {});
        Thread second = factory.newThread(() -> {});

        assertThat(first.getName()).isEqualTo("discord-send-1");
        assertThat(second.getName()).isEqualTo("discord-send-2");
        assertThat(first.isDaemon()).isTrue();
        assertThat(second.isDaemon()).isTrue();
    }

    @Test
    void twoFactoriesCountTheirThreadsSeparately() {
        DaemonThreads.named("a").newThread(() -> {});

        assertThat(DaemonThreads.named("b").newThread(() -> {}).getName()).isEqualTo("b-1");
    }

    @Test
    void aStartedThreadRunsItsWorkAsANamedDaemon() throws InterruptedException {
        CountDownLatch ran = new CountDownLatch(1);

        Thread thread = DaemonThreads.start("matrix-sync", ran::countDown);

        assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(thread.getName()).isEqualTo("matrix-sync");
        assertThat(thread.isDaemon()).isTrue();
    }
}
