package io.simestate.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.simestate.core.alert.AlertNotification;
import io.simestate.core.alert.DigestNotification;
import io.simestate.core.alert.Notification;
import io.simestate.mail.RenderedMessages.Rendered;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Issue 12: the messages of a tenant with every setting (name, time zone, portal, Reply-To or not,
 * one-click unsubscribe) say what happens next, whom to contact, when in local time and UTC, with
 * grouped figures; a cut-off looks like one. The HTML parts are written to {@code target/mail-preview}
 * for people to open; with {@code -Dsimestate.mailPng=true} headless Chromium renders each to PNG there.
 */
class MailPreviewTest {

  static final Path FOLDER = Path.of("target", "mail-preview");

  /**
   * The tenant's messages, rendered afresh for each test: a list rendered once when the class loads
   * would show a mutation test the code as it was then, not the mutant it swapped in since.
   */
  private static List<Rendered> tenant() {
    List<Rendered> rendered = new ArrayList<>();
    for (Notification n : RenderedMessages.withTenant()) {
      String name = n instanceof AlertNotification a ? "alert-" + a.alert().kind().name().toLowerCase().replace('_', '-')
          : n instanceof DigestNotification ? "digest-cut-off" : "notice";
      rendered.add(RenderedMessages.render("preview-" + name, name, n));
    }
    return rendered;
  }

  private static Rendered named(String kind) {
    return tenant().stream().filter(r -> r.kind().equals(kind)).findFirst().orElseThrow();
  }

  private static MimeMessage mime(Rendered r) throws Exception {
    return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(r.bytes()));
  }

  @Test
  void aWarningSaysWhatHappensAt100PercentAndLinksThePortal() {
    Rendered warning = named("alert-warning");
    assertThat(warning.content().text()).contains("What happens at 100 %: when the SIM reaches its limit, it is cut off",
        "Portal: https://portal.acme.example/", "Used: 1,843,200 KB", "Limit: 2,048,000 KB", "Share of limit: 90 %");
    assertThat(warning.content().html().markup()).contains("<a href=\"https://portal.acme.example/\"",
        "Open the ACME Connect portal", "WARNING");
  }

  @Test
  void aCutOffSaysHowToRestoreServiceAndLooksSevereInSubjectAndHtml() throws Exception {
    Rendered cutOff = named("alert-cut-off");
    assertThat(mime(cutOff).getSubject()).startsWith("Cut-off (service stopped): SIM 8944500102198304826");
    assertThat(cutOff.content().text()).startsWith("Hello Ana Lima,\n\nSERVICE STOPPED - ")
        .contains("How to restore service: raise the SIM's usage limit or change its plan in the ACME Connect portal");
    assertThat(cutOff.content().html().markup()).contains("role=\"alert\"", "SERVICE STOPPED", "#b3261e");
    assertThat(named("alert-warning").content().html().markup()).doesNotContain("SERVICE STOPPED", "#b3261e");
    assertThat(named("digest-cut-off").content().text()).contains("raise the SIMs' usage limits or change their plans");
  }

  @Test
  void timesShowInTheTenantsZoneWithTheZoneAndInUtc() {
    assertThat(named("alert-warning").content().text())
        .contains("Raised: 2026-11-25 15:03:00 CET (2026-11-25 14:03:00 UTC)");
    assertThat(named("digest-cut-off").content().text()).contains("2026-11-25 15:03:00 CET (2026-11-25 14:03:00 UTC)");
  }

  @Test
  void withReplyToRepliesGoThereAndWithoutItTheMessageSaysWhomToContact() {
    assertThat(named("alert-warning").content().text()).contains("replies go to noc@acme.example");
    assertThat(named("alert-cut-off").content().text()).contains("This address takes no replies: with questions, "
        + "contact the administrator of your account at ACME Connect.");
    assertThat(RenderedMessages.all()).allSatisfy(r -> {
      assertThat(r.content().text()).doesNotContain("replies are not read");
      assertThat(r.content().text()).containsAnyOf("replies go to", "contact the administrator of your account");
    });
  }

  @Test
  void alertsOfATenantWithAnUnsubscribeAddressCarryTheRfc8058HeadersAndOthersDoNot() throws Exception {
    MimeMessage warning = mime(named("alert-warning"));
    assertThat(warning.getHeader("List-Unsubscribe"))
        .containsExactly("<https://portal.acme.example/alerts/unsubscribe?token=1~acme~c~k~WARNING~1~mac>");
    assertThat(warning.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
    assertThat(mime(named("notice")).getHeader("List-Unsubscribe")).isNull();
    assertThat(mime(RenderedMessages.render("plain", "alert", Fixtures.alert("Northwind", Fixtures.contact("Ana",
        "ana@northwind.example")))).getHeader("List-Unsubscribe")).isNull();
  }

  @Test
  void aHostileTenantNameAndPortalAddressStayText() {
    Rendered hostile = RenderedMessages.all().stream().filter(r -> r.name().equals("tenant-hostile-name-alert"))
        .findFirst().orElseThrow();
    assertThat(hostile.content().html().markup()).doesNotContain("<img", "a\"b")
        .contains("&lt;img src=x onerror=alert(1)&gt; &amp; &quot;ACME&quot; &#39;Connect&#39;");
  }

  @Test
  void theHtmlPartsAreWrittenForPeopleToLookAt() throws IOException {
    Files.createDirectories(FOLDER);
    for (Rendered r : tenant()) {
      Path html = FOLDER.resolve(r.kind() + ".html");
      Files.writeString(html, r.content().html().markup(), StandardCharsets.UTF_8);
      assertThat(html).isNotEmptyFile();
    }
  }

  @Test
  @EnabledIfSystemProperty(named = "simestate.mailPng", matches = "true")
  void headlessChromiumRendersEachToPng() throws Exception {
    theHtmlPartsAreWrittenForPeopleToLookAt();
    for (Rendered r : tenant()) {
      Path html = FOLDER.resolve(r.kind() + ".html").toAbsolutePath();
      Path png = FOLDER.resolve(r.kind() + ".png").toAbsolutePath();
      Files.deleteIfExists(png);
      Process chromium = new ProcessBuilder("chromium", "--headless", "--no-sandbox", "--disable-gpu",
          "--disable-background-networking", "--hide-scrollbars", "--window-size=760,1100",
          "--screenshot=" + png, html.toUri().toString())
          .redirectErrorStream(true).redirectOutput(FOLDER.resolve(r.kind() + ".chromium.log").toFile()).start();
      assertThat(chromium.waitFor()).as("chromium exit code for %s", r.kind()).isZero();
      assertThat(png).isNotEmptyFile();
    }
  }
}
