package dev.shuffify.error;

import java.io.Serial;

/**
 * A plugin (job type, shuffle algorithm or discovery strategy) could not be loaded, was declared twice,
 * or is missing. The message names the plugin, its class and its jar where known, and what to do.
 *
 * @since 0.1.0
 */
public class PluginException extends ShuffifyException {
    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message what is wrong with which plugin; never null
     */
    public PluginException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and a cause.
     *
     * @param message what is wrong with which plugin; never null
     * @param cause the underlying failure; may be null
     */
    public PluginException(String message, Throwable cause) {
        super(message, cause);
    }
}
