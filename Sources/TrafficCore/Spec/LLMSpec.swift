/// LLM traffic through Envoy AI Gateway: providers in priority tiers and per-user token budgets.
public struct LLMSpec: Sendable, Equatable, Codable {
    public var providers: [LLMProviderSpec]
    /// Route only these models (matched on the `x-ai-eg-model` header the gateway extracts).
    public var models: [String]?
    public var tokenBudget: TokenBudgetSpec?
    public var timeout: String?
}

public struct LLMProviderSpec: Sendable, Equatable, Codable {
    public var name: String
    /// `OpenAI`, `Anthropic`, `AzureOpenAI`, `AWSBedrock`, `GCPVertexAI`, `GCPAnthropic`, `Cohere`, `AWSAnthropic`.
    public var schema: String
    public var hostname: String
    public var port: Int?
    /// Failover tier: 0 is tried first, 1 when every tier-0 backend fails, …
    public var priority: Int?
    public var weight: Int?
    public var modelNameOverride: String?
    /// A Secret with key `apiKey`; renders a BackendSecurityPolicy.
    public var apiKeySecret: String?
}

public struct TokenBudgetSpec: Sendable, Equatable, Codable {
    public var header: String
    public var tokens: Int
    public var per: String
}
