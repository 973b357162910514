#pragma once

#include <QObject>
#include <QPalette>
#include <QStringView>
#include <optional>

// The application's colours: the system's, or a light or dark palette the
// operator chose (Settings dialog; `--theme` for one run). The palette is the
// whole application's, so Fusion controls, Theme.qml (through SystemPalette)
// and the charts coloured from it follow. The choice persists in QSettings
// ("ui/theme").
class ColorScheme : public QObject {
    Q_OBJECT
    Q_PROPERTY(Choice choice READ choice WRITE setChoice NOTIFY choiceChanged)

public:
    enum Choice { System, Light, Dark };
    Q_ENUM(Choice)

    // Applies the saved choice. Needs the QGuiApplication, whose palette at
    // this point is taken as the system's.
    explicit ColorScheme(QObject* parent = nullptr);

    Choice choice() const { return m_choice; }
    // The operator's choice: applied and saved.
    void setChoice(Choice choice);
    // Applied for this run only, not saved (llm-optimizer --theme).
    void apply(Choice choice);

    // "system", "light" or "dark" — the names of the setting and the option.
    static std::optional<Choice> fromName(QStringView name);
    static QString nameOf(Choice choice);
    // The Fusion-style palette of the light or the dark choice.
    static QPalette palette(bool dark);

Q_SIGNALS:
    void choiceChanged();

private:
    QPalette m_system;
    Choice m_choice = System;
};
