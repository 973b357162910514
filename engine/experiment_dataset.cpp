#include "experiment_dataset.h"

#include "json_text.h"
#include "price_table.h"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace llmopt::offline {

namespace {

std::string at(std::string_view origin, size_t line)
{
    return std::string(origin) + ", line " + std::to_string(line);
}

// One CSV record: its fields and the line it starts on.
struct CsvRecord {
    std::vector<std::string> fields;
    size_t line = 0;
};

// RFC 4180 records of `text`; empty lines are skipped.
std::vector<CsvRecord> csvRecords(std::string_view text, std::string_view origin)
{
    std::vector<CsvRecord> records;
    size_t i = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
    size_t line = 1;
    while (i < text.size()) {
        if (text[i] == '\n' || text.compare(i, 2, "\r\n") == 0) { // an empty line
            i += text[i] == '\n' ? 1 : 2;
            ++line;
            continue;
        }
        CsvRecord record;
        record.line = line;
        while (true) { // one field per pass
            std::string field;
            if (i < text.size() && text[i] == '"') {
                const size_t openedOn = line;
                ++i;
                while (true) {
                    if (i >= text.size())
                        throw ConfigError(at(origin, openedOn)
                                          + ": a quoted field is never closed; end it with \"");
                    if (text[i] == '"') {
                        if (i + 1 < text.size() && text[i + 1] == '"') {
                            field += '"';
                            i += 2;
                            continue;
                        }
                        ++i;
                        break;
                    }
                    if (text[i] == '\n')
                        ++line;
                    field += text[i++];
                }
                if (i < text.size() && text[i] != ',' && text[i] != '\n'
                    && text.compare(i, 2, "\r\n") != 0)
                    throw ConfigError(at(origin, line)
                                      + ": text after a quoted field's closing quote; write a "
                                        "quote inside a quoted field as \"\"");
            } else {
                while (i < text.size() && text[i] != ',' && text[i] != '\n'
                       && text.compare(i, 2, "\r\n") != 0) {
                    if (text[i] == '"')
                        throw ConfigError(at(origin, line)
                                          + ": a quote inside an unquoted field; quote the whole "
                                            "field and write the quote as \"\"");
                    field += text[i++];
                }
            }
            record.fields.push_back(std::move(field));
            if (i < text.size() && text[i] == ',') {
                ++i;
                continue;
            }
            if (i < text.size()) { // the record's line break
                i += text[i] == '\n' ? 1 : 2;
                ++line;
            }
            break;
        }
        records.push_back(std::move(record));
    }
    return records;
}

} // namespace

std::string_view ExperimentDataset::formatName(Format format)
{
    return format == Format::Csv ? "csv" : "jsonl";
}

std::optional<ExperimentDataset::Format> ExperimentDataset::formatFromName(std::string_view name)
{
    if (name == "csv")
        return Format::Csv;
    if (name == "jsonl")
        return Format::Jsonl;
    return std::nullopt;
}

std::optional<ExperimentDataset::Format> ExperimentDataset::formatForPath(std::string_view path)
{
    if (path.ends_with(".csv"))
        return Format::Csv;
    if (path.ends_with(".jsonl") || path.ends_with(".ndjson"))
        return Format::Jsonl;
    return std::nullopt;
}

bool ExperimentDataset::hasColumn(std::string_view name) const
{
    return std::find(m_columns.begin(), m_columns.end(), name) != m_columns.end();
}

bool ExperimentDataset::hasReference() const
{
    return std::any_of(m_items.begin(), m_items.end(),
                       [](const DatasetItem& item) { return item.reference.has_value(); });
}

void ExperimentDataset::addItem(DatasetItem item, std::string_view origin)
{
    if (const auto it = item.variables.find("id"); it != item.variables.end()) {
        if (it->second.empty())
            throw ConfigError(at(origin, item.line)
                              + ": the \"id\" is empty; give every item an id or drop the column");
        item.id = it->second;
    } else {
        item.id = std::to_string(m_items.size() + 1);
    }
    const auto [known, added] = m_lineOfId.emplace(item.id, item.line);
    if (!added)
        throw ConfigError(at(origin, item.line) + ": the id \"" + item.id
                          + "\" is already used on line " + std::to_string(known->second)
                          + "; item ids must be unique");
    for (const auto& [name, value] : item.variables)
        if (!hasColumn(name))
            m_columns.push_back(name);
    m_items.push_back(std::move(item));
}

ExperimentDataset ExperimentDataset::parse(std::string_view text, Format format,
                                           std::string_view origin,
                                           std::string_view referenceColumn)
{
    ExperimentDataset dataset;
    auto referenceOf = [&](const std::map<std::string, std::string>& variables) {
        auto it = variables.find(std::string(referenceColumn));
        if (it == variables.end() && referenceColumn == kDefaultReferenceColumn)
            it = variables.find("expected");
        return it == variables.end() ? std::nullopt : std::optional<std::string>(it->second);
    };
    if (format == Format::Csv) {
        std::vector<CsvRecord> records = csvRecords(text, origin);
        if (records.empty())
            throw ConfigError(std::string(origin)
                              + ": the file is empty; the first row must name the columns");
        const std::vector<std::string>& header = records.front().fields;
        for (size_t c = 0; c < header.size(); ++c) {
            if (header[c].empty())
                throw ConfigError(at(origin, 1) + ": column " + std::to_string(c + 1)
                                  + " has no name; name every column in the header row");
            if (std::find(header.begin(), header.begin() + long(c), header[c])
                != header.begin() + long(c))
                throw ConfigError(at(origin, 1) + ": the column \"" + header[c]
                                  + "\" is named twice");
        }
        // Columns in the header's order, also when a column never gets a value.
        dataset.m_columns = header;
        for (size_t r = 1; r < records.size(); ++r) {
            const CsvRecord& record = records[r];
            if (record.fields.size() != header.size())
                throw ConfigError(at(origin, record.line) + ": "
                                  + std::to_string(record.fields.size())
                                  + " fields, but the header has " + std::to_string(header.size())
                                  + "; quote fields that contain commas or line breaks");
            DatasetItem item;
            item.line = record.line;
            for (size_t c = 0; c < header.size(); ++c)
                item.variables.emplace(header[c], record.fields[c]);
            item.reference = referenceOf(item.variables);
            dataset.addItem(std::move(item), origin);
        }
    } else {
        size_t line = 0;
        size_t start = 0;
        while (start <= text.size()) {
            const size_t end = std::min(text.find('\n', start), text.size());
            std::string_view row = text.substr(start, end - start);
            start = end + 1;
            ++line;
            if (row.ends_with('\r'))
                row.remove_suffix(1);
            if (line == 1 && row.starts_with("\xEF\xBB\xBF"))
                row.remove_prefix(3);
            if (row.find_first_not_of(" \t") == std::string_view::npos)
                continue;
            if (!jsonDepthWithin(row))
                throw ConfigError(at(origin, line) + ": the object nests deeper than "
                                  + std::to_string(kMaxJsonDepth) + " levels");
            nlohmann::json object;
            try {
                object = nlohmann::json::parse(row);
            } catch (const nlohmann::json::parse_error& e) {
                throw ConfigError(at(origin, line) + ": not valid JSON (" + e.what() + ")");
            }
            if (!object.is_object())
                throw ConfigError(at(origin, line)
                                  + ": expected one JSON object per line, like {\"question\": "
                                    "\"…\", \"reference\": \"…\"}");
            DatasetItem item;
            item.line = line;
            for (const auto& [name, value] : object.items()) {
                if (value.is_null())
                    continue;
                item.variables.emplace(name,
                                       value.is_string() ? value.get<std::string>() : value.dump());
            }
            item.reference = referenceOf(item.variables);
            dataset.addItem(std::move(item), origin);
        }
    }
    if (dataset.m_items.empty())
        throw ConfigError(std::string(origin) + ": the dataset has no items; add at least one "
                          + (format == Format::Csv ? "row below the header" : "JSON object line"));
    return dataset;
}

ExperimentDataset ExperimentDataset::fromFile(const std::string& path, Format format,
                                              std::string_view referenceColumn)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw ConfigError(path
                          + ": cannot open the dataset file; check the path in the "
                            "definition's dataset.path");
    std::ostringstream text;
    text << in.rdbuf();
    return parse(text.str(), format, path, referenceColumn);
}

} // namespace llmopt::offline
