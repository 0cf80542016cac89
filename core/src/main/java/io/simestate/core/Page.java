package io.simestate.core;

import java.util.List;
import java.util.function.Function;

/**
 * One slice of a sorted list, with the total size of the list.
 *
 * @param items the items of this page, in order; never null
 * @param total how many items the whole list holds
 * @param request the request this page answers
 * @param <T> the item type
 */
public record Page<T>(List<T> items, long total, PageRequest request) {

  /**
   * Copies the items.
   *
   * @param items the items of this page, in order; never null
   * @param total how many items the whole list holds
   * @param request the request this page answers
   */
  public Page {
    items = List.copyOf(InvalidInputException.requirePresent(items, "items"));
    InvalidInputException.requirePresent(request, "request");
  }

  /**
   * Whether a next page exists.
   *
   * @return true if items follow this page
   */
  public boolean hasNext() {
    return request.offset() + (long) items.size() < total;
  }

  /**
   * The same page with its items mapped.
   *
   * @param mapper applied to each item
   * @param <R> the new item type
   * @return the mapped page
   */
  public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
    return new Page<>(items.stream().<R>map(mapper).toList(), total, request);
  }
}
