import PopExtract
import PopStore

/// The one error the commands report: what went wrong (a code), a message naming the file,
/// line and column where there is one, and the underlying cause.
public struct PopError: Error, CustomStringConvertible {
    public enum Code: String, Sendable {
        /// An extract, reference file or option pop cannot use.
        case unusableInput
        /// A month, indicator or setting that is not there.
        case notFound
        /// The database could not be opened, read or written.
        case store
        /// An interactive command without a terminal.
        case noTerminal
        /// A program pop runs (a headless Chromium, for a PDF) is missing or failed.
        case externalProgram
    }

    public let code: Code
    public let message: String
    public let cause: (any Error)?

    public init(_ code: Code, _ message: String, cause: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.cause = cause
    }

    public var description: String { message }

    /// The process's exit status: 1 without a terminal, 2 for everything pop cannot use.
    public var exitStatus: Int32 { code == .noTerminal ? 1 : 2 }

    public static func unusable(_ e: ExtractError) -> PopError { PopError(.unusableInput, e.description, cause: e) }

    public static func store(_ what: String, _ e: any Error) -> PopError { PopError(.store, "\(what): \(e)", cause: e) }
}

/// Runs a store operation, reporting a failure as a `PopError` that says what was being done.
public func storing<T>(_ what: @autoclosure () -> String, _ body: () throws -> T) throws(PopError) -> T {
    do { return try body() } catch let e as PopError { throw e } catch { throw PopError.store(what(), error) }
}
