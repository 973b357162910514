#include "recent_calls.h"

#include <QTest>
#include <string>

using namespace llmopt;

namespace {

std::string traceOf(int i)
{
    return QStringLiteral("%1").arg(i, 32, 16, QLatin1Char('0')).toStdString();
}

std::string spanOf(int i)
{
    return QStringLiteral("%1").arg(i * 7 + 3, 16, 16, QLatin1Char('0')).toStdString();
}

} // namespace

class TestRecentCalls : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void findsWhatItRemembers()
    {
        RecentCalls recent(1000);
        for (int i = 0; i < 500; ++i)
            recent.remember(traceOf(i), spanOf(i), uint32_t(i % 13));
        for (int i = 0; i < 500; ++i)
            QCOMPARE(recent.find(traceOf(i), spanOf(i)), std::optional<uint32_t>(i % 13));
        QCOMPARE(recent.find(traceOf(7), spanOf(8)), std::nullopt); // same trace, other span
        QCOMPARE(recent.find(traceOf(600), spanOf(600)), std::nullopt);
        recent.remember(traceOf(3), spanOf(3), 99); // the same call again: its latest row
        QCOMPARE(recent.find(traceOf(3), spanOf(3)), std::optional<uint32_t>(99));
    }

    void callsWithoutIdsAreNotRemembered()
    {
        RecentCalls recent(10);
        recent.remember("", spanOf(1), 1);
        recent.remember(traceOf(1), "", 1);
        QCOMPARE(recent.find("", spanOf(1)), std::nullopt);
        QCOMPARE(recent.find(traceOf(1), ""), std::nullopt);
    }

    // At least the last `capacity` calls are found, and nothing older than twice that.
    void memoryIsBounded()
    {
        constexpr int capacity = 1000;
        RecentCalls recent(capacity);
        constexpr int total = 10 * capacity + 123;
        for (int i = 0; i < total; ++i)
            recent.remember(traceOf(i), spanOf(i), uint32_t(i));
        for (int i = total - capacity; i < total; ++i)
            QCOMPARE(recent.find(traceOf(i), spanOf(i)), std::optional<uint32_t>(i));
        for (int i = 0; i < total - 2 * capacity; ++i)
            QCOMPARE(recent.find(traceOf(i), spanOf(i)), std::nullopt);
    }
};

QTEST_GUILESS_MAIN(TestRecentCalls)
#include "tst_recent_calls.moc"
