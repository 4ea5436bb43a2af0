/// Where `JSONLineScanner` records the members it finds: an array, or the line parser's `RawArray`.
protocol JSONMemberList {
    mutating func append(_ member: JSONMember)
    /// Empties the list, keeping its memory.
    mutating func removeAllMembers()
}

extension Array: JSONMemberList where Element == JSONMember {
    mutating func removeAllMembers() { removeAll(keepingCapacity: true) }
}

extension RawArray: JSONMemberList where Element == JSONMember {
    func removeAllMembers() { removeAll() }
}
