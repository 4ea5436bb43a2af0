import Foundation

/// The path of a file in the test bundle's Fixtures folder.
func fixture(_ name: String) -> String {
    Bundle.module.path(forResource: name, ofType: nil, inDirectory: "Fixtures")!
}
