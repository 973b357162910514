#include "ui_language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QLoggingCategory>
#include <QSettings>
#include <QTranslator>
#include <memory>

Q_LOGGING_CATEGORY(lcLanguage, "llmopt.ui.language", QtWarningMsg)

namespace {
const QString kSetting = QStringLiteral("ui/language");

QLocale localeOf(const QString& choice)
{
    return choice.isEmpty() || choice == QLatin1String("system") ? QLocale::system()
                                                                 : QLocale(choice);
}
} // namespace

UiLanguage::UiLanguage(QObject* parent)
    : QObject(parent)
{
    const QString saved = QSettings().value(kSetting).toString();
    m_choice = isChoice(saved) ? saved : QString();
}

void UiLanguage::setChoice(const QString& choice)
{
    if (choice == m_choice || !isChoice(choice))
        return;
    m_choice = choice;
    QSettings().setValue(kSetting, choice);
    Q_EMIT choiceChanged();
}

QString UiLanguage::systemName()
{
    return QLocale::system().nativeLanguageName();
}

bool UiLanguage::isChoice(const QString& choice)
{
    static const QStringList choices{QString(), QStringLiteral("system"), QStringLiteral("en"),
                                     QStringLiteral("de"), QStringLiteral("zh_CN")};
    return choices.contains(choice);
}

void UiLanguage::install(QCoreApplication& app, const QString& choice)
{
    const QLocale locale = localeOf(choice);
    QLocale::setDefault(locale);
    // English is the source language: for it neither file exists, and none is needed.
    // Qt's own (Debian: qt6-translations-l10n) name the buttons of dialogs.
    auto qt = std::make_unique<QTranslator>(&app);
    if (qt->load(locale, QStringLiteral("qt"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt.release());
    auto own = std::make_unique<QTranslator>(&app);
    if (own->load(locale, QStringLiteral("llm-optimizer"), QStringLiteral("_"),
                  QStringLiteral(":/i18n"))) {
        qCInfo(lcLanguage) << "interface in" << own->language() << "formats of" << locale.name();
        QCoreApplication::installTranslator(own.release());
    } else {
        qCInfo(lcLanguage) << "interface in English, formats of" << locale.name();
    }
}
