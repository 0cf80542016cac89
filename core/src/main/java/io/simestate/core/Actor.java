package io.simestate.core;

/**
 * Who did something: the portal user the host passes in with every command, or a named system
 * process. Recorded on every event of the administrative record (F11).
 *
 * @param name the user's name or login as the host knows it; 1–200 characters, no control characters
 */
public record Actor(String name) {

  /**
   * Checks the name.
   *
   * @param name the user's name or login as the host knows it; 1–200 characters, no control characters
   */
  public Actor {
    if (name == null) {
      throw InvalidInputException.of("actor", "is required");
    }
    if (name.isBlank() || name.length() > Limits.ACTOR_LENGTH || name.codePoints().anyMatch(Character::isISOControl)) {
      throw InvalidInputException.of("actor",
          "must name the portal user in 1 to 200 characters without control characters");
    }
  }

  /**
   * Names the acting user.
   *
   * @param name the user's name or login
   * @return the actor
   */
  public static Actor of(String name) {
    return new Actor(name);
  }

  /**
   * The actor used for work the library does by itself, such as dispatching alerts.
   *
   * @return the system actor
   */
  public static Actor system() {
    return new Actor("simestate");
  }

  @Override
  public String toString() {
    return name;
  }
}
