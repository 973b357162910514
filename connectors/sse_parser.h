#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace llmopt {

// One server-sent event.
struct SseEvent {
    std::string event = "message"; // the "event:" field; "message" when the stream named none
    std::string data; // the "data:" lines joined with '\n'
    std::string id; // the last "id:" seen so far (it persists across events)
};

// Splits a text/event-stream into events as the WHATWG HTML standard
// ("Server-sent events", 9.2.6) says: lines end in CRLF, LF or CR; a line
// starting with ':' is a comment; "field: value" loses one space after the
// colon; a blank line dispatches the event, unless it carried no data. Bytes
// may arrive in pieces of any size — a CRLF split between two pieces counts once.
class SseParser {
public:
    // Appends the events that `bytes` completes to `out`.
    void feed(std::string_view bytes, std::vector<SseEvent>& out);
    // Whether bytes of an event that was never completed by a blank line are
    // pending (the standard discards them when the stream ends).
    bool hasIncompleteEvent() const;

private:
    void line(std::string_view text, std::vector<SseEvent>& out);

    std::string m_line; // the current line, while it is incomplete
    SseEvent m_event; // the event being assembled
    bool m_hasData = false;
    bool m_hasFields = false;
    bool m_afterCr = false; // the last byte was a CR: a following LF ends nothing
    bool m_started = false; // past a leading byte order mark
};

} // namespace llmopt
