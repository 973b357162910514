#include "sse_parser.h"

#include <QTest>
#include <string>
#include <vector>

using namespace llmopt;

namespace {

std::vector<SseEvent> parseWhole(std::string_view stream)
{
    SseParser parser;
    std::vector<SseEvent> events;
    parser.feed(stream, events);
    return events;
}

// The same stream fed in pieces of `size` bytes.
std::vector<SseEvent> parseInPieces(std::string_view stream, size_t size)
{
    SseParser parser;
    std::vector<SseEvent> events;
    for (size_t at = 0; at < stream.size(); at += size)
        parser.feed(stream.substr(at, size), events);
    return events;
}

void compareEvents(const std::vector<SseEvent>& actual, const std::vector<SseEvent>& expected)
{
    QCOMPARE(actual.size(), expected.size());
    for (size_t i = 0; i < actual.size(); ++i) {
        QCOMPARE(actual[i].event, expected[i].event);
        QCOMPARE(actual[i].data, expected[i].data);
        QCOMPARE(actual[i].id, expected[i].id);
    }
}

// An Anthropic Messages stream as its documentation shows it, with a ping.
const std::string kAnthropicStream
    = "event: message_start\n"
      "data: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"model\":\"claude\"}}\n"
      "\n"
      "event: ping\n"
      "data: {\"type\": \"ping\"}\n"
      "\n"
      "event: content_block_delta\n"
      "data: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\","
      "\"text\":\"Hé\"}}\n"
      "\n"
      "event: message_stop\n"
      "data: {\"type\":\"message_stop\"}\n"
      "\n";

} // namespace

class TestSseParser : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void namedEvents()
    {
        const auto events = parseWhole(kAnthropicStream);
        QCOMPARE(events.size(), size_t(4));
        QCOMPARE(events[0].event, std::string("message_start"));
        QCOMPARE(events[1].event, std::string("ping"));
        QCOMPARE(events[1].data, std::string("{\"type\": \"ping\"}"));
        QCOMPARE(events[2].event, std::string("content_block_delta"));
        QVERIFY(events[2].data.find("Hé") != std::string::npos);
        QCOMPARE(events[3].event, std::string("message_stop"));
    }

    // OpenAI names no events: each is a "message".
    void unnamedEventsAreMessages()
    {
        const auto events = parseWhole("data: {\"a\":1}\n\ndata: [DONE]\n\n");
        compareEvents(events, {{"message", "{\"a\":1}", ""}, {"message", "[DONE]", ""}});
    }

    // Every split of the stream, down to single bytes, gives the same events;
    // the two-byte "é" is split too.
    void anyChunkBoundary()
    {
        const auto whole = parseWhole(kAnthropicStream);
        for (size_t size = 1; size <= 17; ++size)
            compareEvents(parseInPieces(kAnthropicStream, size), whole);
    }

    void lineEndings()
    {
        const std::vector<SseEvent> expected
            = {{"delta", "one", ""}, {"message", "two", ""}, {"message", "three", ""}};
        const std::string crlf
            = "event: delta\r\ndata: one\r\n\r\ndata: two\r\n\r\ndata: three\r\n\r\n";
        const std::string cr = "event: delta\rdata: one\r\rdata: two\r\rdata: three\r\r";
        const std::string mixed = "event: delta\r\ndata: one\n\rdata: two\r\n\ndata: three\r\r\n";
        for (const std::string& stream : {crlf, cr, mixed}) {
            compareEvents(parseWhole(stream), expected);
            for (size_t size = 1; size <= 5; ++size)
                compareEvents(parseInPieces(stream, size), expected);
        }
    }

    // A CRLF split across two pieces ends one line, not two: a second line end
    // would be a blank line and dispatch the event early.
    void crlfSplitAcrossPieces()
    {
        SseParser parser;
        std::vector<SseEvent> events;
        parser.feed("data: a\r", events);
        parser.feed("\ndata: b\r", events);
        parser.feed("\n", events);
        QCOMPARE(events.size(), size_t(0));
        parser.feed("\r\n", events);
        compareEvents(events, {{"message", "a\nb", ""}});
    }

    void commentsAndKeepAlives()
    {
        const auto events = parseWhole(": OPENROUTER PROCESSING\n\n:keep-alive\ndata: x\n: "
                                       "between\ndata: y\n\n");
        compareEvents(events, {{"message", "x\ny", ""}});
    }

    void multiLineData()
    {
        const auto events = parseWhole("data: first\ndata:second\ndata:  third\ndata\n\n");
        // One space after the colon goes, a second stays; "data" alone adds an empty line.
        compareEvents(events, {{"message", "first\nsecond\n third\n", ""}});
    }

    // A blank line after no data dispatches nothing; the event name does not
    // carry over to the next event.
    void eventWithoutDataIsDropped()
    {
        const auto events = parseWhole("event: lonely\n\n\n\ndata: after\n\n");
        compareEvents(events, {{"message", "after", ""}});
    }

    void idPersistsAndUnknownFieldsAreIgnored()
    {
        const auto events
            = parseWhole("id: 7\nretry: 10\nfoo: bar\ndata: a\n\ndata: b\n\nid\ndata: c\n\n");
        compareEvents(events, {{"message", "a", "7"}, {"message", "b", "7"}, {"message", "c", ""}});
    }

    void byteOrderMarkIsDropped()
    {
        const std::string stream = "\xEF\xBB\xBF"
                                   "data: x\n\n";
        compareEvents(parseWhole(stream), {{"message", "x", ""}});
        compareEvents(parseInPieces(stream, 1), {{"message", "x", ""}});
    }

    // Without the closing blank line an event is incomplete, and not dispatched.
    void incompleteEventAtTheEnd()
    {
        SseParser parser;
        std::vector<SseEvent> events;
        parser.feed("data: {\"done\":1}\n\ndata: {\"cut", events);
        QCOMPARE(events.size(), size_t(1));
        QVERIFY(parser.hasIncompleteEvent());
        parser.feed("\"}\n", events);
        QCOMPARE(events.size(), size_t(1));
        QVERIFY(parser.hasIncompleteEvent());
        parser.feed("\n", events);
        QCOMPARE(events.size(), size_t(2));
        QCOMPARE(events[1].data, std::string("{\"cut\"}"));
        QVERIFY(!parser.hasIncompleteEvent());
    }
};

QTEST_GUILESS_MAIN(TestSseParser)
#include "tst_sse_parser.moc"
