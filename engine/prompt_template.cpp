#include "prompt_template.h"

#include "price_table.h"

#include <algorithm>
#include <cctype>
#include <cstdint>

namespace llmopt {

namespace {

bool nameChar(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.';
}

bool blank(char c)
{
    return c == ' ' || c == '\t';
}

size_t lineAt(std::string_view text, size_t pos)
{
    return 1 + size_t(std::count(text.begin(), text.begin() + long(pos), '\n'));
}

std::vector<std::string_view> linesOf(std::string_view text)
{
    std::vector<std::string_view> lines;
    size_t start = 0;
    while (start < text.size()) {
        const size_t end = std::min(text.find('\n', start), text.size());
        lines.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

} // namespace

PromptTemplate::PromptTemplate(std::string text, std::string_view origin)
    : m_text(std::move(text))
    , m_origin(origin)
{
    const std::string_view t = m_text;
    std::string literal;
    size_t i = 0;
    while (i < t.size()) {
        if (t.compare(i, 2, "{{") != 0) {
            literal += t[i++];
            continue;
        }
        size_t p = i + 2;
        while (p < t.size() && blank(t[p]))
            ++p;
        const size_t nameStart = p;
        while (p < t.size() && nameChar(t[p]))
            ++p;
        const std::string_view name = t.substr(nameStart, p - nameStart);
        while (p < t.size() && blank(t[p]))
            ++p;
        if (name.empty() || t.compare(p, 2, "}}") != 0) {
            const size_t close = t.find("}}", i + 2);
            const std::string_view shown = close == std::string_view::npos
                ? t.substr(i, std::min<size_t>(t.size() - i, 30))
                : t.substr(i, close + 2 - i);
            throw ConfigError(std::string(origin) + ", line " + std::to_string(lineAt(t, i))
                              + ": \"" + std::string(shown)
                              + "\" is not a placeholder; write {{name}} with a name of letters, "
                                "digits, '_', '-' or '.'");
        }
        if (!literal.empty())
            m_pieces.push_back({false, std::move(literal)});
        literal.clear();
        m_pieces.push_back({true, std::string(name)});
        if (std::find(m_variables.begin(), m_variables.end(), name) == m_variables.end())
            m_variables.emplace_back(name);
        i = p + 2;
    }
    if (!literal.empty())
        m_pieces.push_back({false, std::move(literal)});
}

std::string PromptTemplate::render(const std::map<std::string, std::string>& values,
                                   std::string_view item) const
{
    std::string out;
    out.reserve(m_text.size());
    for (const Piece& piece : m_pieces) {
        if (!piece.isVariable) {
            out += piece.text;
            continue;
        }
        const auto it = values.find(piece.text);
        if (it == values.end()) {
            std::string has;
            for (const auto& [name, value] : values)
                has += (has.empty() ? "" : ", ") + name;
            throw ConfigError("item \"" + std::string(item) + "\": " + m_origin + " uses {{"
                              + piece.text + "}}, which the item does not have (it has: "
                              + (has.empty() ? "nothing" : has) + ")");
        }
        out += it->second;
    }
    return out;
}

std::vector<TemplateDiffLine> PromptTemplate::diff(std::string_view a, std::string_view b)
{
    const std::vector<std::string_view> x = linesOf(a), y = linesOf(b);
    // Common prefix and suffix first: an edited template differs in a few
    // lines, and the quadratic table then covers only those.
    size_t prefix = 0;
    while (prefix < x.size() && prefix < y.size() && x[prefix] == y[prefix])
        ++prefix;
    size_t suffix = 0;
    while (suffix < x.size() - prefix && suffix < y.size() - prefix
           && x[x.size() - 1 - suffix] == y[y.size() - 1 - suffix])
        ++suffix;
    const size_t n = x.size() - prefix - suffix, m = y.size() - prefix - suffix;
    // lcs[i][j]: the longest common subsequence of the middle parts' tails x[i…], y[j…].
    std::vector<uint32_t> lcs((n + 1) * (m + 1), 0);
    auto at = [&](size_t i, size_t j) -> uint32_t& { return lcs[i * (m + 1) + j]; };
    for (size_t i = n; i-- > 0;)
        for (size_t j = m; j-- > 0;)
            at(i, j) = x[prefix + i] == y[prefix + j] ? at(i + 1, j + 1) + 1
                                                      : std::max(at(i + 1, j), at(i, j + 1));

    std::vector<TemplateDiffLine> out;
    using Kind = TemplateDiffLine::Kind;
    for (size_t i = 0; i < prefix; ++i)
        out.push_back({Kind::Same, std::string(x[i])});
    size_t i = 0, j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && x[prefix + i] == y[prefix + j]) {
            out.push_back({Kind::Same, std::string(x[prefix + i])});
            ++i, ++j;
        } else if (i < n && (j == m || at(i + 1, j) >= at(i, j + 1))) {
            out.push_back({Kind::Removed, std::string(x[prefix + i++])});
        } else {
            out.push_back({Kind::Added, std::string(y[prefix + j++])});
        }
    }
    for (size_t k = x.size() - suffix; k < x.size(); ++k)
        out.push_back({Kind::Same, std::string(x[k])});
    return out;
}

} // namespace llmopt
