package com.packetjourney.contracts;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every place outside Java code that names hops agrees with {@link HopChain#STANDARD}: each hop service reads the
 * topic of the hop before it and writes its own, and the Prometheus configurations scrape every service. (The
 * CLI, the benchmark and the viewer read the chain itself; the AsyncAPI document is checked by AsyncApiTest.)
 */
class HopChainAgreementTest {
    private static final Path ROOT = Path.of("..");
    private static final Pattern CHANNEL_TOPIC =
            Pattern.compile("mp\\.messaging\\.(incoming|outgoing)\\.([\\w-]+)\\.topic");

    @Test
    void eachHopServiceReadsThePreviousHopsTopicAndWritesItsOwn() throws IOException {
        for (HopDefinition hop : HopChain.STANDARD.hops()) {
            Properties config = applicationProperties(hop.service());
            assertThat(config.getProperty("quarkus.application.name")).isEqualTo(hop.service());
            List<String> outgoing = topics(config, "outgoing");
            assertThat(outgoing).as(hop.service() + " writes").containsExactly(hop.topic());
            List<String> incoming = topics(config, "incoming");
            HopChain.STANDARD.inputTopic(hop.number()).ifPresentOrElse(
                    input -> assertThat(incoming).as(hop.service() + " reads").contains(input),
                    () -> assertThat(incoming).as(hop.service() + " starts journeys and reads no hop").isEmpty());
            // any other hop topic it reads is a return leg from later in the chain (the ALB hears the pod's answer)
            int place = HopChain.STANDARD.position(hop.number());
            for (String topic : incoming) {
                int readPlace = HopChain.STANDARD.topics().indexOf(topic);
                assertThat(readPlace == place - 1 || readPlace > place).as(hop.service() + " reads " + topic).isTrue();
            }
        }
    }

    @Test
    void everyServiceIsScrapedUnderItsOwnName() throws IOException {
        for (String file : List.of("observability/prometheus.yml", "observability/prometheus-compose.yml")) {
            String config = Files.readString(ROOT.resolve(file));
            for (String service : Topics.SERVICES) {
                assertThat(config).as(file).contains("service: " + service);
            }
            for (HopDefinition hop : HopChain.STANDARD.hops()) {
                assertThat(Topics.SERVICES).contains(hop.service());
            }
        }
    }

    private static Properties applicationProperties(String service) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(ROOT.resolve("services").resolve(service)
                .resolve("src/main/resources/application.properties"))) {
            properties.load(in);
        }
        return properties;
    }

    private static List<String> topics(Properties config, String direction) {
        List<String> topics = new ArrayList<>();
        for (String name : config.stringPropertyNames()) {
            Matcher m = CHANNEL_TOPIC.matcher(name);
            if (m.matches() && m.group(1).equals(direction)) {
                String topic = config.getProperty(name);
                if (topic.startsWith("pj.hop.")) {
                    topics.add(topic);
                }
            }
        }
        return topics;
    }
}
