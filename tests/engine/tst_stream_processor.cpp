#include "llm_event.h"
#include "stream_processor.h"

#include <QTest>

using namespace llmopt;

namespace {

constexpr int64_t kS = 1'000'000'000LL;

LlmEvent at(double seconds, const std::string& service = "svc")
{
    LlmEvent e;
    e.timeUnixNano = static_cast<int64_t>(seconds * 1e9);
    e.service = service;
    e.variant.model = "m";
    e.latencyMs = 100;
    return e;
}

WindowSpec tumbling(int64_t size, int64_t outOfOrder = 0, int64_t lateness = 0)
{
    WindowSpec spec;
    spec.kind = WindowSpec::Kind::Tumbling;
    spec.sizeNanos = size * kS;
    spec.maxOutOfOrderNanos = outOfOrder * kS;
    spec.allowedLatenessNanos = lateness * kS;
    return spec;
}

} // namespace

class TestStreamProcessor : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void tumblingWindowsCloseWithTheWatermark()
    {
        StreamProcessor p(tumbling(10), Grouping::Service);
        for (double t : {1.0, 2.0, 11.0, 12.0})
            QVERIFY(p.add(at(t)));
        QVERIFY(p.takeClosed().size() == 1); // [0, 10) closed when 11 s arrived
        QVERIFY(p.add(at(25)));
        const auto closed = p.takeClosed();
        QCOMPARE(closed.size(), size_t(1));
        QCOMPARE(closed[0].startUnixNano, 10 * kS);
        QCOMPARE(closed[0].endUnixNano, 20 * kS);
        QCOMPARE(closed[0].stats.requests, 2u);
        const auto rest = p.flush();
        QCOMPARE(rest.size(), size_t(1));
        QCOMPARE(rest[0].startUnixNano, 20 * kS);
        QCOMPARE(p.openWindows(), size_t(0));
        QCOMPARE(p.activeKeys(), size_t(0));
    }

    // Out of order within the bound is on time; later than the allowed lateness is counted.
    void outOfOrderLatenessAndLateEvents()
    {
        StreamProcessor p(tumbling(10, 5, 3), Grouping::Service);
        QVERIFY(p.add(at(1)));
        QVERIFY(p.add(at(12))); // watermark 7: [0, 10) still open
        QVERIFY(p.add(at(8)));
        QVERIFY(p.add(at(17))); // watermark 12 < 10 + 3: kept for late events
        QVERIFY(p.takeClosed().empty());
        QVERIFY(p.add(at(9.5))); // late, but within the allowed lateness
        QVERIFY(p.add(at(18))); // watermark 13: [0, 10) closes
        auto closed = p.takeClosed();
        QCOMPARE(closed.size(), size_t(1));
        QCOMPARE(closed[0].stats.requests, 3u); // 1, 8 and 9.5
        QCOMPARE(closed[0].lateEvents, 0u);
        QVERIFY(!p.add(at(9.9))); // beyond the lateness: counted, not added
        QCOMPARE(p.lateEvents(), 1u);
        QVERIFY(p.add(at(40)));
        closed = p.takeClosed();
        QCOMPARE(closed.size(), size_t(1)); // [10, 20)
        QCOMPARE(closed[0].stats.requests, 3u); // 12, 17, 18
        QCOMPARE(closed[0].lateEvents, 1u); // reported with the key's next window
    }

    void hoppingWindowsOverlap()
    {
        WindowSpec spec = tumbling(10);
        spec.kind = WindowSpec::Kind::Hopping;
        spec.slideNanos = 5 * kS;
        StreamProcessor p(spec, Grouping::Model);
        for (double t : {1.0, 7.0, 12.0})
            p.add(at(t));
        const auto all = p.flush();
        // [-5,5): 1 · [0,10): 1, 7 · [5,15): 7, 12 · [10,20): 12
        QCOMPARE(all.size(), size_t(4));
        std::vector<uint64_t> counts;
        for (const WindowResult& r : all) {
            QCOMPARE(r.endUnixNano - r.startUnixNano, 10 * kS);
            counts.push_back(r.stats.requests);
        }
        QCOMPARE(counts, (std::vector<uint64_t>{1, 2, 2, 1}));
        QCOMPARE(all[0].key, std::string("m"));
    }

    void sessionsSplitOnGapsAndMergeWhenBridged()
    {
        WindowSpec spec;
        spec.kind = WindowSpec::Kind::Session;
        spec.gapNanos = 5 * kS;
        spec.maxOutOfOrderNanos = 10 * kS;
        spec.allowedLatenessNanos = 0;
        StreamProcessor p(spec, Grouping::Service);
        for (double t : {0.0, 8.0, 4.0}) // 4 bridges the sessions of 0 and 8
            p.add(at(t));
        for (double t : {30.0, 31.0})
            p.add(at(t));
        auto closed = p.takeClosed(); // watermark 21 ≥ 8 + 5
        QCOMPARE(closed.size(), size_t(1));
        QCOMPARE(closed[0].startUnixNano, 0 * kS);
        QCOMPARE(closed[0].endUnixNano, 13 * kS);
        QCOMPARE(closed[0].stats.requests, 3u);
        closed = p.flush();
        QCOMPARE(closed.size(), size_t(1));
        QCOMPARE(closed[0].startUnixNano, 30 * kS);
        QCOMPARE(closed[0].stats.requests, 2u);
    }

    void keysAreSeparateAndIdleKeysExpire()
    {
        WindowSpec spec = tumbling(10);
        spec.idleKeyNanos = 100 * kS;
        StreamProcessor p(spec, Grouping::Service);
        p.add(at(1, "a"));
        p.add(at(2, "b"));
        QCOMPARE(p.activeKeys(), size_t(2));
        for (int t = 10; t < 300; t += 10)
            p.add(at(t, "b"));
        QCOMPARE(p.activeKeys(), size_t(1)); // "a" had nothing for more than 100 s
        size_t a = 0;
        for (const WindowResult& r : p.takeClosed())
            a += r.key == "a";
        QCOMPARE(a, size_t(1));
    }

    // State stays proportional to keys × open windows however many events pass.
    void memoryIsBoundedByKeysAndWindows()
    {
        StreamProcessor p(tumbling(10, 2, 2), Grouping::Service);
        const std::vector<std::string> services = {"a", "b", "c", "d", "e"};
        size_t results = 0;
        for (int i = 0; i < 200000; ++i) {
            p.add(at(i * 0.01, services[size_t(i) % services.size()]));
            QVERIFY(p.openWindows() <= services.size() * 2);
            results += p.takeClosed().size();
        }
        QCOMPARE(results, size_t(199 * 5)); // every complete 10 s window of 2,000 s
    }

    void experimentArmsNeedAFlag()
    {
        StreamProcessor p(tumbling(10), Grouping::ExperimentArm);
        LlmEvent e = at(1);
        QVERIFY(!p.add(e));
        e.attributes = {{"feature_flag.key", "prompt-test"}};
        e.variantName = "b";
        QVERIFY(p.add(e));
        const auto all = p.flush();
        QCOMPARE(all.size(), size_t(1));
        QCOMPARE(all[0].key, std::string("prompt-test=b"));
        QCOMPARE(p.lateEvents(), 0u);
    }

    // A key that is late and then goes quiet still reports its late events.
    void lateEventsOfAnExpiredKeyAreReported()
    {
        WindowSpec spec = tumbling(10);
        spec.idleKeyNanos = 20 * kS;
        StreamProcessor p(spec, Grouping::Service);
        p.add(at(1, "a"));
        p.add(at(15, "b"));
        QVERIFY(!p.add(at(2, "a"))); // [0, 10) of "a" has closed
        p.add(at(60, "b"));
        uint64_t late = 0;
        for (const WindowResult& r : p.takeClosed())
            if (r.key == "a")
                late += r.lateEvents;
        QCOMPARE(late, 1u);
    }
};

QTEST_GUILESS_MAIN(TestStreamProcessor)
#include "tst_stream_processor.moc"
