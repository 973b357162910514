#include "audit_log.h"

#include "event_store.h"
#include "sha256.h"
#include "sqlite_support.h"

#include <algorithm>
#include <cstdlib>
#include <limits>
#include <pwd.h>
#include <stdexcept>
#include <unistd.h>

namespace llmopt {

using sqlite::bindText;
using sqlite::columnText;
using sqlite::Statement;

namespace {

// Resets a kept statement when the scope ends, so it holds no read lock and
// no bound text outlives its string.
struct Reset {
    sqlite3_stmt* s;
    ~Reset()
    {
        sqlite3_reset(s);
        sqlite3_clear_bindings(s);
    }
};

void appendField(std::string& out, std::string_view field)
{
    out += std::to_string(field.size());
    out += ':';
    out += field;
    out += ',';
}

// The canonical form documented in audit_log.h.
std::string recordHash(int64_t seq, int64_t timeUnixNano, std::string_view actor,
                       std::string_view action, std::string_view subject,
                       std::string_view evidenceText, std::string_view previousHash)
{
    std::string text = "llmopt-audit-v1\n";
    appendField(text, std::to_string(seq));
    appendField(text, std::to_string(timeUnixNano));
    appendField(text, actor);
    appendField(text, action);
    appendField(text, subject);
    appendField(text, evidenceText);
    appendField(text, previousHash);
    return Sha256::hexDigest(text);
}

// Text that is no longer JSON (edited by hand) is kept as a string, so that
// listing a damaged log still shows it.
nlohmann::json evidenceFrom(const std::string& text)
{
    nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
    return j.is_discarded() ? nlohmann::json(text) : j;
}

std::string missingRecords(int64_t first, int64_t last)
{
    return first == last
        ? "record " + std::to_string(first) + " is missing before it: it was deleted"
        : "records " + std::to_string(first) + " to " + std::to_string(last)
            + " are missing before it: they were deleted";
}

} // namespace

AuditLog::AuditLog(const std::string& path)
    : m_path(path)
{
    if (path.empty() || path == ":memory:")
        throw std::invalid_argument(
            "the audit log needs a database file that others can verify, not a private "
            "in-memory database; pass the event database's file name");
    // Creates or migrates the schema, which holds the table (migration 5),
    // then lets go of that connection.
    EventStore{path};
    const int rc = sqlite3_open_v2(path.c_str(), &m_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX,
                                   nullptr);
    if (rc != SQLITE_OK) {
        sqlite3_close(m_db);
        m_db = nullptr;
        fail("cannot open it", rc);
    }
    try {
        // An operator's action must not be lost to a short wait for another writer.
        sqlite3_busy_timeout(m_db, 5000);
        m_last = prepare("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1");
        m_insert = prepare("INSERT INTO audit_log(seq, time_ns, actor, action, subject, evidence, "
                           "previous_hash, hash) VALUES(?,?,?,?,?,?,?,?)");
    } catch (...) {
        sqlite3_finalize(m_last);
        sqlite3_close(m_db);
        throw;
    }
}

AuditLog::~AuditLog()
{
    sqlite3_finalize(m_last);
    sqlite3_finalize(m_insert);
    sqlite3_close(m_db);
}

void AuditLog::fail(std::string_view what, int code) const
{
    throw StoreError("audit log in " + m_path + ": " + std::string(what) + ": "
                     + sqlite::advice(code, m_db));
}

void AuditLog::exec(const char* sql) const
{
    const int rc = sqlite3_exec(m_db, sql, nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK)
        fail("cannot run a statement", rc);
}

sqlite3_stmt* AuditLog::prepare(const char* sql) const
{
    sqlite3_stmt* s = nullptr;
    const int rc = sqlite3_prepare_v3(m_db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s, nullptr);
    if (rc != SQLITE_OK)
        fail("cannot prepare a statement", rc);
    return s;
}

AuditRecord AuditLog::append(std::string_view actor, std::string_view action,
                             std::string_view subject, const nlohmann::json& evidence,
                             int64_t timeUnixNano)
{
    if (actor.empty())
        throw std::invalid_argument("audit record without an actor: pass who acted, as "
                                    "AuditLog::operatorIdentity() gives it (user@host)");
    if (action.empty())
        throw std::invalid_argument("audit record without an action: pass what was done, e.g. "
                                    "\"approve\"");
    if (subject.empty())
        throw std::invalid_argument("audit record without a subject: pass what was acted on, e.g. "
                                    "\"recommendation/12\"");
    const std::string evidenceText
        = evidence.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);

    AuditRecord r;
    r.timeUnixNano = timeUnixNano;
    r.actor = actor;
    r.action = action;
    r.subject = subject;
    r.evidence = evidenceFrom(evidenceText);
    // IMMEDIATE takes the write lock before reading the newest record: two
    // writers cannot both chain onto it.
    exec("BEGIN IMMEDIATE");
    try {
        {
            Reset reset{m_last};
            const int rc = sqlite3_step(m_last);
            if (rc == SQLITE_ROW) {
                r.seq = sqlite3_column_int64(m_last, 0) + 1;
                r.previousHash = columnText(m_last, 1);
            } else if (rc == SQLITE_DONE) {
                r.seq = 1;
                r.previousHash = kGenesisHash;
            } else {
                fail("cannot read the newest record", rc);
            }
        }
        r.hash = recordHash(r.seq, r.timeUnixNano, r.actor, r.action, r.subject, evidenceText,
                            r.previousHash);
        {
            Reset reset{m_insert};
            sqlite3_bind_int64(m_insert, 1, r.seq);
            sqlite3_bind_int64(m_insert, 2, r.timeUnixNano);
            bindText(m_insert, 3, r.actor);
            bindText(m_insert, 4, r.action);
            bindText(m_insert, 5, r.subject);
            bindText(m_insert, 6, evidenceText);
            bindText(m_insert, 7, r.previousHash);
            bindText(m_insert, 8, r.hash);
            const int rc = sqlite3_step(m_insert);
            if (rc != SQLITE_DONE)
                fail("cannot append a record", rc);
        }
        exec("COMMIT");
    } catch (...) {
        sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
        throw;
    }
    return r;
}

std::vector<AuditRecord> AuditLog::records(size_t limit) const
{
    Statement st{prepare("SELECT seq, time_ns, actor, action, subject, evidence, previous_hash, "
                         "hash FROM audit_log ORDER BY seq DESC LIMIT ?")};
    sqlite3_bind_int64(
        st.s, 1,
        static_cast<int64_t>(std::min<size_t>(limit, std::numeric_limits<int64_t>::max())));
    std::vector<AuditRecord> out;
    int rc;
    while ((rc = sqlite3_step(st.s)) == SQLITE_ROW)
        out.push_back({sqlite3_column_int64(st.s, 0), sqlite3_column_int64(st.s, 1),
                       columnText(st.s, 2), columnText(st.s, 3), columnText(st.s, 4),
                       evidenceFrom(columnText(st.s, 5)), columnText(st.s, 6),
                       columnText(st.s, 7)});
    if (rc != SQLITE_DONE)
        fail("cannot read the records", rc);
    return out;
}

AuditLog::VerifyResult AuditLog::verify() const
{
    Statement st{prepare("SELECT seq, time_ns, actor, action, subject, evidence, previous_hash, "
                         "hash FROM audit_log ORDER BY seq")};
    VerifyResult result;
    result.headHash = kGenesisHash;
    int rc;
    while ((rc = sqlite3_step(st.s)) == SQLITE_ROW) {
        ++result.checked;
        const int64_t seq = sqlite3_column_int64(st.s, 0);
        const std::string previousHash = columnText(st.s, 6), hash = columnText(st.s, 7);
        std::string problem;
        // Content first: an edited record is named itself, not by its successor.
        if (recordHash(seq, sqlite3_column_int64(st.s, 1), columnText(st.s, 2), columnText(st.s, 3),
                       columnText(st.s, 4), columnText(st.s, 5), previousHash)
            != hash)
            problem = "its content does not match its hash: the record was edited";
        else if (seq != result.headSeq + 1)
            problem = missingRecords(result.headSeq + 1, seq - 1);
        else if (previousHash != result.headHash)
            problem = result.headSeq == 0
                ? "it does not start the chain (its previous hash is not 64 zeros): the record "
                  "was replaced"
                : "its previous hash is not the hash of record " + std::to_string(result.headSeq)
                    + ": that record was edited and re-hashed, or replaced";
        if (!problem.empty()) {
            result.ok = false;
            result.brokenSeq = seq;
            result.problem = std::move(problem);
            return result;
        }
        result.headSeq = seq;
        result.headHash = hash;
    }
    if (rc != SQLITE_DONE)
        fail("cannot read the records", rc);
    return result;
}

std::string AuditLog::operatorIdentity()
{
    std::string user;
    for (const char* name : {"USER", "LOGNAME"}) {
        if (const char* v = std::getenv(name); v && *v) {
            user = v;
            break;
        }
    }
    if (user.empty()) { // services and cron jobs often run without either variable
        passwd entry{};
        passwd* found = nullptr;
        std::vector<char> buffer(16384);
        if (getpwuid_r(geteuid(), &entry, buffer.data(), buffer.size(), &found) == 0 && found)
            user = found->pw_name;
        else
            user = "uid" + std::to_string(geteuid());
    }
    char host[256] = {};
    // POSIX leaves a truncated name unterminated; the last byte stays 0.
    if (gethostname(host, sizeof host - 1) != 0 || host[0] == '\0')
        return user + "@unknown-host";
    return user + "@" + host;
}

} // namespace llmopt
