/**
 * Architecture tests of core: its dependencies, its package layering (with fixtures on which the
 * rules must fail) and its module descriptor as seen by a module that requires it.
 */
package io.simestate.core.arch;
