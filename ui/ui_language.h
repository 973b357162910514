#pragma once

#include <QObject>
#include <QString>

class QCoreApplication;

// The language of the interface: the translations built into the program
// (translations/*.ts, under :/i18n) and the locale that QLocale() and QML's
// Qt.locale() format numbers, currency and dates in. The system's by default;
// the operator's choice persists in QSettings ("ui/language": "" for the
// system's, "en", "de" or "zh_CN") and applies from the next start, as texts
// already shown are not re-made (`--language` chooses for one run).
class UiLanguage : public QObject {
    Q_OBJECT
    Q_PROPERTY(QString choice READ choice WRITE setChoice NOTIFY choiceChanged)
    Q_PROPERTY(QString systemName READ systemName CONSTANT)

public:
    explicit UiLanguage(QObject* parent = nullptr); // reads the saved choice

    QString choice() const { return m_choice; }
    // Saved for the next start; an unknown choice is ignored.
    void setChoice(const QString& choice);
    // The system's language in its own words, e.g. "Deutsch".
    static QString systemName();

    // "", "system" (both: the system's), "en", "de" or "zh_CN".
    static bool isChoice(const QString& choice);
    // Makes the locale of `choice` the default and installs its translations
    // and Qt's own (dialog buttons) into `app`. Before any text is made.
    static void install(QCoreApplication& app, const QString& choice);

Q_SIGNALS:
    void choiceChanged();

private:
    QString m_choice;
};
