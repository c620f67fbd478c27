package com.packetjourney.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The harness end to end in --quick mode on a stack of its own. No figure is judged: this machine's speed is not. */
class BenchmarkSmokeIT {

    @Test
    void quickRunProducesEveryFigureAndWritesTheResults() {
        Path home = Path.of(System.getProperty("pj.home", "..")).toAbsolutePath().normalize();
        Path results = Path.of("target/smoke-results").toAbsolutePath();

        Benchmark.Outcome outcome = Benchmark.run(home, Benchmark.Settings.smoke(),
                Path.of("target/smoke-stack").toAbsolutePath(), results, null, System.out::println);

        Report.Figures f = outcome.figures();
        assertThat(outcome.file()).exists().startsWith(results);
        assertThat(outcome.file()).content().contains("## Throughput", "## Latency", "## Per hop", "## Replay",
                "## Footprint");
        assertThat(f.stack().throughput()).singleElement().satisfies(c -> assertThat(c.completed()).isPositive());
        assertThat(f.chain().throughput()).singleElement().satisfies(c -> assertThat(c.completed()).isPositive());
        assertThat(f.stack().latency()).singleElement()
                .satisfies(o -> assertThat(o.run().endToEnd().getTotalCount()).isPositive());
        assertThat(f.chain().latency()).singleElement()
                .satisfies(o -> assertThat(o.run().endToEnd().getTotalCount()).isPositive());
        assertThat(f.replay().replayEvents()).isPositive();
        assertThat(f.replay().plainEvents()).isPositive();
        assertThat(f.usage()).hasSize(11).allSatisfy((process, kib) -> assertThat(kib[0]).isPositive());
        assertThat(f.readySeconds()).isPositive();
    }
}
