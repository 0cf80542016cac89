package io.simestate.mail;

import static io.simestate.mail.Fixtures.alert;
import static io.simestate.mail.Fixtures.contact;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.simestate.core.alert.SendResult;
import io.simestate.core.alert.SendResult.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * TLS and authentication: SMTPS against GreenMail with a throw-away certificate for 127.0.0.1,
 * STARTTLS required, and SMTP AUTH.
 */
class TransportSecurityTest {

  private static final String PASSWORD = "changeit";

  static {
    installTestCertificate();
  }

  @RegisterExtension
  static final GreenMailExtension smtps = GreenMailSupport.server(ServerSetup.PROTOCOL_SMTPS);

  @RegisterExtension
  static final GreenMailExtension smtp = GreenMailSupport.smtpServer();

  @Test
  void smtpsDeliversOverTlsToAServerWhoseCertificateNamesTheHost() {
    SmtpNotificationSender sender = Fixtures.localSender(smtps.getSmtps().getPort())
        .security(SmtpSecurity.SMTPS)
        .property("mail.smtps.ssl.trust", "127.0.0.1")
        .build();

    SendResult result = sender.send(alert("Northwind", contact("Ana", "ana@northwind.example")));

    assertThat(result).isEqualTo(SendResult.sent());
    assertThat(smtps.getReceivedMessages()).hasSize(1);
  }

  @Test
  void smtpsRefusesACertificateThatIsNotTrusted() {
    SmtpNotificationSender sender = Fixtures.localSender(smtps.getSmtps().getPort())
        .security(SmtpSecurity.SMTPS)
        .build();

    SendResult result = sender.send(alert("Northwind", contact("Ana", "ana@northwind.example")));

    assertThat(result.status()).isEqualTo(Status.TRANSIENT_FAILURE);
    assertThat(smtps.getReceivedMessages()).isEmpty();
  }

  @Test
  void starttlsIsRequiredSoAServerWithoutItNeverGetsTheMessage() throws Exception {
    try (ScriptedSmtpServer plainOnly = ScriptedSmtpServer.accepting()) {
      SmtpNotificationSender sender = Fixtures.localSender(plainOnly.port()).security(SmtpSecurity.STARTTLS).build();

      SendResult result = sender.send(alert("Northwind", contact("Ana", "ana@northwind.example")));

      assertThat(result.status()).isEqualTo(Status.TRANSIENT_FAILURE);
      assertThat(result.detail()).containsIgnoringCase("STARTTLS");
      assertThat(plainOnly.acceptedRecipients()).isEmpty();
    }
  }

  @Test
  void authenticatesWithTheConfiguredCredentials() {
    smtp.setUser("alerts@portal.example", "alerts", "s3cret");
    SmtpNotificationSender sender = Fixtures.localSender(smtp.getSmtp().getPort()).auth("alerts", "s3cret").build();

    SendResult result = sender.send(alert("Northwind", contact("Ana", "ana@northwind.example")));

    assertThat(result).isEqualTo(SendResult.sent());
  }

  @Test
  void wrongPasswordIsATransientFailureThatSendsNothing() {
    smtp.setUser("alerts@portal.example", "alerts", "s3cret");
    SmtpNotificationSender sender = Fixtures.localSender(smtp.getSmtp().getPort()).auth("alerts", "wrong").build();

    SendResult result = sender.send(alert("Northwind", contact("Ana", "ana@northwind.example")));

    assertThat(result.status()).isEqualTo(Status.TRANSIENT_FAILURE);
    assertThat(result.detail()).contains("authentication failed").doesNotContain("wrong");
    assertThat(smtp.getReceivedMessages()).isEmpty();
  }

  /** A key pair whose certificate names 127.0.0.1, made with the JDK's keytool, for GreenMail's TLS. */
  private static void installTestCertificate() {
    try {
      Path dir = Files.createTempDirectory("simestate-mail-tls");
      Path keystore = dir.resolve("greenmail.p12");
      Process keytool = new ProcessBuilder(
          Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
          "-genkeypair", "-alias", "greenmail", "-keyalg", "RSA", "-keysize", "2048",
          "-storetype", "PKCS12", "-keystore", keystore.toString(),
          "-storepass", PASSWORD, "-keypass", PASSWORD,
          "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-validity", "2")
          .redirectErrorStream(true)
          .start();
      keytool.getInputStream().readAllBytes();
      if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
        throw new IllegalStateException("keytool could not make the test certificate");
      }
      keystore.toFile().deleteOnExit();
      dir.toFile().deleteOnExit();
      System.setProperty("greenmail.tls.keystore.file", keystore.toString());
      System.setProperty("greenmail.tls.keystore.password", PASSWORD);
      System.setProperty("greenmail.tls.key.password", PASSWORD);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
