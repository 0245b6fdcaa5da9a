package dev.hotkeylab.example;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotkeylab.broker.KafkaBackend;
import dev.hotkeylab.junit.KafkaTest;
import java.util.Arrays;
import java.util.ServiceLoader;
import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.SLF4JServiceProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.logging.logback.LogbackLoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The README's producer inside a Spring Boot 3 application that declares hotkey-lab first: it starts (with a log4j
 * binding from hotkey-lab, Spring Boot would stop with "log4j-slf4j2-impl cannot be present with log4j-to-slf4j"),
 * logs through Logback alone, and spreads the hot concert on Spring Boot's kafka-clients 3.x.
 * Runs only with {@code -Pspring-boot3}, against the broker named by {@code hotkey.bootstrap}.
 */
@KafkaTest
class SpringBootStartTest {

    @SpringBootApplication
    static class TicketApp {
        @Bean(destroyMethod = "close")
        TicketProducer ticketProducer(@Value("${tickets.bootstrap}") String bootstrap,
                                      @Value("${tickets.topic}") String topic) {
            return new TicketProducer(bootstrap, topic);
        }
    }

    @Test
    void startsWithOneLoggingSystemAndSpreadsTheHotConcert(KafkaBackend kafka, TestReporter reporter) throws Exception {
        String topic = Topics.create(kafka, "tickets-boot", 3);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(TicketApp.class)
                .web(WebApplicationType.NONE)
                .properties("tickets.bootstrap=" + kafka.bootstrapServers(), "tickets.topic=" + topic,
                        "spring.main.banner-mode=off", "spring.main.log-startup-info=false")
                .run()) {
            int[] perPartition = app.getBean(TicketProducer.class).send(500, 42, 3);
            reporter.publishEntry("Spring Boot " + SpringBootVersion.getVersion() + ", kafka-clients "
                    + AppInfoParser.getVersion() + ": records per partition " + Arrays.toString(perPartition));

            assertThat(AppInfoParser.getVersion()).as("Spring Boot 3.5's managed kafka-clients").startsWith("3.");
            assertThat(Arrays.stream(perPartition).min().orElseThrow())
                    .as("fewest records on a partition of %s", Arrays.toString(perPartition)).isPositive();
            assertThat(LoggingSystem.get(getClass().getClassLoader())).isInstanceOf(LogbackLoggingSystem.class);
            assertThat(LoggerFactory.getILoggerFactory().getClass().getName())
                    .isEqualTo("ch.qos.logback.classic.LoggerContext");
            assertThat(ServiceLoader.load(SLF4JServiceProvider.class).stream().map(p -> p.type().getName()).toList())
                    .as("SLF4J providers on the classpath")
                    .containsExactly("ch.qos.logback.classic.spi.LogbackServiceProvider");
            assertThat(getClass().getClassLoader().getResource("log4j2.xml")).as("a log4j2.xml on the classpath")
                    .isNull();
        }
    }
}
