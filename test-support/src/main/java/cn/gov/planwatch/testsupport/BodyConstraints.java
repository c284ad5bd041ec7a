package cn.gov.planwatch.testsupport;

import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

import java.util.List;

/** A request body's bean-validation constraints, checked as a service's controllers check them. */
public final class BodyConstraints {

    private static final LocalValidatorFactoryBean VALIDATOR = new LocalValidatorFactoryBean();

    static {
        VALIDATOR.afterPropertiesSet();
    }

    /** What the body breaks, field by field, with the message codes and arguments Spring resolves messages by. */
    public static List<FieldError> refusals(Object body) {
        BeanPropertyBindingResult errors = new BeanPropertyBindingResult(body, "body");
        VALIDATOR.validate(body, errors);
        return errors.getFieldErrors();
    }

    private BodyConstraints() {
    }
}
