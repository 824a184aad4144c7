package de.pinnwand.system;

/**
 * One thing wrong with one field of a form or request body.
 *
 * @param field the field's name as the form and the JSON API call it
 * @param code the message key (under {@code error.}) that explains it in the reader's
 * language
 * @param arguments values the message refers to, such as a maximum length
 */
public record FieldProblem(String field, String code, Object... arguments) {

}
