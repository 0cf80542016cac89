package io.simestate.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.simestate.core.estate.SimEstate;
import jakarta.mail.internet.MimeMessage;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The adapter as a named module ({@code io.simestate.mail}) in a module layer of its own, with core,
 * Jakarta Mail and Angus Mail as named modules too: it builds a sender and sends a message to GreenMail,
 * Angus found as Jakarta Mail's provider through the module graph. The other tests run on the class path.
 */
class ModulePathTest {

  @RegisterExtension
  static final GreenMailExtension greenMail = GreenMailSupport.smtpServer();

  @Test
  void theAdapterSendsFromANamedModule() throws Exception {
    ModuleFinder modulePath = ModuleFinder.of(locationOf(SmtpNotificationSender.class), locationOf(SimEstate.class),
        jarOf("jakarta.mail.Session"), jarOf("org.eclipse.angus.mail.smtp.SMTPTransport"),
        jarOf("jakarta.activation.DataHandler"), jarOf("org.eclipse.angus.activation.MailcapFile"),
        jarOf("jakarta.validation.Validation"), jarOf("org.slf4j.Logger"), jarOf("de.siegmar.fastcsv.reader.CsvReader"));
    ModuleLayer boot = ModuleLayer.boot();
    Configuration configuration = boot.configuration()
        .resolveAndBind(modulePath, ModuleFinder.of(), Set.of("io.simestate.mail"));
    ModuleLayer layer = boot.defineModulesWithOneLoader(configuration, ClassLoader.getPlatformClassLoader());
    ClassLoader loader = layer.findLoader("io.simestate.mail");
    // Jakarta Mail looks its providers up through the context class loader; in an application on the
    // module path that is the loader of the modules, here the layer's (not the test's class path).
    Thread thread = Thread.currentThread();
    ClassLoader before = thread.getContextClassLoader();
    Object sender;
    Object result;
    thread.setContextClassLoader(loader);
    try {
      sender = buildSender(loader, greenMail.getSmtp().getPort());
      result = sender.getClass().getMethod("send", loader.loadClass("io.simestate.core.alert.Notification"))
          .invoke(sender, subscriptionNotice(loader));
    } finally {
      thread.setContextClassLoader(before);
    }

    assertThat(sender.getClass().getModule().getName()).isEqualTo("io.simestate.mail");
    assertThat(result.getClass().getMethod("status").invoke(result)).hasToString("SENT");
    MimeMessage received = GreenMailSupport.onlyMessage(greenMail);
    assertThat(received.getSubject()).contains("Northwind");
  }

  private static Object buildSender(ClassLoader loader, int port) throws Exception {
    Class<?> senderType = loader.loadClass(SmtpNotificationSender.class.getName());
    Class<?> securityType = loader.loadClass(SmtpSecurity.class.getName());
    Object builder = senderType.getMethod("builder").invoke(null);
    Class<?> builderType = builder.getClass();
    builderType.getMethod("host", String.class).invoke(builder, "127.0.0.1");
    builderType.getMethod("port", int.class).invoke(builder, port);
    builderType.getMethod("security", securityType).invoke(builder, securityType.getField("NONE").get(null));
    return builderType.getMethod("build").invoke(builder);
  }

  private static Object subscriptionNotice(ClassLoader loader) throws Exception {
    Class<?> tenantType = loader.loadClass("io.simestate.core.TenantId");
    Class<?> senderIdentityType = loader.loadClass("io.simestate.core.alert.SenderIdentity");
    Class<?> emailType = loader.loadClass("io.simestate.core.customer.EmailAddress");
    Class<?> recipientType = loader.loadClass("io.simestate.core.alert.Recipient");
    Class<?> noticeType = loader.loadClass("io.simestate.core.alert.SubscriptionNotice");
    Object tenant = tenantType.getMethod("of", String.class).invoke(null, "acme");
    Object from = senderIdentityType.getMethod("of", String.class, String.class)
        .invoke(null, "alerts@portal.example", "Portal alerts");
    Object ana = recipientType.getMethod("catchAll", String.class, emailType)
        .invoke(null, "Ana", emailType.getMethod("parse", String.class).invoke(null, "ana@northwind.example"));
    return noticeType.getConstructor(tenantType, senderIdentityType, recipientType, String.class, String.class)
        .newInstance(tenant, from, ana, "Northwind", "acme/notice-1");
  }

  private static Path jarOf(String className) throws Exception {
    return locationOf(Class.forName(className));
  }

  private static Path locationOf(Class<?> type) throws URISyntaxException {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
  }
}
