package dev.shuffify.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shuffify.Shuffify;
import dev.shuffify.dashboard.Dashboard;
import dev.shuffify.dashboard.DashboardAuthenticator;
import dev.shuffify.dashboard.DashboardUser;
import dev.shuffify.memory.InMemoryPlaylistService;
import jakarta.servlet.http.HttpServlet;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The dashboard's mounting: in a servlet web application with shuffify-dashboard, and not otherwise. */
class ShuffifyDashboardAutoConfigurationTest {

    private WebApplicationContextRunner web() {
        return new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ShuffifyAutoConfiguration.class,
                        ShuffifyDashboardAutoConfiguration.class))
                .withPropertyValues("shuffify.store.type=memory", "shuffify.scheduler.enabled=false")
                .withUserConfiguration(Music.class);
    }

    @Configuration(proxyBeanMethods = false)
    static class Music {
        @Bean
        InMemoryPlaylistService music() {
            return new InMemoryPlaylistService().addUser("alice");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Authenticator {
        @Bean
        DashboardAuthenticator authenticator() {
            return request -> request.header("X-User").map(DashboardUser::user);
        }
    }

    private static MockHttpServletResponse get(HttpServlet servlet, String pathInfo, String user) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/shuffify" + pathInfo);
        request.setServletPath("/shuffify");
        request.setPathInfo(pathInfo);
        if (user != null) {
            request.addHeader("X-User", user);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        servlet.service(request, response);
        return response;
    }

    @SuppressWarnings("unchecked")
    private static HttpServlet servlet(org.springframework.context.ApplicationContext context) {
        ServletRegistrationBean<HttpServlet> bean = context.getBean("shuffifyDashboardServlet",
                ServletRegistrationBean.class);
        assertThat(bean.getUrlMappings()).containsExactly("/shuffify/*");
        return bean.getServlet();
    }

    @Test
    void mountsTheDashboardWithTheApplicationsAuthenticator() {
        web().withUserConfiguration(Authenticator.class).run(context -> {
            assertThat(context).hasSingleBean(Dashboard.class);
            HttpServlet servlet = servlet(context);
            MockHttpServletResponse session = get(servlet, "/api/session", "alice");
            assertThat(session.getStatus()).isEqualTo(200);
            assertThat(session.getContentAsString()).contains("\"userId\":\"alice\"");
            assertThat(get(servlet, "/api/session", null).getStatus()).isEqualTo(401);
            MockHttpServletResponse page = get(servlet, "/", "alice");
            assertThat(page.getStatus()).isEqualTo(200);
            assertThat(page.getContentAsString()).contains("app.js");
            assertThat(page.getHeader("Content-Security-Policy")).contains("script-src 'self'");
        });
    }

    @Test
    void mountedAtTheConfiguredPath() {
        web().withPropertyValues("shuffify.dashboard.path=/ops/shuffify/").run(context -> {
            ServletRegistrationBean<?> bean = context.getBean("shuffifyDashboardServlet",
                    ServletRegistrationBean.class);
            assertThat(bean.getUrlMappings()).containsExactly("/ops/shuffify/*");
            assertThat(context.getBean(ShuffifyProperties.class).dashboard().path()).isEqualTo("/ops/shuffify");
        });
    }

    @Test
    void aPathThatIsNotOneFailsTheStartUpNamingTheProperty() {
        for (String path : new String[] {"/", "shuffify", "/a b", "/ops/../admin", "//x", "/x/*"}) {
            web().withPropertyValues("shuffify.dashboard.path=" + path).run(context -> {
                assertThat(context).as(path).hasFailed();
                Throwable root = context.getStartupFailure();
                while (root.getCause() != null) {
                    root = root.getCause();
                }
                assertThat(root).as(path).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("shuffify.dashboard.path must be a path below the application's root");
            });
        }
    }

    @Test
    void theDashboardPropertiesAreDescribedInTheConfigurationMetadata() throws Exception {
        try (java.io.InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("the configuration processor's metadata").isNotNull();
            com.fasterxml.jackson.databind.JsonNode properties = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(in).get("properties");
            java.util.Map<String, com.fasterxml.jackson.databind.JsonNode> byName = new java.util.HashMap<>();
            properties.forEach(p -> byName.put(p.get("name").asText(), p));
            assertThat(byName).containsKeys("shuffify.dashboard.enabled", "shuffify.dashboard.path");
            assertThat(byName.get("shuffify.dashboard.path").get("defaultValue").asText()).isEqualTo("/shuffify");
            assertThat(byName.get("shuffify.dashboard.enabled").get("defaultValue").asBoolean()).isTrue();
            assertThat(byName.get("shuffify.dashboard.path").get("description").asText()).contains("/ops/shuffify");
        }
    }

    @Test
    void withoutAnAuthenticatorEveryRequestAnswers401() {
        web().run(context -> {
            HttpServlet servlet = servlet(context);
            assertThat(get(servlet, "/", "alice").getStatus()).isEqualTo(401);
            assertThat(get(servlet, "/api/schedules", "alice").getStatus()).isEqualTo(401);
        });
    }

    @Test
    void theStarterWorksWithoutTheDashboardModule() {
        web().withClassLoader(new FilteredClassLoader(Dashboard.class)).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(Shuffify.class).doesNotHaveBean(Dashboard.class)
                    .doesNotHaveBean("shuffifyDashboardServlet");
        });
    }

    @Test
    void notMountedOutsideAServletApplicationOrWhenTurnedOff() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ShuffifyAutoConfiguration.class,
                        ShuffifyDashboardAutoConfiguration.class))
                .withPropertyValues("shuffify.store.type=memory", "shuffify.scheduler.enabled=false")
                .withUserConfiguration(Music.class)
                .run(context -> assertThat(context).hasSingleBean(Shuffify.class).doesNotHaveBean(Dashboard.class));
        web().withPropertyValues("shuffify.dashboard.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(Dashboard.class));
    }
}
