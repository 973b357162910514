#include "view_filter.h"

#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

// The header's range and service: periods, the custom period's checks, the
// key matching the screens filter by, and the settings it is kept in.
class TestViewFilter : public QObject {
    Q_OBJECT
    static constexpr int64_t kHour = 60 * ViewFilter::kMinute;

private Q_SLOTS:
    void init()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    void presetsReachBackFromNow()
    {
        ViewFilter f;
        QCOMPARE(f.range(), ViewFilter::Live); // the default
        const int64_t now = 1'800'000'000'000'000'000LL;
        QCOMPARE(f.period(now).fromUnixNano, now - 15 * ViewFilter::kMinute);
        f.setRange(ViewFilter::LastDay);
        QCOMPARE(f.period(now).fromUnixNano, now - 24 * kHour);
        QCOMPARE(f.period(now).toUnixNano, now);
        QCOMPARE(ViewFilter::bucketNanos(24 * kHour), 12 * ViewFilter::kMinute);
        QCOMPARE(ViewFilter::bucketNanos(15 * ViewFilter::kMinute), ViewFilter::kMinute);
        QCOMPARE(f.summary(), QStringLiteral("Last 24 hours · all services"));
    }

    void customPeriodMustBeForwards()
    {
        ViewFilter f;
        QSignalSpy changed(&f, &ViewFilter::changed);
        f.setRange(ViewFilter::Custom); // no period chosen yet: refused
        QCOMPARE(f.range(), ViewFilter::Live);
        const QDateTime from = f.parseTime(QStringLiteral("2026-11-20 08:00"));
        const QDateTime to = f.parseTime(QStringLiteral("2026-11-21T08:00:00Z"));
        QVERIFY(from.isValid() && to.isValid());
        QVERIFY(!f.parseTime(QStringLiteral("yesterday")).isValid());
        QVERIFY(!f.setCustom(to, from));
        QCOMPARE(changed.count(), 0);
        QVERIFY(f.setCustom(from, to));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(f.range(), ViewFilter::Custom);
        const auto p = f.period(0); // a custom period does not move with now
        QCOMPARE(p.fromUnixNano, from.toMSecsSinceEpoch() * 1'000'000LL);
        QCOMPARE(p.toUnixNano, to.toMSecsSinceEpoch() * 1'000'000LL);
    }

    void serviceMatchesKeysOfThatService()
    {
        ViewFilter f;
        QVERIFY(f.matchesKey("support-chat/v-123"));
        f.setService(QStringLiteral("support-chat"));
        QVERIFY(f.matchesKey("support-chat/v-123"));
        QVERIFY(f.matchesKey("support-chat")); // a per-service key (budgets)
        QVERIFY(!f.matchesKey("support-chat-eu/v-123"));
        QVERIFY(!f.matchesService("summarizer"));
        f.addServices({QStringLiteral("summarizer"), QStringLiteral("code-assistant")});
        QCOMPARE(f.services(),
                 QStringList({"code-assistant", "summarizer", "support-chat"})); // sorted
        QCOMPARE(f.summary(), QStringLiteral("Live 15 min · support-chat"));
    }

    void choiceIsKeptForTheNextLaunch()
    {
        {
            ViewFilter f;
            f.setService(QStringLiteral("summarizer"));
            QVERIFY(f.setCustom(QDateTime(QDate(2026, 11, 1), QTime(0, 0)),
                                QDateTime(QDate(2026, 11, 8), QTime(0, 0))));
        }
        ViewFilter next;
        QCOMPARE(next.range(), ViewFilter::Custom);
        QCOMPARE(next.customFrom(), QDateTime(QDate(2026, 11, 1), QTime(0, 0)));
        QCOMPARE(next.service(), QStringLiteral("summarizer"));
        QVERIFY(next.services().contains(QStringLiteral("summarizer")));

        // A damaged custom period falls back to live.
        QSettings().setValue(QStringLiteral("filter/to"), QDateTime());
        QCOMPARE(ViewFilter().range(), ViewFilter::Live);
    }
};

QTEST_GUILESS_MAIN(TestViewFilter)
#include "tst_view_filter.moc"
