import Foundation
import SQLiteDB

/// Why a store operation failed. Each case carries what the API layer needs for its answer.
public enum StoreError: Error, Sendable, Equatable {
    /// No spec has this name.
    case specNotFound(name: String)
    /// A spec with this name exists already.
    case specAlreadyExists(name: String)
    /// The spec exists but has no revision with this number.
    case revisionNotFound(name: String, number: Int)
    /// The caller's base (`expected`, as `ExpectedBase.description`) is not the latest revision.
    case preconditionFailed(name: String, expected: String, latestNumber: Int, latestDigest: String)
    /// A token with this name exists already (names are the actors of writes, so they are unique).
    case tokenAlreadyExists(name: String)
    /// The token name is not 1-64 characters of `[A-Za-z0-9._@-]`; `reason` says which rule failed.
    case invalidTokenName(name: String, reason: String)
    /// The expiry given for a new token is not in the future.
    case invalidTokenExpiry(name: String, expiresAt: Date)
    /// No token has this id.
    case tokenNotFound(id: Int64)
    /// The token was revoked before; revocation happens once.
    case tokenAlreadyRevoked(id: Int64, name: String)
    /// The environment name is not a DNS-1123 label; `reason` says which rule failed.
    case invalidEnvironmentName(name: String, reason: String)
    /// A forced rollout (one overriding validation errors) must say why.
    case forcedRolloutWithoutReason(spec: String, environment: String)
    /// The manifests digest given for a rollout is not 64 lowercase hex digits (a caller bug).
    case invalidManifestsDigest(spec: String, digest: String)
    /// A rollback was asked for where nothing (or only one revision) ever ran.
    case nothingToRollBack(spec: String, environment: String)
    /// The revision running in the environment is not the one the caller based its rollout on:
    /// someone else rolled out in between. `currentRevision` is what runs there now.
    case rolloutConflict(spec: String, environment: String, expectedRevision: Int, currentRevision: Int?)
    /// SQLite was still busy after its busy timeout; retry later.
    case busy(retryAfterSeconds: Int)
    /// The database records migrations this build does not know; refuse to start.
    case databaseIsNewer(unknownMigrations: [String])
    /// A page limit below 1 was asked for.
    case invalidPageLimit(Int)
    /// The store is not ready to serve (e.g. migrations pending); the reason is for logs.
    case notReady(reason: String)
    /// A migration failed; the database is left at the last migration that succeeded.
    case migrationFailed(MigrationError)
    /// Any other SQLite failure.
    case storage(SQLiteError)

    /// Maps any error from inside the store to a `StoreError`. This is the one place where SQLite
    /// errors get a domain meaning.
    static func from(_ error: any Error, specName: String? = nil) -> StoreError {
        switch error {
        case let error as StoreError:
            return error
        case let error as SQLiteError:
            return from(error, specName: specName)
        case let error as MigrationError:
            return from(error)
        default:
            // Cannot happen: the closures only throw the three types above. Only the type name is
            // kept, so that no value can leak through an unknown error's description.
            return .storage(SQLiteError(code: 1, message: "unexpected error of type \(type(of: error))"))
        }
    }

    static func from(_ error: SQLiteError, specName: String? = nil) -> StoreError {
        if error.isBusy {
            // The busy timeout already waited; the client should come back shortly.
            return .busy(retryAfterSeconds: 1)
        }
        // Only specs.name is unique besides primary keys assigned inside the same transaction,
        // so a unique violation while writing a spec means the name was taken.
        if error.isUniqueConstraint, error.message.contains("specs.name"), let specName {
            return .specAlreadyExists(name: specName)
        }
        return .storage(error)
    }

    static func from(_ error: MigrationError) -> StoreError {
        switch error {
        case .databaseIsNewer(let unknown):
            return .databaseIsNewer(unknownMigrations: unknown)
        case .storage(let error) where error.isBusy, .failed(_, let error) where error.isBusy:
            return .busy(retryAfterSeconds: 1)
        default:
            return .migrationFailed(error)
        }
    }
}
