package io.simestate.core.internal;

import io.simestate.core.InvalidInputException;
import java.util.UUID;
import java.util.regex.Pattern;

/** Strict UUID parsing shared by the identifier types. */
public final class Uuids {

  private static final Pattern FORM =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private Uuids() {}

  /**
   * Parses the canonical 36-character form of a UUID, surrounding white space ignored.
   *
   * @param text the text
   * @param field the field path to name in the error
   * @return the UUID
   * @throws InvalidInputException if the text is null or not a UUID
   */
  public static UUID parse(String text, String field) {
    if (text == null || !FORM.matcher(text.strip()).matches()) {
      throw InvalidInputException.of(field, "must be an identifier like 123e4567-e89b-12d3-a456-426614174000");
    }
    return UUID.fromString(text.strip());
  }
}
