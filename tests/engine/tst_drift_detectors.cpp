#include "adwin.h"
#include "page_hinkley.h"

#include <QTest>
#include <random>

using namespace llmopt;

namespace {

// The reference stream of the river library's documentation: uniform on {0, 1}
// for 1,000 values, then uniform on {4, …, 7} (the first changed value has index 1000).
std::vector<double> referenceStream(uint64_t seed)
{
    std::mt19937_64 rng(seed);
    std::vector<double> out;
    for (int i = 0; i < 1000; ++i)
        out.push_back(double(std::uniform_int_distribution<int>(0, 1)(rng)));
    for (int i = 0; i < 1000; ++i)
        out.push_back(double(std::uniform_int_distribution<int>(4, 7)(rng)));
    return out;
}

constexpr int kChange = 1000;

} // namespace

class TestDriftDetectors : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void adwinFindsTheReferenceChangeWithin40()
    {
        for (uint64_t seed = 1; seed <= 30; ++seed) {
            Adwin adwin; // δ = 0.002
            int first = -1;
            const auto stream = referenceStream(seed);
            for (int i = 0; i < int(stream.size()) && first < 0; ++i)
                if (adwin.update(stream[size_t(i)]))
                    first = i;
            QVERIFY2(first >= kChange && first <= kChange + 40,
                     qPrintable(QStringLiteral("seed %1: detected at %2").arg(seed).arg(first)));
            QVERIFY(adwin.width() < 100); // the old part was dropped
            QVERIFY(adwin.mean() > 2.5); // mostly values after the change
        }
    }

    void pageHinkleyFindsTheReferenceChangeWithin30()
    {
        for (uint64_t seed = 1; seed <= 30; ++seed) {
            PageHinkley ph; // 30 instances, δ = 0.005, λ = 50, α = 0.9999
            int first = -1;
            PageHinkley::Alarm alarm = PageHinkley::Alarm::None;
            const auto stream = referenceStream(seed);
            for (int i = 0; i < int(stream.size()) && first < 0; ++i)
                if ((alarm = ph.update(stream[size_t(i)])) != PageHinkley::Alarm::None)
                    first = i;
            QVERIFY2(first >= kChange && first <= kChange + 30,
                     qPrintable(QStringLiteral("seed %1: detected at %2").arg(seed).arg(first)));
            QCOMPARE(alarm, PageHinkley::Alarm::Increase);
        }
    }

    void qualityDropIsADecrease()
    {
        std::mt19937_64 rng(9);
        std::bernoulli_distribution before(0.85), after(0.55);
        PageHinkley::Options o;
        o.delta = 0.05; // the tolerated drift: a fifth of the drop to find
        o.threshold = 10; // scores in [0, 1]
        o.direction = PageHinkley::Direction::Down;
        PageHinkley ph(o);
        int first = -1;
        for (int i = 0; i < 4000 && first < 0; ++i)
            if (ph.update((i < 2000 ? before : after)(rng) ? 1.0 : 0.0)
                == PageHinkley::Alarm::Decrease)
                first = i;
        QVERIFY2(first >= 2000 && first < 2200, qPrintable(QString::number(first)));
    }

    // No change, no alarm: stationary streams of 200,000 values. Page–Hinkley's
    // false-alarm rate depends on δ and λ against the noise: with the river
    // defaults (δ = 0.005, α = 0.9999) the sum of a {0, 1} stream (σ = 0.5)
    // settles near −δ/(1 − α) and fluctuates there with a standard deviation
    // of σ/√(1 − α²) ≈ 35, past λ = 50 from its old minimum again and again.
    // Without forgetting (α = 1) and with δ = 0.05 the sum is a random walk
    // drifting down, and an excursion of 50 above its minimum has probability
    // e^(−2δλ/σ²) = e^(−20).
    void stationaryStreamsStayQuiet()
    {
        uint64_t adwinAlarms = 0, phAlarms = 0;
        for (uint64_t seed = 1; seed <= 5; ++seed) {
            std::mt19937_64 rng(seed);
            std::uniform_int_distribution<int> bit(0, 1);
            Adwin adwin;
            PageHinkley::Options o;
            o.delta = 0.05;
            o.alpha = 1.0;
            PageHinkley ph(o);
            for (int i = 0; i < 200000; ++i) {
                const double x = double(bit(rng));
                adwinAlarms += adwin.update(x) ? 1 : 0;
                phAlarms += ph.update(x) != PageHinkley::Alarm::None ? 1 : 0;
            }
            QVERIFY(adwin.width() > 100000); // nothing dropped: the window grew
        }
        QVERIFY2(adwinAlarms <= 1, qPrintable(QString::number(adwinAlarms)));
        QCOMPARE(phAlarms, 0u);
    }
};

QTEST_GUILESS_MAIN(TestDriftDetectors)
#include "tst_drift_detectors.moc"
