package fr.santegraph.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicLong;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Counts the Cypher statements the application sends through the driver, to prove that nested GraphQL fields are
 * batched: the count must not grow with the page size. Wraps the {@link Driver} bean in tests only.
 */
@Component
public class CypherCounter implements BeanPostProcessor {

    private final AtomicLong statements = new AtomicLong();

    public long statements() {
        return statements.get();
    }

    /** Statements sent while running the action. */
    public long count(Runnable action) {
        long before = statements.get();
        action.run();
        return statements.get() - before;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof Driver driver ? wrap(driver, Driver.class) : bean;
    }

    @SuppressWarnings("unchecked")
    private <T> T wrap(T target, Class<T> type) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("run")) {
                statements.incrementAndGet();
            }
            Object result = invoke(target, method, args);
            if (result instanceof Session session && !(result instanceof Proxy)) {
                return wrap(session, Session.class);
            }
            if (result instanceof Transaction transaction && !(result instanceof Proxy)) {
                return wrap(transaction, Transaction.class);
            }
            return result;
        };
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
