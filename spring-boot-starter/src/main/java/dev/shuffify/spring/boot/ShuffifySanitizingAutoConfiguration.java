package dev.shuffify.spring.boot;

import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Keeps the Spotify client secret and token key out of Actuator's {@code /actuator/configprops} and
 * {@code /actuator/env}, even where an application shows values ({@code management.endpoint.*.show-values}).
 *
 * @since 0.2.0
 */
@AutoConfiguration
@ConditionalOnClass(SanitizingFunction.class)
public class ShuffifySanitizingAutoConfiguration {

    /** Creates the configuration (Spring does). */
    public ShuffifySanitizingAutoConfiguration() {
    }

    /**
     * Masks {@code shuffify.spotify.client-secret} and {@code shuffify.spotify.token-key} (and their
     * {@code configprops} forms {@code clientSecret} and {@code tokenKey} under {@code spotify}).
     *
     * @return the function
     */
    @Bean
    @ConditionalOnMissingBean(name = "shuffifySecretsSanitizer")
    public SanitizingFunction shuffifySecretsSanitizer() {
        return data -> isSecret(data.getLowerCaseKey()) ? data.withSanitizedValue() : data;
    }

    static boolean isSecret(String lowerCaseKey) {
        return lowerCaseKey.equals("shuffify.spotify.client-secret") || lowerCaseKey.equals("shuffify.spotify.token-key")
                || lowerCaseKey.equals("shuffify.spotify.clientsecret") || lowerCaseKey.equals("shuffify.spotify.tokenkey")
                || lowerCaseKey.endsWith("spotify.clientsecret") || lowerCaseKey.endsWith("spotify.tokenkey")
                || lowerCaseKey.equals("shuffify_spotify_client_secret") || lowerCaseKey.equals("shuffify_spotify_token_key")
                || lowerCaseKey.equals("shuffify_spotify_clientsecret") || lowerCaseKey.equals("shuffify_spotify_tokenkey");
    }
}
