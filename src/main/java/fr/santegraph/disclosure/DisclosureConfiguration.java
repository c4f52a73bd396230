package fr.santegraph.disclosure;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The rule's two settings: {@code santegraph.disclosure.threshold} (counts from 1 to threshold − 1 are small: 11,
 * as ScanSanté applies the CNIL rule) and {@code santegraph.disclosure.protection} (how many whole values a masked
 * count must stay compatible with: 3). Changing either takes effect at the next import of each indicator, or with
 * {@code import disclosure}.
 */
@Configuration(proxyBeanMethods = false)
public class DisclosureConfiguration {

    @Bean
    CellSuppression cellSuppression(@Value("${santegraph.disclosure.threshold:11}") long threshold,
                                    @Value("${santegraph.disclosure.protection:3}") int protection) {
        return new CellSuppression(threshold, protection);
    }
}
