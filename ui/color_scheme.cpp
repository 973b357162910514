#include "color_scheme.h"

#include <QGuiApplication>
#include <QSettings>
#include <array>

namespace {

const QString kSetting = QStringLiteral("ui/theme");
const std::array<QString, 3> kNames{QStringLiteral("system"), QStringLiteral("light"),
                                    QStringLiteral("dark")}; // in the order of Choice

} // namespace

ColorScheme::ColorScheme(QObject* parent)
    : QObject(parent)
    , m_system(QGuiApplication::palette())
{
    apply(fromName(QSettings().value(kSetting).toString()).value_or(System));
}

void ColorScheme::setChoice(Choice choice)
{
    QSettings().setValue(kSetting, nameOf(choice));
    apply(choice);
}

void ColorScheme::apply(Choice choice)
{
    if (choice == m_choice)
        return; // System at start: the platform's palette stays live, never set
    m_choice = choice;
    QGuiApplication::setPalette(choice == System ? m_system : palette(choice == Dark));
    Q_EMIT choiceChanged();
}

std::optional<ColorScheme::Choice> ColorScheme::fromName(QStringView name)
{
    for (size_t i = 0; i < kNames.size(); ++i)
        if (name == kNames[i])
            return Choice(i);
    return std::nullopt;
}

QString ColorScheme::nameOf(Choice choice)
{
    return kNames[size_t(choice)];
}

// Fusion's bevels come from the light, mid, dark and shadow roles, derived
// from the window colour as Fusion's own palette does; the light palette is
// Fusion's own but for readable link colours. Text keeps WCAG AA contrast
// (≥ 4.5:1) against what it is drawn on.
QPalette ColorScheme::palette(bool dark)
{
    const QColor window = dark ? QColor(0x2d, 0x2f, 0x33) : QColor(0xef, 0xef, 0xef);
    const QColor text = dark ? QColor(0xe8, 0xea, 0xed) : QColor(Qt::black);
    const QColor base = dark ? QColor(0x1f, 0x21, 0x24) : QColor(Qt::white);
    const QColor disabledText = dark ? QColor(0x80, 0x84, 0x8a) : QColor(0xbe, 0xbe, 0xbe);
    const QColor highlight(0x30, 0x8c, 0xc6);
    const QColor shadow = window.darker(150).darker(135);

    QPalette p(text, window, window.lighter(150), window.darker(150), window.darker(130), text,
               base);
    p.setColor(QPalette::Midlight, window.darker(130).lighter(110));
    p.setColor(QPalette::Button, dark ? window.lighter(115) : window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::AlternateBase, dark ? base.lighter(125) : QColor(0xf7, 0xf7, 0xf7));
    p.setColor(QPalette::Shadow, shadow);
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::ToolTipBase, dark ? window.lighter(130) : QColor(0xff, 0xff, 0xdc));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::Link, dark ? QColor(0x7a, 0xb4, 0xff) : QColor(0x1a, 0x5f, 0xb4));
    p.setColor(QPalette::LinkVisited, dark ? QColor(0xc3, 0x9b, 0xf5) : QColor(0x6b, 0x3f, 0xa0));
    QColor placeholder = text;
    placeholder.setAlpha(128);
    p.setColor(QPalette::PlaceholderText, placeholder);
    for (const auto role : {QPalette::Text, QPalette::WindowText, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabledText);
    p.setColor(QPalette::Disabled, QPalette::Base, window);
    p.setColor(QPalette::Disabled, QPalette::Dark,
               dark ? window.darker(120) : QColor(0xbe, 0xbe, 0xbe));
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x91, 0x91, 0x91));
    p.setColor(QPalette::Disabled, QPalette::Shadow, shadow.lighter(150));
    return p;
}
