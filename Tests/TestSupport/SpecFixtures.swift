/// The smallest valid traffic spec, varied by name and route path so tests can make distinct
/// revisions. Line 9 holds the backend, for tests that check error positions.
public func minimalSpec(name: String = "task-api", path: String = "/api", routeName: String = "main") -> String {
    """
    version: trafficspec/v1
    name: \(name)
    gateway:
      listeners:
        - {name: http, protocol: HTTP, port: 80}
    routes:
      - name: \(routeName)
        pathPrefix: \(path)
        backends: [{service: backend, port: 8000}]

    """
}
