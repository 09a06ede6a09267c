package io.aimsgate.bench;

import io.aimsgate.support.Api;
import io.aimsgate.support.LifecycleWalk;

/** Bench systems pass the earlier life-cycle gates over HTTP, as the deployment gate requires, before it is timed. */
final class BenchLifecycle {

    private BenchLifecycle() {
    }

    static void passGatesBeforeDeployment(int port, long systemId, String tier) {
        new LifecycleWalk((user, method, path, body, expected) -> {
            HttpCaller caller = new HttpCaller(port, user, "demo");
            HttpCaller.Response response = "GET".equals(method) ? caller.get(path)
                    : caller.post(path, body == null ? "{}" : Api.json(body));
            return response.expect(expected, method + " " + path).body().isBlank() ? null : response.json();
        }, LifecycleWalk.Cast.DEMO).passGatesBeforeDeployment(systemId, tier, "0.0.1-validated");
    }
}
