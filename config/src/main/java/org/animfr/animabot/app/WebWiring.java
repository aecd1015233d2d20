package org.animfr.animabot.app;

import org.animfr.animabot.web.WebConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The public page and the calendars, when the application serves HTTP (the default, on {@code server.port}); with
 * {@code spring.main.web-application-type=none} there is no web server and none of this.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@Import(WebConfiguration.class)
class WebWiring {}
