package io.simestate.portal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The reference portal: the Customers page of an IoT SIM portal on SIM Estate's Spring Boot starter. */
@SpringBootApplication
public class PortalApplication {

  /**
   * Starts the portal.
   *
   * @param args Spring Boot arguments, e.g. {@code --spring.profiles.active=postgresql}
   */
  public static void main(String[] args) {
    SpringApplication.run(PortalApplication.class, args);
  }
}
