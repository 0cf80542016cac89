package io.simestate.core.estate;

import io.simestate.core.InvalidInputException;
import io.simestate.core.Violation;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Validates command records with Jakarta Validation (Hibernate Validator at runtime) and collects
 * the rule checks of the value types, so that a use case fails with one
 * {@link InvalidInputException} listing every violation.
 *
 * <p>Messages are taken literally from the constraints (with {@code {min}}-style attribute
 * placeholders filled in), so no expression-language implementation is needed at runtime.
 */
final class InputValidator {

  private final Validator validator;

  private InputValidator(Validator validator) {
    this.validator = validator;
  }

  /**
   * Bootstraps the Bean Validation provider found on the class path.
   *
   * @return the validator
   */
  static InputValidator create() {
    ValidatorFactory factory = Validation.byDefaultProvider().configure()
        .messageInterpolator(new LiteralInterpolator())
        .buildValidatorFactory();
    return new InputValidator(factory.getValidator());
  }

  /**
   * Starts collecting violations for one command.
   *
   * @param command the command record, checked against its constraints now
   * @return a collector to which value-type checks can be added
   */
  Collector check(Object command) {
    Collector collector = new Collector();
    if (command == null) {
      collector.add(new Violation("", "a command is required"));
      return collector;
    }
    Set<ConstraintViolation<Object>> found = validator.validate(command);
    found.stream()
        .map(v -> new Violation(v.getPropertyPath().toString(), v.getMessage()))
        .sorted(java.util.Comparator.comparing(Violation::field).thenComparing(Violation::message))
        .forEach(collector::add);
    return collector;
  }

  /** Gathers violations from Bean Validation and from value-type parsing. */
  static final class Collector {

    private final Set<Violation> violations = new LinkedHashSet<>();

    private Collector() {}

    /**
     * Adds a violation.
     *
     * @param violation the violation
     */
    void add(Violation violation) {
      violations.add(violation);
    }

    /**
     * Parses a value, recording its violations under a field path instead of throwing.
     *
     * @param field the field path
     * @param parser the parsing step
     * @param <T> the value type
     * @return the value, or null if it was invalid
     */
    <T> T parse(String field, Supplier<T> parser) {
      try {
        return parser.get();
      } catch (InvalidInputException e) {
        for (Violation v : e.violations()) {
          String path = v.field().isEmpty() ? field
              : v.field().startsWith(field) ? v.field() : field + "." + v.field();
          add(new Violation(path, v.message()));
        }
        return null;
      }
    }

    /**
     * Throws if any violation was found.
     *
     * @throws InvalidInputException listing every violation
     */
    void throwIfInvalid() {
      if (!violations.isEmpty()) {
        throw new InvalidInputException(new ArrayList<>(violations));
      }
    }
  }

  /** Fills {@code {attribute}} placeholders from the constraint's attributes; no EL needed. */
  private static final class LiteralInterpolator implements MessageInterpolator {

    @Override
    public String interpolate(String template, Context context) {
      return interpolate(template, context, Locale.ROOT);
    }

    @Override
    public String interpolate(String template, Context context, Locale locale) {
      String out = template;
      for (Map.Entry<String, Object> e : context.getConstraintDescriptor().getAttributes().entrySet()) {
        out = out.replace("{" + e.getKey() + "}", String.valueOf(e.getValue()));
      }
      return out.startsWith("{jakarta.validation") ? "is not valid" : out;
    }
  }
}
