package io.simestate.mail;


/**
 * What a {@link MailTemplates} template produces for one message: a subject, a plain-text body and
 * an HTML alternative.
 *
 * <p>The sender cleans the subject before it becomes a header, whatever the template returned: line
 * breaks become spaces and other control characters are dropped, so a template cannot inject a
 * header. The HTML is a {@link SafeHtml}, so values in it were escaped when it was built.
 *
 * @param subject the subject; never null
 * @param text the plain-text body; never null
 * @param html the HTML body, a complete document or a fragment; never null
 */
public record MailContent(String subject, String text, SafeHtml html) {

  /**
   * Checks presence.
   *
   * @param subject the subject
   * @param text the plain-text body
   * @param html the HTML body
   * @throws io.simestate.core.InvalidInputException if a part is null
   */
  public MailContent {
    Arguments.present(subject, "subject");
    Arguments.present(text, "text");
    Arguments.present(html, "html");
  }
}
