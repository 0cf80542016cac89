package io.simestate.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.simestate.mail.RenderedMessages.Rendered;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every message says who sent it, why the reader gets it and whom to ask to change that, in words
 * that spam filters do not take for a marketing footer. SpamAssassin 4.0.1 scored every alert,
 * digest and notice of the demo 1.0, all from END_FUTURE_EMAILS, which the old footer's "To stop
 * these alerts" fired.
 */
class FooterWordingTest {

  /**
   * The body pattern of SpamAssassin's {@code __END_FUTURE_EMAILS} (rules file 72_active.cf of
   * SpamAssassin 4.0.1, Apache License 2.0), in Java syntax; SpamAssassin matches body rules
   * case-insensitively against each paragraph, with HTML rendered to text.
   */
  static final Pattern END_FUTURE_EMAILS = Pattern.compile("\\b(?:end|stop(?! receiving these (?:alerts|emails))"
      + "|cease|discontinue|removed?|(?:do(?! not wish to receive [\\w\\s]{0,20}emails)|would|you(?:'d)?)"
      + " (?:not (?:wish|want|like|desire)|(?:prefer|wish|want|like|desire) not) to|exclude yourself|fore?go)"
      + "[- ](?:get |receiv(?:ing|e) |or |(?:a-z{1,30} ){0,4}from )?(?:these|our|(?:any )?(?:future|further))"
      + " (?:(?:e|ad)?-?m(?:ail(?:ing)?|es+[age]{3})|alert|PSA|marketing|notice)[- ]?(?:ad|update)?s?\\b",
      Pattern.CASE_INSENSITIVE);

  private static final List<Rendered> ALL = RenderedMessages.all();

  static List<Rendered> messages() {
    return ALL;
  }

  /** The words of a text part as a filter reads them: one paragraph, white space collapsed. */
  static String readable(String text) {
    return text.replaceAll("\\s+", " ").strip();
  }

  /** The words of an HTML part: the style sheet and tags dropped, entities decoded. */
  static String readableHtml(String html) {
    return readable(html.replaceAll("(?s)<style>.*?</style>", " ").replaceAll("<[^>]*>", " ")
        .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
        .replace("&amp;", "&"));
  }

  @Test
  void thePatternCatchesTheOldFooterSoItsSilenceMeansSomething() {
    assertThat(END_FUTURE_EMAILS.matcher(
        "To stop these alerts, ask the administrator of your portal account to switch them off.").find()).isTrue();
    assertThat(END_FUTURE_EMAILS.matcher("If you would prefer not to receive further emails, reply.").find())
        .isTrue();
    assertThat(END_FUTURE_EMAILS.matcher("To change your alerts setting, ask the administrator.").find()).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("messages")
  void noPartOfAnyMessageReadsLikeAMarketingUnsubscribeFooter(Rendered r) {
    for (String part : List.of(r.content().subject(), readable(r.content().text()),
        readableHtml(r.content().html().markup()))) {
      assertThat(END_FUTURE_EMAILS.matcher(part).results().map(m -> m.group()).toList()).as("%s: %s", r, part)
          .isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("messages")
  void everyMessageSaysWhoSentItWhyAndWhomToAsk(Rendered r) {
    String sender = UntrustedText.singleLine(r.notification().sender().displayName());
    String address = r.notification().sender().address().displayed();
    String tenant = UntrustedText.singleLine(r.notification().context().tenantName());
    String portal = tenant.isEmpty() ? "your provider's SIM management portal" : "the " + tenant + " portal";
    for (String body : List.of(readable(r.content().text()), readableHtml(r.content().html().markup()))) {
      assertThat(body).as("%s", r)
          .contains("This message was sent automatically by " + (sender.isEmpty() ? address
              : sender + " <" + address + ">"))
          .contains(r.notification().sender().replyTo() == null
              ? "This address takes no replies: with questions, contact the administrator of your account"
              : "replies go to " + r.notification().sender().replyTo().displayed())
          .contains("Who receives alerts is set in " + portal)
          .contains("ask the administrator of your account there");
      if (!r.kind().startsWith("notice")) {
        assertThat(body).as("%s", r).contains("You receive this message because");
      } else {
        assertThat(body).as("%s", r).contains("have been switched on for you");
      }
    }
  }
}
