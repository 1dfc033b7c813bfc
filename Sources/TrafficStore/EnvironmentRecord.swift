import Foundation

/// An environment and what runs there.
public struct EnvironmentRecord: Sendable, Equatable {
    /// A DNS-1123 label such as `prod`.
    public var name: String
    /// When it was created (on first use).
    public var createdAt: Date
    /// Who created it.
    public var createdBy: String
    /// For each spec ever rolled out here, its current rollout (the latest by id), by spec name.
    public var deployments: [RolloutRecord]

    /// Creates a record.
    public init(name: String, createdAt: Date, createdBy: String, deployments: [RolloutRecord]) {
        self.name = name
        self.createdAt = createdAt
        self.createdBy = createdBy
        self.deployments = deployments
    }

    /// The latest rollout here of any spec (the highest id), or `nil` before the first.
    public var latestRollout: RolloutRecord? {
        deployments.max { $0.id < $1.id }
    }

    /// The current rollout of `spec` here, or `nil` if it never ran here.
    public func deployment(of spec: String) -> RolloutRecord? {
        deployments.first { $0.spec == spec }
    }
}
