/**
 * Runnable programs a newcomer starts with: {@link io.simestate.examples.Demo} (the whole library
 * against an embedded database and an in-process SMTP server), {@link io.simestate.examples.QuickStart}
 * (in memory, nothing else) and {@link io.simestate.examples.JoinedModeExample} (the JPA adapter inside
 * a host's own transaction).
 */
package io.simestate.examples;
