/**
 * An example third-party job type, {@code dedupe}, shipped as its own jar and found through
 * {@link java.util.ServiceLoader}.
 */
package com.example.dedupe;
