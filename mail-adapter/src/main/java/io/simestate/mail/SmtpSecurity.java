package io.simestate.mail;

/** How the connection to the SMTP server is protected. */
public enum SmtpSecurity {
  /** Plain SMTP, no TLS; for a relay on the same host or a test server only. Default port 25. */
  NONE,
  /**
   * Plain SMTP upgraded with STARTTLS, which the server must offer (the send fails otherwise); the
   * server's certificate and host name are checked. Default port 587.
   */
  STARTTLS,
  /** SMTP inside TLS from the first byte (SMTPS); certificate and host name are checked. Default port 465. */
  SMTPS;

  int defaultPort() {
    return switch (this) {
      case NONE -> 25;
      case STARTTLS -> 587;
      case SMTPS -> 465;
    };
  }

  String protocol() {
    return this == SMTPS ? "smtps" : "smtp";
  }
}
