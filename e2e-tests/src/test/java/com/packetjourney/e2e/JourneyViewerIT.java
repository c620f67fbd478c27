package com.packetjourney.e2e;

import com.packetjourney.cli.ScenarioLoader;
import com.packetjourney.cli.Stack;
import com.packetjourney.cli.StackClient;
import com.packetjourney.cli.StackState;
import com.packetjourney.contracts.hop.AlbForwarded;
import com.packetjourney.contracts.hop.DhcpConfigured;
import com.packetjourney.contracts.hop.DnsResolved;
import com.packetjourney.contracts.journey.JourneyStatus;
import com.packetjourney.contracts.journey.JourneyView;
import com.packetjourney.contracts.world.LoadBalancer;
import com.packetjourney.contracts.world.Scenario;
import com.packetjourney.testsupport.SharedKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The journey viewer journey-log serves at /, in a real browser (Debian's headless chromium through its
 * chromedriver, so Selenium downloads nothing), on a stack of every packaged service: a journey's hops are clicked
 * and stepped through, the detail pane shows what each hop decided, and screenshots land in target/. Skipped where
 * chromium or chromedriver is not installed.
 */
class JourneyViewerIT {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String URL = "https://packet-journey.com/";
    private static final Duration WAIT = Duration.ofSeconds(30);

    static Stack stack;
    static StackClient client;
    static String viewer;
    static JourneyView completed;
    static JourneyView failed;

    WebDriver driver;
    Path profile;

    @BeforeAll
    static void startStack() {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "chromium and chromedriver are not installed (apt-get install chromium chromium-driver)");
        Path home = Path.of(System.getProperty("pj.home", "..")).toAbsolutePath().normalize();
        Scenario scenario = ScenarioLoader.read(home.resolve("scenarios/eks-nginx.yaml"));
        // a state directory of its own: another run of the module at the same time must not share its logs
        stack = new Stack(home, Path.of("target/viewer-stack-" + ProcessHandle.current().pid()).toAbsolutePath(),
                System.out::println);
        StackState state = stack.up(scenario, "scenarios/eks-nginx.yaml", E2e.freePortBase(), 0,
                SharedKafka.bootstrapServers(), Duration.ofSeconds(240));
        client = new StackClient(state);
        LoadBalancer alb = scenario.loadBalancers().get(0);
        E2e.await(() -> client.healthyTargets(alb.name()) >= ScenarioLoader.expectedReplicas(scenario),
                Duration.ofSeconds(90));
        viewer = state.urlOf("journey-log");
        String id = client.send(URL, null, null, "viewer-" + UUID.randomUUID());
        completed = client.awaitEnd(id, Duration.ofSeconds(60)).orElseThrow();
        assertThat(completed.status()).isEqualTo(JourneyStatus.COMPLETED);
        String missing = client.send("https://no-such-host.packet-journey.com/", null, null,
                "viewer-" + UUID.randomUUID());
        failed = client.awaitEnd(missing, Duration.ofSeconds(60)).orElseThrow();
        assertThat(failed.status()).isEqualTo(JourneyStatus.FAILED);
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.stop();
        }
    }

    @BeforeEach
    void openBrowser() throws IOException {
        profile = Files.createTempDirectory("pj-chromium-");
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run", "--user-data-dir=" + profile, "--window-size=1440,1400");
        // the driver is named explicitly, so Selenium Manager has nothing to look up or download
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1440, 1400));
    }

    @AfterEach
    void closeBrowser() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        try (var files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    @Test
    void aJourneyIsSteppedThroughHopByHopWithEachHopsDetails() throws IOException {
        driver.get(viewer + "/#/journeys/" + completed.journeyId());
        WebDriverWait wait = new WebDriverWait(driver, WAIT);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#waterfall .hop-row[data-hop='5']")));
        assertThat(driver.findElement(By.id("journey-status")).getText()).contains("COMPLETED");
        assertThat(driver.findElements(By.cssSelector("#waterfall .hop-row:not(.unreached)"))).hasSize(6);

        DhcpConfigured dhcp = (DhcpConfigured) completed.hops().get(1).payload();
        driver.findElement(By.cssSelector("#waterfall .hop-row[data-hop='1']")).click();
        assertThat(detail()).contains("dhcp.configured").contains(dhcp.lease().address())
                .contains(completed.hops().get(1).eventId());
        assertThat(driver.findElement(By.id("hop-position")).getText()).isEqualTo("hop 2 of 6");

        new Actions(driver).sendKeys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT).perform();
        AlbForwarded alb = (AlbForwarded) completed.hops().get(4).payload();
        wait.until(ExpectedConditions.textToBe(By.id("hop-position"), "hop 5 of 6"));
        assertThat(detail()).contains("alb.forwarded").contains(alb.target().ip())
                .contains(alb.target().pod()).contains("registeredBy").contains(alb.target().registeredBy())
                .contains("rule matched").contains(alb.tls().sni());

        driver.findElement(By.id("next-hop")).click();
        wait.until(ExpectedConditions.textToBe(By.id("hop-position"), "hop 6 of 6"));
        assertThat(driver.findElement(By.id("next-hop")).isEnabled()).isFalse();
        assertThat(detail()).contains("pod.responded").contains("assignedBy");
        new Actions(driver).sendKeys(Keys.ARROW_LEFT).perform();
        wait.until(ExpectedConditions.textToBe(By.id("hop-position"), "hop 5 of 6"));
        assertThat(driver.getCurrentUrl()).endsWith("/hops/4");

        screenshot("journey-viewer.png");
    }

    @Test
    void aDnsHopOpensIntoItsQueriesAndTheirBytesReadAsAHexDump() throws IOException {
        // a name no cache can know (the tests share a broker, and with it the resolver's caches): the resolver asks
        String name = "viewer-" + UUID.randomUUID() + ".packet-journey.com";
        JourneyView journey = client.awaitEnd(client.send("https://" + name + "/", null, null,
                "viewer-" + UUID.randomUUID()), Duration.ofSeconds(60)).orElseThrow();
        DnsResolved dns = (DnsResolved) journey.hops().get(2).payload();
        assertThat(dns.steps()).as("queries of the resolver").isNotEmpty();
        driver.get(viewer + "/#/journeys/" + journey.journeyId() + "/hops/2");
        WebDriverWait wait = new WebDriverWait(driver, WAIT);
        wait.ignoring(StaleElementReferenceException.class);
        wait.until(ExpectedConditions.attributeContains(
                By.cssSelector("#journey-list li[data-id='" + journey.journeyId() + "']"), "class", "selected"));
        assertThat(driver.findElement(By.id("download-pcap")).getAttribute("href"))
                .endsWith("/journeys/" + journey.journeyId() + "/pcap");
        assertThat(driver.findElement(By.id("download-trace")).getAttribute("href"))
                .endsWith("/journeys/" + journey.journeyId() + "/trace");

        // ▸ opens the hop: the laptop's query, the router's forward and, inside it, each query of the resolver
        wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#waterfall .hop-row[data-type='dns.resolved'] .toggle"))).click();
        List<String> stepNames = wait.until(d -> {
            List<String> names = d.findElements(By.cssSelector("#waterfall .step-row[data-hop='2']")).stream()
                    .map(WebElement::getText).toList();
            return names.size() == 2 + dns.steps().size() ? names : null;
        });
        for (DnsResolved.DnsStep step : dns.steps()) {
            assertThat(stepNames).anySatisfy(n -> assertThat(n).contains(step.server()));
        }

        // a query of the resolver: the frame it sent, as a bytes pane shows it
        driver.findElement(By.cssSelector("#waterfall .step-row[data-hop='2'][data-path='1.0']")).click();
        String frame = wait.until(d -> d.findElement(By.cssSelector("#hop-detail pre.hexdump")).getText());
        assertThat(frame.split("\n")[0])
                .matches("0000  ([0-9a-f]{2} ){7}[0-9a-f]{2}  ([0-9a-f]{2} ){7}[0-9a-f]{2}   .{16}");
        assertThat(detail()).contains(dns.steps().get(0).serverIp()).contains("resolver eth0");

        // the hop itself: the query as the resolver encoded it, in hex, the line the test computes from its bytes
        driver.findElement(By.cssSelector("#waterfall .hop-row[data-hop='2']")).click();
        String wire = wait.until(d -> d.findElement(By.cssSelector("#hop-detail pre.hexdump[aria-label='queryWire']"))
                .getText());
        assertThat(wire.split("\n")[0]).isEqualTo(hexLine(Base64.getDecoder().decode(dns.steps().get(0).queryWire())));

        // the wall-time timeline: where each event is in the log
        List<WebElement> logged = driver.findElements(By.cssSelector("#wall-timeline .wall-row"));
        assertThat(logged).hasSize(journey.hops().size());
        assertThat(logged.get(2).getText()).contains("pj.hop.dns").contains("partition").contains("offset");

        screenshot("journey-viewer-steps.png");
    }

    @Test
    void aFailureIsShownWhereItHappenedWithItsCodeAndExplanation() throws IOException {
        driver.get(viewer + "/#/journeys/" + failed.journeyId());
        WebDriverWait wait = new WebDriverWait(driver, WAIT);
        wait.ignoring(StaleElementReferenceException.class);
        // Live updates may re-render the waterfall between finding a row and reading it: read it afresh each try.
        List<String> failedRow = wait.until(d -> {
            WebElement row = d.findElement(By.cssSelector("#waterfall .hop-row.failed"));
            return List.of(row.getAttribute("data-type"), row.getText());
        });
        assertThat(failedRow.get(0)).isEqualTo(failed.failedHop());
        assertThat(failedRow.get(1)).contains(failed.failureCode().name());
        String banner = wait.until(d -> d.findElement(By.id("journey-banner")).getText());
        assertThat(banner).contains(failed.failureCode().name()).contains(failed.failureCode().explanation());
        // the viewer opens a failed journey at the hop that failed
        assertThat(detail()).contains("FAILED " + failed.failureCode().name())
                .contains(failed.failureCode().explanation()).contains(failed.failureMessage());
        assertThat(driver.findElements(By.cssSelector("#waterfall .hop-row.unreached"))).isNotEmpty();

        screenshot("journey-viewer-failed.png");
    }

    @Test
    void aNewJourneyAppearsInTheListLive() {
        driver.get(viewer + "/");
        WebDriverWait wait = new WebDriverWait(driver, WAIT);
        wait.until(ExpectedConditions.textToBe(By.id("live-text"), "live"));
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#journey-list li[data-id='" + completed.journeyId() + "']")));

        String id = client.send(URL, null, null, "viewer-live-" + UUID.randomUUID());
        WebElement item = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#journey-list li[data-id='" + id + "'][data-status='COMPLETED']")));
        assertThat(driver.findElements(By.cssSelector("#journey-list li")).get(0).getAttribute("data-id"))
                .isEqualTo(id);
        item.click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("journey-meta"), id));
    }

    /** The first line of a hex dump: offset, two groups of eight bytes, the printable ones as ASCII. */
    private static String hexLine(byte[] bytes) {
        StringBuilder hex = new StringBuilder();
        StringBuilder ascii = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            hex.append(i == 8 ? "  " : i > 0 ? " " : "").append(String.format("%02x", bytes[i] & 0xff));
            ascii.append(bytes[i] >= 0x20 && bytes[i] < 0x7f ? (char) bytes[i] : '.');
        }
        return "0000  " + hex + "   " + ascii;
    }

    /** The detail pane's text, read again if a live update replaced the element while it was being read. */
    private String detail() {
        return new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("hop-detail")).getText());
    }

    private void screenshot(String name) throws IOException {
        File png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Path target = Path.of("target", name).toAbsolutePath();
        Files.createDirectories(target.getParent());
        Files.copy(png.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        System.out.println("screenshot " + target);
    }
}
