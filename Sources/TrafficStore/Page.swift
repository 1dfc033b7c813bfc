/// One page of a keyset-paginated listing.
public struct Page<Item: Sendable>: Sendable {
    /// The items, in listing order.
    public var items: [Item]
    /// The raw key of the last item (a spec name, or a revision number as decimal text) when more
    /// items follow; `nil` on the last page. The API layer makes it opaque.
    public var nextCursor: String?

    /// Creates a page.
    public init(items: [Item], nextCursor: String?) {
        self.items = items
        self.nextCursor = nextCursor
    }
}

extension Page: Equatable where Item: Equatable {}
