package fr.santegraph.dcat;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DcatProperties.class)
public class DcatConfiguration {

    @Bean
    DcatUris dcatUris(@Value("${santegraph.base-uri}") String baseUri) {
        return new DcatUris(baseUri);
    }

    @Bean
    DcatMapper dcatMapper(DcatUris uris) {
        return new DcatMapper(uris);
    }
}
