package io.simestate.core;

/**
 * Which slice of a long, sorted list to return.
 *
 * @param offset how many items to skip, at least 0
 * @param limit how many items to return at most, 1 to {@value #MAX_LIMIT}
 */
public record PageRequest(int offset, int limit) {

  /** The largest page the library returns. */
  public static final int MAX_LIMIT = Limits.PAGE_SIZE;

  /**
   * Checks the bounds.
   *
   * @param offset how many items to skip, at least 0
   * @param limit how many items to return at most, 1 to {@value #MAX_LIMIT}
   */
  public PageRequest {
    if (offset < 0) {
      throw InvalidInputException.of("offset", "must be 0 or more");
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw InvalidInputException.of("limit", "must be between 1 and " + MAX_LIMIT);
    }
  }

  /**
   * The first page of the given size.
   *
   * @param limit the page size
   * @return the request
   */
  public static PageRequest first(int limit) {
    return new PageRequest(0, limit);
  }

  /**
   * The page after this one.
   *
   * @return the request for the next page
   */
  public PageRequest next() {
    return new PageRequest(offset + limit, limit);
  }
}
