#include "experiment_designer.h"

#include "experiment_dataset.h"
#include "experiment_definition.h"
#include "experiment_plan.h"
#include "money_text.h"
#include "price_table.h"
#include "user_folder.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSettings>
#include <QUrl>
#include <cmath>

Q_LOGGING_CATEGORY(lcExperiments, "llmopt.ui.experiments")

using llmopt::ConfigError;
using llmopt::offline::ArmPlan;
using llmopt::offline::ExperimentDataset;
using llmopt::offline::ExperimentDefinition;
using llmopt::offline::ExperimentPlan;
using llmopt::offline::MetricSpec;

// What a worker read: the definition, its dataset and every problem found.
struct ExperimentDesigner::Loaded {
    QString path;
    QString error; // the definition could not be read at all
    QVariantList issues;
    std::shared_ptr<const ExperimentDefinition> definition;
    std::shared_ptr<const ExperimentDataset> dataset;
    QString datasetPath;
    QString datasetError;
    std::vector<std::string> variables; // the templates', in order of first use
    QStringList missingColumns;
    int itemsMissingVariables = 0;
    bool valid = false; // validate(dataset) found nothing: a plan can be computed
};

namespace {

QString sectionOf(const QString& field)
{
    const QString top = field.section(QRegularExpression(QStringLiteral("[.\\[]")), 0, 0);
    if (top == QLatin1String("arms"))
        return QStringLiteral("arms");
    if (top == QLatin1String("dataset"))
        return QStringLiteral("dataset");
    if (top == QLatin1String("metrics") || top == QLatin1String("primary_metric")
        || top == QLatin1String("alpha") || top == QLatin1String("power")
        || top == QLatin1String("minimum_effect") || top == QLatin1String("baseline_rate")
        || top == QLatin1String("standard_deviation"))
        return QStringLiteral("metrics");
    if (top == QLatin1String("spend_cap_usd") || top == QLatin1String("concurrency"))
        return QStringLiteral("plan");
    return QStringLiteral("definition");
}

bool isTopLevelField(const QString& name)
{
    static const QStringList known{
        QStringLiteral("schema_version"), QStringLiteral("name"),
        QStringLiteral("description"),    QStringLiteral("arms"),
        QStringLiteral("dataset"),        QStringLiteral("metrics"),
        QStringLiteral("primary_metric"), QStringLiteral("alpha"),
        QStringLiteral("power"),          QStringLiteral("minimum_effect"),
        QStringLiteral("baseline_rate"),  QStringLiteral("standard_deviation"),
        QStringLiteral("spend_cap_usd"),  QStringLiteral("concurrency")};
    return known.contains(name);
}

QString usd(double v)
{
    return usdText(v, v >= 100 ? 0 : v >= 1 ? 2 : v >= 0.01 ? 3 : 4);
}

QString percent(double p)
{
    return QLocale().toString(p * 100, 'f', p >= 0.995 || p < 0.1 ? 1 : 0) + QStringLiteral(" %");
}

QString effectText(double e)
{
    return QLocale().toString(e, 'g', 3);
}

QString durationText(double seconds)
{
    if (seconds < 90)
        return ExperimentDesigner::tr("%1 s").arg(std::ceil(seconds));
    const double minutes = std::ceil(seconds / 60);
    if (minutes < 90)
        return ExperimentDesigner::tr("%1 min").arg(minutes);
    return ExperimentDesigner::tr("%1 h %2 min")
        .arg(std::floor(minutes / 60))
        .arg(std::fmod(minutes, 60.0));
}

QString shellQuoted(const QString& s)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9_./:=@%+-]+$"));
    if (plain.match(s).hasMatch())
        return s;
    QString quoted = s;
    quoted.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

} // namespace

QString ExperimentDesigner::localPath(const QString& input)
{
    QString path = input.trimmed();
    if (path.startsWith(QLatin1String("file:")))
        path = QUrl(path).toLocalFile();
    if (path.startsWith(QLatin1String("~/")))
        path = QDir::homePath() + path.mid(1);
    return path.isEmpty() ? path : QFileInfo(path).absoluteFilePath();
}

ExperimentDesigner::ExperimentDesigner(const llmopt::PriceTable& prices, QObject* parent)
    : QObject(parent)
    , m_prices(std::make_shared<const llmopt::PriceTable>(prices))
    , m_arms(new ExperimentArmModel(this))
    , m_promptDiff(new TemplateDiffModel(this))
    , m_systemDiff(new TemplateDiffModel(this))
    , m_preview(new DatasetPreviewModel(this))
{
    m_worker.setMaxThreadCount(1); // one read or plan at a time, in order
    m_recent = QSettings().value(QLatin1String(kRecentKey)).toStringList();
}

ExperimentDesigner::~ExperimentDesigner()
{
    ++m_generation; // a job in flight drops its result
    m_worker.waitForDone(); // it refers to the shared data, not to this object, but be tidy
}

void ExperimentDesigner::setDatabasePath(const QString& path)
{
    if (path == m_databasePath)
        return;
    m_databasePath = path;
    Q_EMIT stateChanged();
}

QString ExperimentDesigner::suggestedExamplePath() const
{
    return QDir(userFolder()).filePath(QStringLiteral("faq-terse-vs-friendly.json"));
}

QString ExperimentDesigner::name() const
{
    return m_definition ? QString::fromStdString(m_definition->name) : QString();
}

QString ExperimentDesigner::description() const
{
    return m_definition ? QString::fromStdString(m_definition->description) : QString();
}

QString ExperimentDesigner::datasetFormat() const
{
    if (!m_definition)
        return {};
    return QString::fromStdString(
               std::string(ExperimentDataset::formatName(m_definition->dataset.format)))
        .toUpper();
}

int ExperimentDesigner::datasetItems() const
{
    return m_dataset ? int(m_dataset->size()) : -1;
}

QStringList ExperimentDesigner::datasetColumns() const
{
    QStringList columns;
    if (m_dataset)
        for (const std::string& c : m_dataset->columns())
            columns << QString::fromStdString(c);
    return columns;
}

QVariantList ExperimentDesigner::metrics() const
{
    QVariantList list;
    if (!m_definition)
        return list;
    for (const MetricSpec& m : m_definition->metrics) {
        const nlohmann::json j = m.toJson();
        const QString kind = QString::fromStdString(j.value("kind", std::string()));
        QStringList detail;
        if (!m.text.empty())
            detail << tr("text \"%1\"").arg(QString::fromStdString(m.text));
        if (!m.pattern.empty())
            detail << tr("pattern %1").arg(QString::fromStdString(m.pattern));
        if (!m.judgeModel.empty())
            detail << tr("judge %1 (%2)")
                          .arg(QString::fromStdString(m.judgeModel),
                               QString::fromStdString(m.judgeProvider));
        if (j.contains("case_sensitive") && !m.caseSensitive)
            detail << tr("ignores case");
        if (m.needsReference())
            detail << tr("needs a reference");
        list << QVariantMap{{QStringLiteral("name"), QString::fromStdString(m.name)},
                            {QStringLiteral("kind"), kind},
                            {QStringLiteral("primary"), m.name == m_definition->primaryMetric},
                            {QStringLiteral("proportion"), m.isProportion()},
                            {QStringLiteral("detail"), detail.join(QStringLiteral(" · "))}};
    }
    return list;
}

QString ExperimentDesigner::primaryMetric() const
{
    return m_definition ? QString::fromStdString(m_definition->primaryMetric) : QString();
}

double ExperimentDesigner::alpha() const
{
    return m_definition ? m_definition->alpha : 0.0;
}

double ExperimentDesigner::power() const
{
    return m_definition ? m_definition->power : 0.0;
}

double ExperimentDesigner::minimumEffect() const
{
    return m_definition ? m_definition->minimumEffect : 0.0;
}

QString ExperimentDesigner::baselineText() const
{
    if (!m_definition)
        return {};
    const MetricSpec* primary = m_definition->primary();
    if (primary && primary->isProportion())
        return tr("baseline rate %1%2")
            .arg(QLocale().toString(m_definition->baselineRateOrDefault(), 'g', 3),
                 m_definition->baselineRate ? QString() : tr(" (default)"));
    if (const auto sd = m_definition->standardDeviationOrDefault())
        return tr("standard deviation %1%2")
            .arg(QLocale().toString(*sd, 'g', 3),
                 m_definition->standardDeviation ? QString() : tr(" (default)"));
    return tr("standard deviation not set");
}

QString ExperimentDesigner::runCommand() const
{
    if (m_path.isEmpty())
        return {};
    return QStringLiteral("llm-optimizer experiment run %1 --db %2")
        .arg(shellQuoted(QDir::toNativeSeparators(m_path)),
             m_databasePath.isEmpty() ? QStringLiteral("FILE") : shellQuoted(m_databasePath));
}

std::shared_ptr<const ExperimentDefinition> ExperimentDesigner::runnableDefinition() const
{
    return m_plan.isEmpty() ? nullptr : m_definition;
}

std::shared_ptr<const ExperimentDataset> ExperimentDesigner::runnableDataset() const
{
    return m_plan.isEmpty() ? nullptr : m_dataset;
}

void ExperimentDesigner::open(const QString& input)
{
    const QString path = localPath(input);
    if (path.isEmpty())
        return;
    if (path != m_path) {
        m_diffLeft = 0;
        m_diffRight = 1;
    }
    m_path = path;
    m_state = QStringLiteral("loading");
    m_error.clear();
    const quint64 generation = ++m_generation;
    m_planning = false;
    Q_EMIT stateChanged();
    m_worker.start([this, generation, path] {
        std::shared_ptr<Loaded> result = load(path);
        QMetaObject::invokeMethod(
            this, [this, generation, result] { loaded(generation, result); }, Qt::QueuedConnection);
    });
}

void ExperimentDesigner::reload()
{
    if (!m_path.isEmpty())
        open(m_path);
}

void ExperimentDesigner::openMostRecent()
{
    if (m_state == QLatin1String("empty") && !m_recent.isEmpty())
        open(m_recent.constFirst());
}

void ExperimentDesigner::forgetRecent(const QString& path)
{
    if (m_recent.removeAll(path) == 0)
        return;
    QSettings().setValue(QLatin1String(kRecentKey), m_recent);
    Q_EMIT recentFilesChanged();
}

void ExperimentDesigner::rememberRecent(const QString& path)
{
    QStringList recent = m_recent;
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > kRecentFiles)
        recent.removeLast();
    if (recent == m_recent)
        return;
    m_recent = recent;
    QSettings().setValue(QLatin1String(kRecentKey), m_recent);
    Q_EMIT recentFilesChanged();
}

QString ExperimentDesigner::createFromExample(const QString& input)
{
    const QString path = localPath(input);
    if (path.isEmpty())
        return tr("Type where the new definition should go, e.g. %1").arg(suggestedExamplePath());
    if (QFileInfo::exists(path))
        return tr("%1 exists already: choose another file name, or Open it.").arg(path);
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath()))
        return tr("Could not create the folder %1.").arg(info.absolutePath());
    const auto write = [](const QString& file, const QString& text) -> QString {
        QSaveFile out(file);
        if (!out.open(QIODevice::WriteOnly) || out.write(text.toUtf8()) < 0 || !out.commit())
            return tr("Could not write %1: %2").arg(file, out.errorString());
        return {};
    };
    if (QString error = write(path, exampleDefinition()); !error.isEmpty())
        return error;
    // The dataset is shared by experiments in that folder: never replaced.
    const QString dataset = info.dir().filePath(QStringLiteral("faq.csv"));
    if (!QFileInfo::exists(dataset))
        if (QString error = write(dataset, exampleDataset()); !error.isEmpty())
            return error;
    qCInfo(lcExperiments) << "wrote the example definition" << path;
    open(path);
    return {};
}

void ExperimentDesigner::setDiffArms(int left, int right)
{
    const int n = m_arms->rowCount();
    if (n == 0)
        return;
    left = std::clamp(left, 0, n - 1);
    right = std::clamp(right, 0, n - 1);
    if (left == m_diffLeft && right == m_diffRight)
        return;
    m_diffLeft = left;
    m_diffRight = right;
    updateDiff();
}

void ExperimentDesigner::updateDiff()
{
    const auto& arms = m_arms->arms();
    if (arms.empty()) {
        m_promptDiff->clear();
        m_systemDiff->clear();
    } else {
        m_diffLeft = std::clamp(m_diffLeft, 0, int(arms.size()) - 1);
        m_diffRight = std::clamp(m_diffRight, 0, int(arms.size()) - 1);
        const auto& a = arms[size_t(m_diffLeft)];
        const auto& b = arms[size_t(m_diffRight)];
        m_promptDiff->setTexts(a.prompt.text(), b.prompt.text());
        m_systemDiff->setTexts(a.system.text(), b.system.text());
    }
    Q_EMIT diffChanged();
}

void ExperimentDesigner::loaded(quint64 generation, std::shared_ptr<Loaded> result)
{
    if (generation != m_generation)
        return; // superseded by a newer open
    m_state = result->definition ? QStringLiteral("loaded") : QStringLiteral("failed");
    m_error = result->error;
    m_issues = result->issues;
    m_definition = result->definition;
    m_dataset = result->dataset;
    m_datasetPath = result->datasetPath;
    m_datasetError = result->datasetError;
    m_missingColumns = result->missingColumns;
    m_itemsMissingVariables = result->itemsMissingVariables;
    m_arms->setArms(m_definition ? m_definition->arms
                                 : std::vector<llmopt::offline::ExperimentArm>{});
    updateDiff();
    if (m_dataset)
        m_preview->setItems(m_dataset->items(), result->variables, m_dataset->hasReference());
    else
        m_preview->clear();
    if (QFileInfo::exists(result->path))
        rememberRecent(result->path);

    m_plan.clear();
    m_planBlocked.clear();
    if (!m_definition)
        m_planBlocked = tr("No plan: the definition could not be read.");
    else if (!m_dataset)
        m_planBlocked = tr("No plan: the dataset could not be read.");
    else if (!result->valid)
        m_planBlocked = tr("No plan until the problems listed above are fixed.");
    m_planning = m_planBlocked.isEmpty();
    Q_EMIT stateChanged();
    Q_EMIT planChanged();
    if (!m_planning)
        return;
    m_worker.start(
        [this, generation, definition = m_definition, dataset = m_dataset, prices = m_prices] {
            QVariantMap plan;
            QString error;
            try {
                plan = planToVariant(ExperimentPlan::compute(*definition, *dataset, *prices),
                                     *definition);
            } catch (const std::exception& e) {
                error = QString::fromUtf8(e.what());
            }
            QMetaObject::invokeMethod(
                this, [this, generation, plan, error] { planned(generation, plan, error); },
                Qt::QueuedConnection);
        });
}

void ExperimentDesigner::planned(quint64 generation, QVariantMap plan, QString error)
{
    if (generation != m_generation)
        return;
    m_planning = false;
    m_plan = std::move(plan);
    m_planBlocked = error.isEmpty() ? QString() : tr("No plan: %1").arg(error);
    Q_EMIT planChanged();
}

QVariantMap ExperimentDesigner::issueFrom(const QString& message, const QString& origin)
{
    QString text = message;
    if (!origin.isEmpty() && text.startsWith(origin + QStringLiteral(": ")))
        text = text.mid(origin.size() + 2);
    static const QRegularExpression fieldAt(
        QStringLiteral("^([a-z_]+(?:\\[\\d+\\])?(?:\\.[A-Za-z_]+(?:\\[\\d+\\])?)*)(:? )"));
    QString field;
    QString rest = text;
    if (const auto m = fieldAt.match(text); m.hasMatch()) {
        const QString candidate = m.captured(1);
        // A misspelt field is named as such; otherwise the path starts with a known one.
        if (isTopLevelField(candidate.section(QRegularExpression(QStringLiteral("[.\\[]")), 0, 0))
            || text.mid(m.capturedEnd(0)).startsWith(QLatin1String("is not a known field"))) {
            field = candidate;
            rest = text.mid(m.capturedEnd(0));
        }
    }
    QString fix;
    if (rest.startsWith(QLatin1String("is missing")))
        fix = tr("Add \"%1\" to the definition, then Reload.").arg(field);
    else if (rest.startsWith(QLatin1String("is not a known field")))
        fix = tr("Remove or correct \"%1\" (a typo?), then Reload.").arg(field);
    else if (text.startsWith(QLatin1String("not valid JSON")))
        fix = tr("Correct the JSON near the byte given (a trailing comma or a missing quote is "
                 "usual), then Reload.");
    else if (!field.isEmpty())
        fix = tr("Edit \"%1\" in the definition file, then Reload.").arg(field);
    else
        fix = tr("Correct the definition file, then Reload.");
    return {{QStringLiteral("section"), sectionOf(field)},
            {QStringLiteral("field"), field},
            {QStringLiteral("message"), field.isEmpty() ? text : rest},
            {QStringLiteral("fix"), fix}};
}

QVariantMap ExperimentDesigner::planToVariant(const ExperimentPlan& plan,
                                              const ExperimentDefinition& definition)
{
    const QLocale locale;
    QVariantList arms;
    double tokens = 0;
    for (const ArmPlan& a : plan.arms) {
        const double armTokens
            = double(plan.itemsPerArm) * (a.inputTokensPerCall + double(a.outputTokensPerCall));
        tokens += armTokens;
        arms << QVariantMap{
            {QStringLiteral("arm"), QString::fromStdString(a.arm)},
            {QStringLiteral("model"), QString::fromStdString(a.model)},
            {QStringLiteral("inputTokensPerCall"), a.inputTokensPerCall},
            {QStringLiteral("outputTokensPerCall"), double(a.outputTokensPerCall)},
            {QStringLiteral("outputFromMaxTokens"), a.outputFromMaxTokens},
            {QStringLiteral("tokens"), armTokens},
            {QStringLiteral("tokensText"), locale.toString(armTokens, 'f', 0)},
            {QStringLiteral("callCostText"),
             a.callCostUsd ? usd(*a.callCostUsd) : tr("unknown price")},
            {QStringLiteral("judgeCostText"),
             a.judgeCostUsd ? usd(*a.judgeCostUsd) : tr("unknown price")},
            {QStringLiteral("costKnown"), a.costUsd.has_value()},
            {QStringLiteral("cost"), a.costUsd ? QVariant(*a.costUsd) : QVariant()},
            {QStringLiteral("costText"), a.costUsd ? usd(*a.costUsd) : tr("unknown")}};
    }
    QVariantMap m{{QStringLiteral("primaryMetric"), QString::fromStdString(plan.primaryMetric)},
                  {QStringLiteral("method"), QString::fromStdString(plan.method)},
                  {QStringLiteral("requiredPerArm"), double(plan.requiredPerArm)},
                  {QStringLiteral("datasetItems"), double(plan.datasetItems)},
                  {QStringLiteral("itemsPerArm"), double(plan.itemsPerArm)},
                  {QStringLiteral("plannedPower"), plan.plannedPower},
                  {QStringLiteral("plannedPowerText"), percent(plan.plannedPower)},
                  {QStringLiteral("requestedPowerText"), percent(definition.power)},
                  {QStringLiteral("datasetTooSmall"), plan.datasetTooSmall},
                  {QStringLiteral("arms"), arms},
                  {QStringLiteral("tokens"), tokens},
                  {QStringLiteral("tokensText"), locale.toString(tokens, 'f', 0)},
                  {QStringLiteral("calls"), double(plan.calls)},
                  {QStringLiteral("costKnown"), plan.totalCostUsd.has_value()},
                  {QStringLiteral("totalCostText"),
                   plan.totalCostUsd ? usd(*plan.totalCostUsd)
                                     : tr("unknown — a model has no price (see problems)")},
                  {QStringLiteral("durationSeconds"), plan.durationSeconds},
                  {QStringLiteral("durationText"),
                   tr("about %1 (%2 calls, %3 at once, %4 s per call assumed)")
                       .arg(durationText(plan.durationSeconds))
                       .arg(plan.calls)
                       .arg(plan.concurrency)
                       .arg(plan.assumedLatencyMs / 1000.0)}};
    if (plan.totalCostUsd)
        m.insert(QStringLiteral("totalCost"), *plan.totalCostUsd);
    if (plan.detectableEffect)
        m.insert(QStringLiteral("detectableEffect"), *plan.detectableEffect);
    if (plan.datasetTooSmall)
        m.insert(
            QStringLiteral("tooSmallText"),
            plan.detectableEffect
                ? tr("The dataset has %1 items; %2 per arm are needed to find an effect of %3 with "
                     "%4 power. With all %1 the power is %5; at %4 power they can detect an "
                     "effect of %6. Add items, raise minimum_effect to %6, or accept the lower "
                     "power.")
                      .arg(plan.datasetItems)
                      .arg(plan.requiredPerArm)
                      .arg(effectText(definition.minimumEffect), percent(definition.power),
                           percent(plan.plannedPower), effectText(*plan.detectableEffect))
                : tr("The dataset has %1 items; %2 per arm are needed. With all %1 the power is "
                     "%3. Add items or accept the lower power.")
                      .arg(plan.datasetItems)
                      .arg(plan.requiredPerArm)
                      .arg(percent(plan.plannedPower)));
    QString capText;
    bool overCap = false;
    if (!plan.spendCapUsd)
        capText = tr("No spend cap: the run may spend whatever the calls cost.");
    else if (!plan.totalCostUsd)
        capText = tr("Spend cap %1: it cannot be checked before the run, as a price is unknown.")
                      .arg(usd(*plan.spendCapUsd));
    else {
        overCap = *plan.totalCostUsd > *plan.spendCapUsd;
        capText = overCap
            ? tr("The estimate %1 is above the spend cap %2: the run would stop at the cap.")
                  .arg(usd(*plan.totalCostUsd), usd(*plan.spendCapUsd))
            : tr("The estimate %1 is %2 of the spend cap %3.")
                  .arg(usd(*plan.totalCostUsd), percent(*plan.totalCostUsd / *plan.spendCapUsd),
                       usd(*plan.spendCapUsd));
    }
    m.insert(QStringLiteral("overCap"), overCap);
    m.insert(QStringLiteral("capText"), capText);
    if (plan.spendCapUsd)
        m.insert(QStringLiteral("spendCap"), *plan.spendCapUsd);
    QStringList notes;
    for (const std::string& n : plan.notes)
        notes << QString::fromStdString(n);
    QStringList problems;
    for (const std::string& p : plan.problems)
        if (!plan.datasetTooSmall || p.rfind("the dataset has ", 0) != 0) // said by tooSmallText
            problems << QString::fromStdString(p);
    m.insert(QStringLiteral("notes"), notes);
    m.insert(QStringLiteral("problems"), problems);
    return m;
}

std::shared_ptr<ExperimentDesigner::Loaded> ExperimentDesigner::load(const QString& path)
{
    auto r = std::make_shared<ExperimentDesigner::Loaded>();
    r->path = path;
    const QString origin = QFileInfo(path).fileName();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        r->error = ExperimentDesigner::tr("Cannot open %1: %2").arg(path, file.errorString());
        r->issues << QVariantMap{
            {QStringLiteral("section"), QStringLiteral("definition")},
            {QStringLiteral("field"), QString()},
            {QStringLiteral("message"), r->error},
            {QStringLiteral("fix"),
             ExperimentDesigner::tr("Check the path, or write a starter with New from example.")}};
        return r;
    }
    const QByteArray text = file.readAll();
    std::shared_ptr<ExperimentDefinition> definition;
    try {
        definition = std::make_shared<ExperimentDefinition>(ExperimentDefinition::parse(
            std::string_view(text.constData(), size_t(text.size())), origin.toStdString()));
    } catch (const std::exception& e) {
        r->error = QString::fromUtf8(e.what());
        r->issues << ExperimentDesigner::issueFrom(r->error, origin);
        return r;
    }
    r->definition = definition;

    for (const auto& arm : definition->arms)
        for (const auto* t : {&arm.system, &arm.prompt})
            for (const std::string& v : t->variables())
                if (std::find(r->variables.begin(), r->variables.end(), v) == r->variables.end())
                    r->variables.push_back(v);

    const QString datasetPath = QString::fromStdString(definition->dataset.path);
    std::shared_ptr<ExperimentDataset> dataset;
    if (!datasetPath.isEmpty()) {
        r->datasetPath = QFileInfo(datasetPath).isAbsolute()
            ? datasetPath
            : QFileInfo(path).dir().absoluteFilePath(datasetPath);
        try {
            dataset = std::make_shared<ExperimentDataset>(ExperimentDataset::fromFile(
                r->datasetPath.toStdString(), definition->dataset.format,
                definition->dataset.referenceColumn));
        } catch (const std::exception& e) {
            r->datasetError = QString::fromUtf8(e.what());
            r->issues << QVariantMap{
                {QStringLiteral("section"), QStringLiteral("dataset")},
                {QStringLiteral("field"), QStringLiteral("dataset.path")},
                {QStringLiteral("message"), r->datasetError},
                {QStringLiteral("fix"),
                 QFileInfo::exists(r->datasetPath)
                     ? ExperimentDesigner::tr("Correct the dataset at the line given, then Reload.")
                     : ExperimentDesigner::tr(
                         "Put the dataset there, or point dataset.path at it (relative to the "
                         "definition's folder), then Reload.")}};
        }
    }
    r->dataset = dataset;
    const std::vector<std::string> problems = definition->validate(dataset.get());
    for (const std::string& p : problems)
        r->issues << ExperimentDesigner::issueFrom(QString::fromStdString(p), QString());
    r->valid = problems.empty() && dataset;

    if (dataset) {
        for (const std::string& v : r->variables)
            if (!dataset->hasColumn(v))
                r->missingColumns << QString::fromStdString(v);
        for (const auto& item : dataset->items())
            for (const std::string& v : r->variables)
                if (!item.variables.count(v)) {
                    ++r->itemsMissingVariables;
                    break;
                }
    }
    return r;
}

// The example of docs/experiments.md, with a model the shipped price table
// knows for the second arm, so that a starter shows a whole plan.
QString ExperimentDesigner::exampleDefinition()
{
    return QStringLiteral(R"json({
  "schema_version": 1,
  "name": "faq-terse-vs-friendly",
  "description": "Does the friendlier prompt answer as correctly?",
  "arms": [
    {
      "name": "terse",
      "provider": "openai",
      "model": "gpt-4o-mini",
      "system": "You answer support questions in one line.",
      "prompt": "Question: {{question}}",
      "params": {"temperature": 0.2, "max_tokens": 128}
    },
    {
      "name": "friendly",
      "provider": "anthropic",
      "model": "claude-3-haiku",
      "system": "You answer support questions in one line.\nYou are warm and patient.",
      "prompt": "A {{ audience }} asks: {{question}}\nAnswer kindly, in one line.",
      "params": {"temperature": 0.2, "top_p": 0.9, "max_tokens": 128}
    }
  ],
  "dataset": {"path": "faq.csv", "format": "csv", "reference_column": "reference"},
  "metrics": [
    {"kind": "exact_match", "case_sensitive": false},
    {"kind": "contains", "name": "mentions_refund", "text": "refund", "case_sensitive": false},
    {"kind": "regex", "name": "one_line", "pattern": "^[^\\n]+$"},
    {"kind": "length_tokens"},
    {"kind": "latency_ms"},
    {"kind": "cost_usd"},
    {"kind": "judge", "provider": "openai", "model": "gpt-4o",
     "rubric": "Question: {{input}}\nAnswer: {{answer}}\nExpected: {{reference}}\nGrade the answer's correctness from 1 to 10. End with 'Score: N/10'."}
  ],
  "primary_metric": "exact_match",
  "alpha": 0.05,
  "power": 0.8,
  "minimum_effect": 0.1,
  "baseline_rate": 0.6,
  "spend_cap_usd": 5.0,
  "concurrency": 4
}
)json");
}

QString ExperimentDesigner::exampleDataset()
{
    return QStringLiteral(
        "id,audience,question,reference\n"
        "faq-01,customer,How do I reset my password?,Use the Forgot password link on the sign-in "
        "page.\n"
        "faq-02,customer,Can I get a refund after 30 days?,No: refunds are possible within 30 days "
        "of purchase.\n"
        "faq-03,new customer,Which payment methods do you accept?,\"Cards, PayPal and bank "
        "transfer.\"\n"
        "faq-04,customer,How do I cancel my subscription?,Open Billing and choose Cancel "
        "subscription.\n"
        "faq-05,customer,Where can I download my invoices?,Under Billing > Invoices.\n"
        "faq-06,developer,What is the API rate limit?,600 requests per minute per key.\n"
        "faq-07,customer,How long does shipping take?,Three to five working days.\n"
        "faq-08,customer,Can I change my delivery address?,\"Yes, until the order ships.\"\n"
        "faq-09,new customer,Is there a free trial?,\"Yes, 14 days without a card.\"\n"
        "faq-10,customer,How do I ask for a refund?,Reply to your order email with the word "
        "refund.\n"
        "faq-11,developer,Do you have a sandbox?,\"Yes, at sandbox.example.com.\"\n"
        "faq-12,customer,Can I pause my plan?,\"Yes, for up to three months.\"\n"
        "faq-13,customer,How do I add a team member?,Open Team and choose Invite.\n"
        "faq-14,administrator,Can I enforce single sign-on?,\"Yes, on the Business plan.\"\n"
        "faq-15,customer,Why was my card declined?,Your bank declined it; contact them or use "
        "another card.\n"
        "faq-16,customer,Do you ship abroad?,\"Yes, to 40 countries.\"\n"
        "faq-17,developer,Which API versions are supported?,The current and the previous one.\n"
        "faq-18,customer,How do I delete my account?,Open Settings > Account > Delete account.\n"
        "faq-19,new customer,Do you offer student discounts?,\"Yes, 50 % with a student email.\"\n"
        "faq-20,customer,Is my data encrypted?,\"Yes, in transit and at rest.\"\n"
        "faq-21,administrator,Where is the audit log?,Under Admin > Audit log.\n"
        "faq-22,customer,Can I get a refund for an unused month?,\"No, unused months are not "
        "refunded.\"\n"
        "faq-23,customer,How do I change my email address?,Open Settings > Profile.\n"
        "faq-24,developer,How do I rotate an API key?,Create a new key and then revoke the old "
        "one.\n");
}
