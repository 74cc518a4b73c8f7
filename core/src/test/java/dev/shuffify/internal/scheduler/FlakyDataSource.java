package dev.shuffify.internal.scheduler;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source whose connections fail at random points: on open, before a commit (nothing written), after a
 * commit (written, but the caller is told it failed), and around auto-committed statements the same way.
 *
 * <p>By default a commit or statement has two chances to fail (before, then after). With
 * {@code onePerCall} each open, statement and commit fails with the probability once, before or after (a coin
 * decides; after only when something was committed): "p of opens, statements and commits fail".
 */
final class FlakyDataSource implements DataSource {
    private final DataSource delegate;
    private final Random random;
    private final double probability;
    private final boolean onePerCall;
    private volatile boolean enabled;
    final AtomicInteger onOpen = new AtomicInteger();
    final AtomicInteger beforeCommit = new AtomicInteger();
    final AtomicInteger afterCommit = new AtomicInteger();

    FlakyDataSource(DataSource delegate, long seed, double probability) {
        this(delegate, seed, probability, false);
    }

    FlakyDataSource(DataSource delegate, long seed, double probability, boolean onePerCall) {
        this.delegate = delegate;
        this.random = new Random(seed);
        this.probability = probability;
        this.onePerCall = onePerCall;
    }

    /** Once per call: 0 no failure, 1 before, 2 after. */
    private int failOnce() {
        if (!enabled) {
            return 0;
        }
        synchronized (random) {
            return random.nextDouble() >= probability ? 0 : random.nextBoolean() ? 1 : 2;
        }
    }

    void enable(boolean value) {
        this.enabled = value;
    }

    int injected() {
        return onOpen.get() + beforeCommit.get() + afterCommit.get();
    }

    private boolean fail() {
        if (!enabled) {
            return false;
        }
        synchronized (random) {
            return random.nextDouble() < probability;
        }
    }

    private static SQLException injected(String where) {
        return new SQLException("injected failure " + where, "08006");
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (fail()) {
            onOpen.incrementAndGet();
            throw injected("on open");
        }
        Connection real = delegate.getConnection();
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                new ConnectionHandler(real));
    }

    private final class ConnectionHandler implements InvocationHandler {
        private final Connection real;

        ConnectionHandler(Connection real) {
            this.real = real;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getName().equals("commit") && onePerCall) {
                int f = failOnce();
                if (f == 1) {
                    beforeCommit.incrementAndGet();
                    throw injected("before commit");
                }
                call(real, method, args);
                if (f == 2) {
                    afterCommit.incrementAndGet();
                    throw injected("after commit");
                }
                return null;
            }
            if (method.getName().equals("commit")) {
                if (fail()) {
                    beforeCommit.incrementAndGet();
                    throw injected("before commit");
                }
                call(real, method, args);
                if (fail()) {
                    afterCommit.incrementAndGet();
                    throw injected("after commit");
                }
                return null;
            }
            Object result = call(real, method, args);
            if (result instanceof Statement statement) {
                Class<?> type = method.getName().equals("prepareStatement") ? java.sql.PreparedStatement.class
                        : Statement.class;
                return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type},
                        new StatementHandler(real, statement));
            }
            return result;
        }
    }

    private final class StatementHandler implements InvocationHandler {
        private final Connection connection;
        private final Statement real;

        StatementHandler(Connection connection, Statement real) {
            this.connection = connection;
            this.real = real;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (!method.getName().startsWith("execute")) {
                return call(real, method, args);
            }
            if (onePerCall) {
                int f = failOnce();
                boolean after = f == 2 && connection.getAutoCommit();
                if (f != 0 && !after) {
                    beforeCommit.incrementAndGet();
                    throw injected("before " + method.getName());
                }
                Object result = call(real, method, args);
                if (after) {
                    afterCommit.incrementAndGet();
                    throw injected("after an auto-committed " + method.getName());
                }
                return result;
            }
            if (fail()) {
                beforeCommit.incrementAndGet();
                throw injected("before " + method.getName());
            }
            Object result = call(real, method, args);
            if (connection.getAutoCommit() && fail()) {
                afterCommit.incrementAndGet();
                throw injected("after an auto-committed " + method.getName());
            }
            return result;
        }
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return false;
    }
}
