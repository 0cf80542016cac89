package io.simestate.core;

/**
 * A store the library depends on (a database, for instance) failed or could not be reached. The
 * operation did not take effect and may be retried; adapters translate their infrastructure
 * exceptions into this one at their boundary.
 */
public final class UnavailableException extends SimEstateException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what could not be done
   * @param cause the infrastructure cause
   */
  public UnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
