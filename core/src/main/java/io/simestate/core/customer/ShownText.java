package io.simestate.core.customer;

import io.simestate.core.internal.DisplayText;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Optional;

/**
 * Bean Validation constraint for free text that the library shows in mails and reports (addresses,
 * references, notes, roles): no bidi override, embedding or isolate characters (U+202A–U+202E,
 * U+2066–U+2069), no control characters (line breaks and tabs only when {@link #multiLine()}), no
 * unpaired surrogates or noncharacters, and — when anything but white space is given — at least one
 * visible character, so that a field of zero-width characters cannot look empty. Null and blank
 * values are valid (they count as absent). The violation's message names the rule that failed.
 */
@Documented
@Constraint(validatedBy = ShownText.Validator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface ShownText {

  /**
   * Whether line breaks (CR, LF) and tabs are allowed.
   *
   * @return true for multi-line text such as a street or notes
   */
  boolean multiLine() default false;

  /**
   * The message when no more specific one applies.
   *
   * @return the message
   */
  String message() default "is not text that can be shown";

  /**
   * The validation groups.
   *
   * @return the groups
   */
  Class<?>[] groups() default {};

  /**
   * The payload.
   *
   * @return the payload
   */
  Class<? extends Payload>[] payload() default {};

  /** Checks a value against {@link ShownText}; Bean Validation creates it. */
  final class Validator implements ConstraintValidator<ShownText, String> {

    private DisplayText.Lines lines = DisplayText.Lines.ONE;

    /** Creates the validator; called by the Bean Validation provider. */
    public Validator() {}

    @Override
    public void initialize(ShownText annotation) {
      lines = annotation.multiLine() ? DisplayText.Lines.MANY : DisplayText.Lines.ONE;
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      Optional<String> problem = value == null || value.isBlank() ? Optional.empty()
          : DisplayText.problem(value.strip(), lines);
      if (problem.isEmpty()) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      // The problems are fixed sentences without braces or dollars, so no interpolator changes them.
      context.buildConstraintViolationWithTemplate(problem.get()).addConstraintViolation();
      return false;
    }
  }
}
