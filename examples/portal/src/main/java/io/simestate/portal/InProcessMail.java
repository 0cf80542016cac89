package io.simestate.portal;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** An SMTP server inside the portal (GreenMail) when {@code portal.smtp.in-process=true}, the default. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "portal.smtp.in-process", matchIfMissing = true)
public class InProcessMail {

  @Bean(initMethod = "start", destroyMethod = "stop")
  GreenMail inProcessSmtpServer(Environment environment) {
    int port = environment.getProperty("spring.mail.port", Integer.class, 3025);
    ServerSetup setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    setup.setServerStartupTimeout(120_000);
    return new GreenMail(setup);
  }
}
