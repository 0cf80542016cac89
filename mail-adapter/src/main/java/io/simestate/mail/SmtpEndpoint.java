package io.simestate.mail;

/**
 * Where and how to connect: host, port, protection and the optional credentials.
 *
 * @param host the server
 * @param port its port
 * @param security plain, STARTTLS or SMTPS
 * @param username the user name, or null without authentication
 * @param password the password, or null without authentication
 */
record SmtpEndpoint(String host, int port, SmtpSecurity security, String username, String password) {

  @Override
  public String toString() {
    // No credentials in logs or failure details.
    return security.protocol() + "://" + host + ":" + port;
  }
}
