package io.simestate.core;

/**
 * The root of every exception SIM Estate throws for a domain condition.
 *
 * <p>It is unchecked; a portal catches it (or one of its three kinds) at its boundary and shows
 * {@link #getMessage()} to the user, which always says what to fix.
 *
 * @see NotFoundException
 * @see ConflictException
 * @see InvalidInputException
 */
public abstract sealed class SimEstateException extends RuntimeException
    permits NotFoundException, ConflictException, InvalidInputException, UnavailableException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message for the portal user.
   *
   * @param message what went wrong and what to do about it
   */
  protected SimEstateException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message for the portal user and the underlying cause.
   *
   * @param message what went wrong and what to do about it
   * @param cause the adapter-level cause, kept for logs
   */
  protected SimEstateException(String message, Throwable cause) {
    super(message, cause);
  }
}
