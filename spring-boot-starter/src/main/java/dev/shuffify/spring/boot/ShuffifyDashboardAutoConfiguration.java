package dev.shuffify.spring.boot;

import dev.shuffify.Shuffify;
import dev.shuffify.dashboard.Dashboard;
import dev.shuffify.dashboard.DashboardAuthenticator;
import dev.shuffify.dashboard.DashboardRequest;
import dev.shuffify.dashboard.DashboardResponse;
import dev.shuffify.spi.PlaylistServiceConnector;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Mounts the Shuffify dashboard ({@code shuffify-dashboard}, an optional dependency) in a servlet web
 * application, at {@code shuffify.dashboard.path} (default {@code /shuffify}), when that module is on the class
 * path. The application's {@link DashboardAuthenticator} bean says who is asking; without one every request
 * answers 401. {@code shuffify.dashboard.enabled=false} leaves it out.
 *
 * @since 0.2.0
 */
@AutoConfiguration(after = ShuffifyAutoConfiguration.class)
@ConditionalOnClass({Dashboard.class, HttpServlet.class, ServletRegistrationBean.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean(Shuffify.class)
@ConditionalOnProperty(prefix = "shuffify.dashboard", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(ShuffifyProperties.class)
public class ShuffifyDashboardAutoConfiguration {

    /** Creates the configuration (Spring does). */
    public ShuffifyDashboardAutoConfiguration() {
    }

    /**
     * The dashboard over the facade, with the application's authenticator (none: every request answers 401) and
     * its connector, through which the dashboard reads playlists.
     *
     * @param shuffify the facade
     * @param authenticator the application's authenticator, if any
     * @param connector the connector, if any
     * @return the dashboard
     */
    @Bean
    @ConditionalOnMissingBean
    public Dashboard shuffifyDashboard(Shuffify shuffify, ObjectProvider<DashboardAuthenticator> authenticator,
            ObjectProvider<PlaylistServiceConnector> connector) {
        Dashboard.Builder builder = Dashboard.builder(shuffify)
                .authenticator(authenticator.getIfUnique(() -> DashboardAuthenticator.DENY_ALL));
        PlaylistServiceConnector c = connector.getIfUnique();
        if (c != null) {
            builder.connector(c);
        }
        return builder.build();
    }

    /**
     * The servlet that hands requests below {@code shuffify.dashboard.path} to the dashboard.
     *
     * @param dashboard the dashboard
     * @param properties the starter's properties ({@code shuffify.dashboard.path}: where it is mounted)
     * @return the registration
     */
    @Bean
    @ConditionalOnMissingBean(name = "shuffifyDashboardServlet")
    public ServletRegistrationBean<HttpServlet> shuffifyDashboardServlet(Dashboard dashboard,
            ShuffifyProperties properties) {
        ServletRegistrationBean<HttpServlet> bean = new ServletRegistrationBean<>(new DashboardServlet(dashboard),
                properties.dashboard().path() + "/*");
        bean.setName("shuffifyDashboardServlet");
        return bean;
    }

    /** Passes each request to the dashboard and writes its answer. */
    static final class DashboardServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;
        private final transient Dashboard dashboard;

        DashboardServlet(Dashboard dashboard) {
            this.dashboard = dashboard;
        }

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            String pathInfo = request.getPathInfo();
            if (pathInfo == null || pathInfo.isEmpty()) {
                // the page's links are relative: it must be served with a trailing slash
                response.sendRedirect(request.getRequestURI() + "/");
                return;
            }
            DashboardResponse answer = dashboard.handle(new DashboardRequest() {
                @Override
                public String method() {
                    return request.getMethod().toUpperCase(Locale.ROOT);
                }

                @Override
                public String path() {
                    return pathInfo;
                }

                @Override
                public String query() {
                    return request.getQueryString();
                }

                @Override
                public Optional<String> header(String name) {
                    return Optional.ofNullable(request.getHeader(name));
                }

                @Override
                public Optional<Principal> principal() {
                    return Optional.ofNullable(request.getUserPrincipal());
                }
            });
            response.setStatus(answer.status());
            answer.headers().forEach(response::setHeader);
            response.setContentLength(answer.body().length);
            if (!"HEAD".equalsIgnoreCase(request.getMethod())) {
                response.getOutputStream().write(answer.body());
            }
        }
    }
}
