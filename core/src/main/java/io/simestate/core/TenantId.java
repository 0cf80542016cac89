package io.simestate.core;

import java.util.regex.Pattern;

/**
 * Identifies one account (tenant) of the portal. Every customer belongs to exactly one tenant and
 * every read and write is scoped to one.
 *
 * @param value 1–64 characters: letters, digits, {@code . _ -}
 */
public record TenantId(String value) {

  private static final Pattern FORM = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  /**
   * Checks the form.
   *
   * @param value 1–64 characters: letters, digits, {@code . _ -}
   */
  public TenantId {
    if (value == null) {
      throw InvalidInputException.of("tenantId", "is required");
    }
    if (!FORM.matcher(value).matches()) {
      throw InvalidInputException.of("tenantId",
          "must be 1 to 64 letters, digits, dots, underscores or hyphens");
    }
  }

  /**
   * Parses a tenant id.
   *
   * @param value the id, as the host names its accounts
   * @return the tenant id
   * @throws InvalidInputException if the form is wrong
   */
  public static TenantId of(String value) {
    return new TenantId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
