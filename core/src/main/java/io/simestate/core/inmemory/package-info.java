/**
 * In-memory implementations of every port, thread-safe with hash indexes: a complete library with
 * nothing else running, for tests and quick starts ({@code SimEstate.inMemory()}).
 */
package io.simestate.core.inmemory;
