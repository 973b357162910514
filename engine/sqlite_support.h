#pragma once

#include <sqlite3.h>
#include <string>
#include <string_view>

// Small helpers shared by the classes that talk to SQLite directly
// (EventStore, AuditLog); not part of any public interface.
namespace llmopt::sqlite {

// The text must stay alive until the statement is reset: every caller steps and
// resets before its strings go away, so SQLite need not copy them.
inline void bindText(sqlite3_stmt* s, int i, std::string_view text)
{
    sqlite3_bind_text(s, i, text.data(), static_cast<int>(text.size()), SQLITE_STATIC);
}

inline std::string columnText(sqlite3_stmt* s, int i)
{
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(s, i));
    return p ? std::string(p, static_cast<size_t>(sqlite3_column_bytes(s, i))) : std::string();
}

// Finalizes a statement when the scope ends.
struct Statement {
    sqlite3_stmt* s;
    ~Statement() { sqlite3_finalize(s); }
};

// What an SQLite error code means for the operator, and what to do about it.
inline std::string advice(int code, sqlite3* db)
{
    if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
        return "it is locked by another process (is another llm-optimizer running on it?); "
               "close that process or choose another file with --db";
    if (code == SQLITE_NOTADB)
        return "the file is not an llm-optimizer database; choose another file with --db";
    if (code == SQLITE_READONLY || code == SQLITE_CANTOPEN || code == SQLITE_PERM)
        return "the file or its folder is not writable; fix the permissions or choose another "
               "file with --db";
    if (code == SQLITE_FULL)
        return "the disk is full; free space or lower the retention";
    return db ? sqlite3_errmsg(db) : sqlite3_errstr(code);
}

} // namespace llmopt::sqlite
