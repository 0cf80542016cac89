/**
 * A tiny portal service written the way a portal's own code would use SIM Estate: it speaks in the
 * portal's terms (form fields, webhook payloads) and translates the library's exceptions for its
 * screens. Its test shows how a portal's test suite uses the in-memory adapters.
 */
package io.simestate.examples.portal;
