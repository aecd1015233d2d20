package org.animfr.animabot.benchmarks;

import java.util.concurrent.TimeUnit;
import org.animfr.animabot.app.AnimabotApplication;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Start-up to ready: the whole application (configuration, Flyway on a new H2 database, the demo data, the
 * Lucene index) from a fresh JVM, once per fork, so every sample is a cold start as an admin would see it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(5)
public class StartupBenchmark {
    private ConfigurableApplicationContext context;

    @Benchmark
    public ConfigurableApplicationContext startUntilReady() {
        context = new SpringApplication(AnimabotApplication.class).run(
                "--animabot.console.enabled=false",
                "--spring.main.keep-alive=false",
                "--spring.datasource.url=jdbc:h2:mem:startup;DB_CLOSE_DELAY=-1",
                "--logging.level.root=error");
        return context;
    }

    @TearDown
    public void close() {
        if (context != null) {
            context.close();
        }
    }
}
