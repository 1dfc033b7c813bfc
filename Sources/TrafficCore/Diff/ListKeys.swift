/// The one table of list-item keys: lists whose API identifies items by a field are matched by
/// that field, so reordering such a list shows as moves and an edit inside an item as a field
/// change of that item, never as remove plus add.
///
/// A list is matched by key only when every item is an object whose key field is a string and
/// the keys are unique on both sides; otherwise (e.g. HTTPRoute rules without names) it is
/// compared by position. The table is keyed by the list's own field name, which is specific
/// enough for the Kubernetes and trafficspec/v1 schemas this project renders.
public enum ListKeys {
    /// List field name → the item field that identifies an item.
    public static let table: [String: String] = [
        // Gateway API: Gateway `spec.listeners`, HTTPRoute `spec.rules` (named rules, v1.2+),
        // header modifier and match lists.
        "listeners": "name",
        "rules": "name",
        "headers": "name",
        "set": "name",
        "add": "name",
        // Kubernetes workloads and services (strategic-merge keys).
        "containers": "name",
        "initContainers": "name",
        "env": "name",
        "ports": "name",
        "volumes": "name",
        "volumeMounts": "name",
        // trafficspec/v1: `routes`, `gateway.listeners`, `llm.providers`.
        "routes": "name",
        "providers": "name",
    ]

    /// The key field for a list stored under `field`, if the table names one.
    public static func keyField(forList field: String?) -> String? {
        field.flatMap { table[$0] }
    }

    /// The item keys of `items` under `keyField`, or nil when some item has none or two share one.
    static func keys(of items: [JSONValue], keyField: String) -> [String]? {
        var seen = Set<String>()
        var keys: [String] = []
        keys.reserveCapacity(items.count)
        for item in items {
            guard let key = item[keyField]?.stringValue, seen.insert(key).inserted else { return nil }
            keys.append(key)
        }
        return keys
    }
}
