/**
 * Benchmark harnesses behind {@code docs/benchmarks.md}: each table is a class with a {@code main} method that
 * prints a Markdown table, run by {@code examples/benchmarks/run.sh}.
 */
package dev.shuffify.benchmarks;
