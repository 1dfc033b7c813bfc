import Foundation
import TrafficCore

/// The order in which a revision must move through environments, e.g. `dev,staging,prod`: a
/// revision reaches an environment only after it ran in the one before it. Environments
/// outside the order are not restricted.
public struct PromotionOrder: Sendable, Equatable {
    /// The environments, first to last; empty when no order is enforced.
    public let environments: [String]

    /// No order: any revision may go anywhere.
    public static let none = PromotionOrder(checked: [])

    private init(checked environments: [String]) {
        self.environments = environments
    }

    /// Parses a comma-separated list of at least two distinct DNS-1123 labels.
    public init(parsing text: String) throws(PromotionOrderError) {
        let names = text.split(separator: ",", omittingEmptySubsequences: false)
            .map { String($0).trimmingCharacters(in: .whitespaces) }
        guard names.count >= 2 else { throw .tooShort(text) }
        var seen: Set<String> = []
        for name in names {
            if let problem = DNSName.labelProblem(name) { throw .invalidName(name, reason: problem) }
            guard seen.insert(name).inserted else { throw .repeated(name) }
        }
        self.init(checked: names)
    }

    /// The environment a revision must have run in before it may go to `environment`, or `nil`
    /// when `environment` is first in the order or not in it.
    public func prerequisite(of environment: String) -> String? {
        guard let index = environments.firstIndex(of: environment), index > 0 else { return nil }
        return environments[index - 1]
    }
}

/// Why a `--promotion` list was refused.
public enum PromotionOrderError: Error, Sendable, Equatable, CustomStringConvertible {
    case tooShort(String)
    case invalidName(String, reason: String)
    case repeated(String)

    public var description: String {
        switch self {
        case .tooShort(let text): "a promotion order names at least two environments, e.g. dev,staging,prod (got '\(text)')"
        case .invalidName(let name, let reason): "environment '\(name)' in the promotion order \(reason)"
        case .repeated(let name): "environment '\(name)' appears twice in the promotion order"
        }
    }
}
