#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace llmopt {

// One operator action as the audit log keeps it.
struct AuditRecord {
    int64_t seq = 0; // 1, 2, 3, … with no gaps
    int64_t timeUnixNano = 0;
    std::string actor; // OS user and host, "user@host"
    std::string action; // "approve", "reject", "start_rollout", …
    std::string subject; // what it acted on, e.g. "recommendation/12"
    nlohmann::json evidence; // what the operator saw when deciding
    std::string previousHash; // the previous record's hash; 64 zeros for the first
    std::string hash; // lower-case hex SHA-256 of the canonical form below
};

// The operators' audit log in the event database's audit_log table:
// append-only and hash-chained, so that editing or deleting a record shows.
//
// A record's hash is SHA-256 over
//   "llmopt-audit-v1\n" + N(seq) + N(time_ns) + N(actor) + N(action)
//   + N(subject) + N(evidence) + N(previous_hash)
// where N(x) is the netstring  <byte length of x in decimal> ":" x ","  and
// numbers are written in decimal; evidence is the stored text, the JSON dumped
// compactly with object keys sorted (nlohmann::json's order) and invalid UTF-8
// replaced by U+FFFD. Length prefixes make every field boundary unambiguous,
// so the chain can be checked with any SHA-256 tool.
//
// Limits, by design of a keyless chain in the same file: deleting the newest
// records leaves a shorter chain that is still valid, and someone who rewrites
// every hash after an edit is not caught either. verify() therefore reports
// the head (newest seq and hash); keep it outside the database — a ticket, a
// log shipped elsewhere — and compare it later to detect both.
//
// Each instance has its own SQLite connection; use one per thread. Instances
// in any number of threads or processes append to one chain: every append is
// an IMMEDIATE transaction, so no two writers read the same last record.
class AuditLog {
public:
    static constexpr std::string_view kGenesisHash
        = "0000000000000000000000000000000000000000000000000000000000000000";

    struct VerifyResult {
        bool ok = true;
        size_t checked = 0; // records read, including the broken one
        int64_t brokenSeq = 0; // the first record whose link is broken; 0 when ok
        std::string problem; // a sentence saying what is wrong; empty when ok
        // The newest record found intact (before the break, if any): 0 and
        // kGenesisHash for an empty log.
        int64_t headSeq = 0;
        std::string headHash;
    };

    // Opens the event database at `path`, creating and migrating it as
    // EventStore does. Throws StoreError (with the fix) when it cannot, and
    // std::invalid_argument for ":memory:" or "" — a private database nobody
    // else could audit.
    explicit AuditLog(const std::string& path);
    ~AuditLog();
    AuditLog(const AuditLog&) = delete;
    AuditLog& operator=(const AuditLog&) = delete;

    // Appends a record after the newest one and returns it. Throws
    // std::invalid_argument when actor, action or subject is empty, StoreError
    // when the database cannot be written.
    AuditRecord append(std::string_view actor, std::string_view action, std::string_view subject,
                       const nlohmann::json& evidence, int64_t timeUnixNano);
    // The newest first, at most `limit`.
    std::vector<AuditRecord> records(size_t limit) const;
    // Walks the chain from the first record and stops at the first broken link.
    VerifyResult verify() const;

    // "user@host": the user from USER or LOGNAME (else the password database),
    // the host from gethostname().
    static std::string operatorIdentity();

private:
    [[noreturn]] void fail(std::string_view what, int code) const;
    void exec(const char* sql) const;
    sqlite3_stmt* prepare(const char* sql) const;

    std::string m_path;
    sqlite3* m_db = nullptr;
    sqlite3_stmt* m_last = nullptr;
    sqlite3_stmt* m_insert = nullptr;
};

} // namespace llmopt
