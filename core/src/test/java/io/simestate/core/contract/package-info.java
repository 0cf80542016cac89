/**
 * The port contracts, shipped in core's {@code tests} test-jar: one abstract JUnit class per port
 * that an adapter's test extends to prove it behaves like the in-memory adapter, and {@code
 * SimEstateContract} for the whole library on an adapter's persistence.
 */
package io.simestate.core.contract;
