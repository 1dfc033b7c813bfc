/// How the server treats rollouts: the promotion order it enforces and the command, if any,
/// that applies a rollout's manifests to a cluster.
public struct RolloutOptions: Sendable {
    /// `serve --promotion`.
    public var promotionOrder: PromotionOrder
    /// `serve --apply-command`; without it rollouts are records only.
    public var applyCommand: ApplyCommand?

    public init(promotionOrder: PromotionOrder = .none, applyCommand: ApplyCommand? = nil) {
        self.promotionOrder = promotionOrder
        self.applyCommand = applyCommand
    }
}
