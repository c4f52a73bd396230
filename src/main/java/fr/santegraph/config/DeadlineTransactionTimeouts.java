package fr.santegraph.config;

import fr.santegraph.common.RequestDeadline;
import java.util.OptionalInt;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.interceptor.DelegatingTransactionAttribute;
import org.springframework.transaction.interceptor.TransactionAttribute;
import org.springframework.transaction.interceptor.TransactionAttributeSource;
import org.springframework.transaction.interceptor.TransactionInterceptor;

/**
 * A transaction begun while serving a GraphQL request gets the time the request has left, when that is less than
 * its own timeout: the driver passes it to the database, which stops the query there. So a query started just
 * before the request's deadline does not run on for a whole {@code cypher-timeout-seconds}.
 */
@Configuration(proxyBeanMethods = false)
public class DeadlineTransactionTimeouts {

    /**
     * Applied once every singleton exists: the interceptor is built early, with the proxy infrastructure, before a
     * bean post-processor of ours could see it.
     */
    @Bean
    SmartInitializingSingleton deadlineAwareTransactions(ObjectProvider<TransactionInterceptor> interceptors) {
        return () -> interceptors.forEach(interceptor -> {
            TransactionAttributeSource source = interceptor.getTransactionAttributeSource();
            if (source != null && !(source instanceof WithinDeadline)) {
                interceptor.setTransactionAttributeSource(withinDeadline(source));
            }
        });
    }

    /** A source whose attributes take the request's time left into account. */
    interface WithinDeadline extends TransactionAttributeSource {
    }

    static TransactionAttributeSource withinDeadline(TransactionAttributeSource source) {
        return (WithinDeadline) (method, targetClass) -> {
            TransactionAttribute attribute = source.getTransactionAttribute(method, targetClass);
            if (attribute == null) {
                return null;
            }
            return new DelegatingTransactionAttribute(attribute) {
                @Override
                public int getTimeout() {
                    int own = attribute.getTimeout();
                    OptionalInt left = RequestDeadline.secondsLeft();
                    if (left.isEmpty()) {
                        return own;
                    }
                    return own == TransactionDefinition.TIMEOUT_DEFAULT ? left.getAsInt() : Math.min(own, left.getAsInt());
                }
            };
        };
    }
}
