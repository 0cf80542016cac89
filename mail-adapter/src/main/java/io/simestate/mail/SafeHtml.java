package io.simestate.mail;

import java.util.Objects;

/**
 * A piece of HTML that is safe to put into a message: every untrusted value in it was escaped.
 *
 * <p>The HTML part of a {@link MailContent} must be a {@code SafeHtml}, so a template cannot hand
 * over a customer's name as markup by accident. Build it from markup the host wrote itself
 * ({@link #trusted(String)}) and values that are escaped on the way in ({@link #escape(String)},
 * {@link #format(String, Object...)}). Escaping turns {@code & < > " '} into character references and
 * drops control characters and bidi override characters, so a value is safe in element content and
 * in a quoted attribute value.
 *
 * <pre>{@code
 * SafeHtml html = SafeHtml.format("<p>SIM <b>{0}</b> of {1}</p>", iccid, customerName);
 * }</pre>
 */
public final class SafeHtml {

  private static final SafeHtml EMPTY = new SafeHtml("");

  private final String markup;

  private SafeHtml(String markup) {
    this.markup = markup;
  }

  /**
   * Escapes an untrusted value: a customer's or contact's name, a plan name, anything not written by
   * the host's developers.
   *
   * @param untrusted the value; null gives empty HTML
   * @return the escaped value, never null
   */
  public static SafeHtml escape(String untrusted) {
    return new SafeHtml(escapeToString(untrusted));
  }

  /**
   * Wraps markup that the host's developers wrote, such as a fixed header or footer. Never pass a
   * value from a customer, contact or the SIM platform here; use {@link #escape(String)} or
   * {@link #format(String, Object...)} for those.
   *
   * @param markup fixed HTML
   * @return the markup, unchanged
   */
  public static SafeHtml trusted(String markup) {
    return new SafeHtml(Objects.requireNonNullElse(markup, ""));
  }

  /**
   * Fills the placeholders {@code {0}}, {@code {1}}, … of fixed markup with values: a
   * {@code SafeHtml} value goes in as it is, any other value (a String, a number, an ICCID) is
   * escaped. A placeholder without a value stays as it is; apostrophes and other braces have no
   * special meaning.
   *
   * @param trustedMarkup fixed HTML written by the host's developers
   * @param values the values; null values give empty text
   * @return the filled markup
   */
  public static SafeHtml format(String trustedMarkup, Object... values) {
    String pattern = Objects.requireNonNullElse(trustedMarkup, "");
    int count = values == null ? 0 : values.length;
    int capacity = pattern.length();
    for (int v = 0; v < count; v++) {
      capacity += values[v] instanceof SafeHtml safe ? safe.markup.length() : 32;
    }
    StringBuilder out = new StringBuilder(capacity);
    int copied = 0;
    for (int open = pattern.indexOf('{'); open >= 0; open = pattern.indexOf('{', open + 1)) {
      int index = placeholderIndex(pattern, open);
      if (index >= 0 && index < count) {
        out.append(pattern, copied, open).append(asHtml(values[index]));
        copied = pattern.indexOf('}', open) + 1;
      }
    }
    return new SafeHtml(out.append(pattern, copied, pattern.length()).toString());
  }

  /**
   * Joins pieces of safe HTML.
   *
   * @param parts the pieces, in order
   * @return the pieces one after the other
   */
  public static SafeHtml concat(Iterable<SafeHtml> parts) {
    StringBuilder out = new StringBuilder();
    for (SafeHtml part : parts) {
      out.append(part.markup);
    }
    return out.length() == 0 ? EMPTY : new SafeHtml(out.toString());
  }

  /**
   * The HTML text.
   *
   * @return the markup, never null
   */
  public String markup() {
    return markup;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SafeHtml that && markup.equals(that.markup);
  }

  @Override
  public int hashCode() {
    return markup.hashCode();
  }

  @Override
  public String toString() {
    return markup;
  }

  private static String asHtml(Object value) {
    if (value instanceof SafeHtml safe) {
      return safe.markup;
    }
    return escapeToString(value == null ? null : value.toString());
  }

  /**
   * The index of the placeholder that opens at {@code open}: 1 to 3 digits and a closing brace; -1 if
   * no placeholder opens there.
   */
  private static int placeholderIndex(String pattern, int open) {
    int index = 0;
    int k = open + 1;
    for (; k < pattern.length() && k <= open + 3 && pattern.charAt(k) >= '0' && pattern.charAt(k) <= '9'; k++) {
      index = index * 10 + (pattern.charAt(k) - '0');
    }
    return k > open + 1 && k < pattern.length() && pattern.charAt(k) == '}' ? index : -1;
  }

  private static String escapeToString(String untrusted) {
    String clean = UntrustedText.multiLine(untrusted);
    StringBuilder out = new StringBuilder(clean.length() + 16);
    for (int i = 0; i < clean.length(); i++) {
      char c = clean.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
