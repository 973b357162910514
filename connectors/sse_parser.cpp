#include "sse_parser.h"

namespace llmopt {

void SseParser::feed(std::string_view bytes, std::vector<SseEvent>& out)
{
    if (!m_started) {
        // A UTF-8 byte order mark at the very start is dropped; it may itself
        // arrive split, so wait for three bytes (or anything that is not one).
        static constexpr std::string_view kBom = "\xEF\xBB\xBF";
        m_line.append(bytes);
        if (m_line.size() < kBom.size() && kBom.starts_with(m_line))
            return;
        m_started = true;
        std::string head = std::move(m_line);
        m_line.clear();
        std::string_view rest(head);
        if (rest.starts_with(kBom))
            rest.remove_prefix(kBom.size());
        feed(rest, out);
        return;
    }
    size_t start = 0;
    for (size_t i = 0; i < bytes.size(); ++i) {
        const char c = bytes[i];
        if (c != '\n' && c != '\r')
            continue;
        if (c == '\n' && m_afterCr && i == start && m_line.empty()) {
            // The LF of a CRLF whose CR ended the previous piece or line.
            m_afterCr = false;
            start = i + 1;
            continue;
        }
        m_afterCr = c == '\r';
        if (m_line.empty()) {
            line(bytes.substr(start, i - start), out);
        } else {
            m_line.append(bytes.substr(start, i - start));
            line(m_line, out);
            m_line.clear();
        }
        start = i + 1;
    }
    if (start < bytes.size()) {
        m_afterCr = false;
        m_line.append(bytes.substr(start));
    }
}

bool SseParser::hasIncompleteEvent() const
{
    return m_hasFields || !m_line.empty();
}

void SseParser::line(std::string_view text, std::vector<SseEvent>& out)
{
    if (text.empty()) {
        if (m_hasData) {
            if (m_event.event.empty())
                m_event.event = "message";
            out.push_back(std::move(m_event));
            m_event.event = "message";
            m_event.data.clear();
            m_event.id = out.back().id;
        } else {
            m_event.event = "message";
        }
        m_hasData = false;
        m_hasFields = false;
        return;
    }
    if (text.front() == ':')
        return; // a comment, often sent as a keep-alive
    m_hasFields = true;
    const size_t colon = text.find(':');
    const std::string_view name = text.substr(0, colon);
    std::string_view value;
    if (colon != std::string_view::npos) {
        value = text.substr(colon + 1);
        if (!value.empty() && value.front() == ' ')
            value.remove_prefix(1);
    }
    if (name == "data") {
        if (m_hasData)
            m_event.data += '\n';
        m_event.data.append(value);
        m_hasData = true;
    } else if (name == "event") {
        m_event.event = value;
    } else if (name == "id" && value.find('\0') == std::string_view::npos) {
        m_event.id = value;
    }
    // "retry" and unknown fields are ignored: reconnecting is not ours to do.
}

} // namespace llmopt
