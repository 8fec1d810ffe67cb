package fr.gouv.conventions.api.servlet;

import fr.gouv.conventions.api.problems.ProblemWriter;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.core.StandardHost;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Arrays;

/** Tomcat answers what it refuses by itself as problems too. */
@Configuration(proxyBeanMethods = false)
class TomcatConfiguration {

    /**
     * The host's error report valve is this service's, given the writer of problem answers. It joins the host's
     * pipeline when the host starts, where Tomcat would put the valve it makes from the class name: last, after the
     * valves Spring Boot adds, so that it reports first. Tomcat, finding a valve of that class, makes no other.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports(ProblemWriter problems) {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                host.addLifecycleListener(event -> {
                    if (Lifecycle.BEFORE_START_EVENT.equals(event.getType()) && Arrays.stream(
                            host.getPipeline().getValves()).noneMatch(ProblemErrorReportValve.class::isInstance)) {
                        host.getPipeline().addValve(new ProblemErrorReportValve(problems));
                    }
                });
            }
        });
    }
}
