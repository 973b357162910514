#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace llmopt::offline {

// One row of a dataset: the variables a prompt template is rendered with and,
// optionally, the reference answer the metrics compare with.
struct DatasetItem {
    std::string id; // the "id" column, else the row's number (1 = the first data row)
    size_t line = 0; // where the row starts in the file, for messages
    std::map<std::string, std::string> variables; // every column, the reference's included
    std::optional<std::string> reference;
};

// The items an offline experiment runs on (DESIGN.md, Experiment), read from
// CSV or JSONL. Every problem is a ConfigError naming the file and line.
//
// CSV (RFC 4180): the header row names the variables; fields may be quoted,
// with "" for a quote and embedded commas and line breaks; CRLF or LF; a UTF-8
// BOM is skipped; empty lines are skipped.
// JSONL: one object per line; strings become variables as they are, other
// values as their JSON text (42, true, {"a":1}); null leaves the variable
// unset; empty lines are skipped.
// The reference answer is the `referenceColumn` field; when that is the
// default "reference" and a row has none, its "expected" field.
class ExperimentDataset {
public:
    enum class Format { Csv, Jsonl };
    static std::string_view formatName(Format format);
    static std::optional<Format> formatFromName(std::string_view name);
    // ".csv" → CSV; ".jsonl" / ".ndjson" → JSONL.
    static std::optional<Format> formatForPath(std::string_view path);
    static constexpr std::string_view kDefaultReferenceColumn = "reference";

    static ExperimentDataset parse(std::string_view text, Format format, std::string_view origin,
                                   std::string_view referenceColumn = kDefaultReferenceColumn);
    static ExperimentDataset fromFile(const std::string& path, Format format,
                                      std::string_view referenceColumn = kDefaultReferenceColumn);

    const std::vector<DatasetItem>& items() const { return m_items; }
    size_t size() const { return m_items.size(); }
    // Every variable name: CSV in the header's order, JSONL in the order first
    // seen (by name within a line).
    const std::vector<std::string>& columns() const { return m_columns; }
    bool hasColumn(std::string_view name) const;
    // Whether any item has a reference answer.
    bool hasReference() const;

private:
    void addItem(DatasetItem item, std::string_view origin);

    std::vector<DatasetItem> m_items;
    std::vector<std::string> m_columns;
    std::map<std::string, size_t, std::less<>> m_lineOfId; // duplicate ids are refused
};

} // namespace llmopt::offline
