package com.packetjourney.alb.domain;

import com.packetjourney.contracts.k8s.AlbConfig;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RedirectActionTest {
    private static final Listener HTTP_80 = new Listener(80, "HTTP", List.of(), List.of(), "fixed-response:404", null,
            null);
    private static final HttpRequest REQUEST = HttpRequest.of("packet-journey.com", "/docs/intro?lang=en");

    @Test
    void httpToHttpsKeepsHostPathAndQueryAndDropsTheDefaultPort() {
        // The user guide's HTTP to HTTPS example: protocol HTTPS, port 443, the rest left to its defaults.
        RedirectAction redirect = RedirectAction.of(new AlbConfig.Redirect("HTTPS", null, "443", null, null,
                "HTTP_301"), REQUEST, HTTP_80);
        assertThat(redirect.location()).isEqualTo("https://packet-journey.com/docs/intro?lang=en");
        assertThat(redirect.status()).isEqualTo(301);
        assertThat(redirect.statusLine()).isEqualTo("HTTP 301 Moved Permanently");
    }

    @Test
    void placeholdersAreReplacedInEachPart() {
        RedirectAction redirect = RedirectAction.of(new AlbConfig.Redirect("#{protocol}", "www.#{host}", "8080",
                "/new/#{path}", "#{query}&from=#{host}", "HTTP_302"), REQUEST, HTTP_80);
        assertThat(redirect.location())
                .isEqualTo("http://www.packet-journey.com:8080/new/docs/intro?lang=en&from=packet-journey.com");
        assertThat(redirect.statusLine()).isEqualTo("HTTP 302 Found");
    }

    @Test
    void anEmptyQueryLeavesNoQuestionMark() {
        assertThat(RedirectAction.of(new AlbConfig.Redirect("HTTPS", "example.com", "443", "/", null, "HTTP_301"),
                HttpRequest.of("packet-journey.com", "/"), HTTP_80).location()).isEqualTo("https://example.com/");
    }
}
