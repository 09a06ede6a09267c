package io.aimsgate.support;

import io.aimsgate.support.Api.Caller;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The set-up every HTTP scenario class shares: the running application's port and database, and one {@link Caller}
 * per demo user (each RACI role, the administrator, a user in no group, and no credentials at all), made afresh before
 * each test. Scenario classes extend it and take the concrete application ({@link H2DemoApp}, {@link PostgresDemoApp})
 * from their subclasses.
 */
public abstract class AsDemoUsers {

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    protected Api api;
    /** Product owners (ai-product-owners): olivia submits and starts, oscar approves what olivia started. */
    protected Caller olivia;
    protected Caller oscar;
    /** ML engineer. */
    protected Caller mia;
    /** Security. */
    protected Caller sam;
    /** Legal. */
    protected Caller lena;
    /** Privacy. */
    protected Caller priya;
    /** Ethics. */
    protected Caller ethan;
    /** Governance board. */
    protected Caller grace;
    /** Business stakeholder (Informed; reads, decides nothing). */
    protected Caller ben;
    /** Auditor. */
    protected Caller alex;
    protected Caller admin;
    /** A user in no RACI group. */
    protected Caller guest;
    protected Caller anonymous;

    @BeforeEach
    void demoUsers() {
        api = new Api(port);
        olivia = api.as("olivia");
        oscar = api.as("oscar");
        mia = api.as("mia");
        sam = api.as("sam");
        lena = api.as("lena");
        priya = api.as("priya");
        ethan = api.as("ethan");
        grace = api.as("grace");
        ben = api.as("ben");
        alex = api.as("alex");
        admin = api.as("admin");
        guest = api.as("guest");
        anonymous = api.anonymous();
    }

    /** The life-cycle walk over this application's HTTP APIs, as the demo users. */
    protected LifecycleWalk walk() {
        return LifecycleWalk.over(api);
    }
}
