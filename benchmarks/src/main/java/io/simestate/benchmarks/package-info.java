/**
 * JMH benchmarks of SIM Estate: each class measures the library and a baseline (a bare map, raw JDBC,
 * raw Jakarta Mail) on the same state in the same run, so that {@code benchmarks/run.sh} can report
 * their ratio. Estates are generated in {@code @Setup} methods and never timed.
 */
package io.simestate.benchmarks;
