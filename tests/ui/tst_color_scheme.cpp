#include "color_scheme.h"

#include <QGuiApplication>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <cmath>

namespace {

// WCAG 2 contrast ratio of two opaque colours.
double contrast(const QColor& a, const QColor& b)
{
    const auto luminance = [](const QColor& c) {
        const auto channel = [](double v) {
            return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
        };
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF())
            + 0.0722 * channel(c.blueF());
    };
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

} // namespace

class TestColorScheme : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // QSettings in a test folder, not the user's
        QSettings().clear();
    }
    void cleanup()
    {
        QSettings().clear();
        QGuiApplication::setPalette(m_system);
    }

    void namesRoundTrip()
    {
        for (const auto c : {ColorScheme::System, ColorScheme::Light, ColorScheme::Dark})
            QCOMPARE(ColorScheme::fromName(ColorScheme::nameOf(c)).value(), c);
        QCOMPARE(ColorScheme::fromName(u"dark").value(), ColorScheme::Dark);
        QVERIFY(!ColorScheme::fromName(u"Dark"));
        QVERIFY(!ColorScheme::fromName(u"solarized"));
    }

    // Text on every background it is drawn on is readable in both palettes.
    void palettesAreReadable_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << false;
        QTest::newRow("dark") << true;
    }
    void palettesAreReadable()
    {
        QFETCH(bool, dark);
        const QPalette p = ColorScheme::palette(dark);
        QCOMPARE(p.color(QPalette::Window).lightness() < 128, dark);
        for (const auto& [fg, bg] : {std::pair{QPalette::WindowText, QPalette::Window},
                                     {QPalette::Text, QPalette::Base},
                                     {QPalette::Text, QPalette::AlternateBase},
                                     {QPalette::ButtonText, QPalette::Button},
                                     {QPalette::ToolTipText, QPalette::ToolTipBase},
                                     {QPalette::Link, QPalette::Base}})
            QVERIFY2(contrast(p.color(fg), p.color(bg)) >= 4.5,
                     qPrintable(QStringLiteral("roles %1 on %2").arg(fg).arg(bg)));
        QVERIFY(contrast(p.color(QPalette::HighlightedText), p.color(QPalette::Highlight)) >= 3.0);
    }

    // A choice from Settings is applied to the application and saved; the
    // next start applies it again; System restores the palette from before.
    void choiceIsAppliedSavedAndRestored()
    {
        {
            ColorScheme scheme;
            QCOMPARE(scheme.choice(), ColorScheme::System);
            QCOMPARE(QGuiApplication::palette(), m_system);
            QSignalSpy changed(&scheme, &ColorScheme::choiceChanged);
            scheme.setChoice(ColorScheme::Dark);
            QCOMPARE(changed.count(), 1);
            QCOMPARE(QGuiApplication::palette().color(QPalette::Window),
                     ColorScheme::palette(true).color(QPalette::Window));
            QCOMPARE(QSettings().value("ui/theme").toString(), QStringLiteral("dark"));
            scheme.setChoice(ColorScheme::Dark);
            QCOMPARE(changed.count(), 1); // no change, no signal
        }
        QGuiApplication::setPalette(m_system);
        {
            ColorScheme next; // the next launch
            QCOMPARE(next.choice(), ColorScheme::Dark);
            QCOMPARE(QGuiApplication::palette().color(QPalette::Window),
                     ColorScheme::palette(true).color(QPalette::Window));
            next.setChoice(ColorScheme::System);
            QCOMPARE(QGuiApplication::palette().color(QPalette::Window),
                     m_system.color(QPalette::Window));
            QCOMPARE(QSettings().value("ui/theme").toString(), QStringLiteral("system"));
        }
    }

    // llm-optimizer --theme: this run only, the saved choice stays.
    void applyDoesNotSave()
    {
        QSettings().setValue("ui/theme", "light");
        ColorScheme scheme;
        QCOMPARE(scheme.choice(), ColorScheme::Light);
        scheme.apply(ColorScheme::Dark);
        QCOMPARE(scheme.choice(), ColorScheme::Dark);
        QCOMPARE(QGuiApplication::palette().color(QPalette::Window),
                 ColorScheme::palette(true).color(QPalette::Window));
        QCOMPARE(QSettings().value("ui/theme").toString(), QStringLiteral("light"));
    }

    // An unknown saved value (edited by hand, or from a later version) is the system's.
    void unknownSavedValueIsSystem()
    {
        QSettings().setValue("ui/theme", "sepia");
        const ColorScheme scheme;
        QCOMPARE(scheme.choice(), ColorScheme::System);
        QCOMPARE(QGuiApplication::palette(), m_system);
    }

private:
    const QPalette m_system = QGuiApplication::palette();
};

QTEST_MAIN(TestColorScheme)
#include "tst_color_scheme.moc"
