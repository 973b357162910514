#include "experiment_arm_model.h"

#include <QStringList>

using llmopt::offline::ArmParams;
using llmopt::offline::ExperimentArm;

ExperimentArmModel::ExperimentArmModel(QObject* parent)
    : QAbstractListModel(parent)
{
}

void ExperimentArmModel::setArms(std::vector<ExperimentArm> arms)
{
    const bool countChanges = arms.size() != m_arms.size();
    beginResetModel();
    m_arms = std::move(arms);
    endResetModel();
    if (countChanges)
        Q_EMIT countChanged();
}

QString ExperimentArmModel::paramsText(const ArmParams& params)
{
    QStringList parts;
    if (params.temperature)
        parts << QStringLiteral("temperature %1").arg(*params.temperature);
    if (params.topP)
        parts << QStringLiteral("top_p %1").arg(*params.topP);
    if (params.maxTokens)
        parts << QStringLiteral("max_tokens %1").arg(*params.maxTokens);
    return parts.isEmpty() ? tr("provider defaults") : parts.join(QStringLiteral(" · "));
}

int ExperimentArmModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_arms.size());
}

QVariant ExperimentArmModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ExperimentArm& a = m_arms[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return QString::fromStdString(a.name);
    case ProviderRole:
        return QString::fromStdString(a.provider);
    case ModelRole:
        return QString::fromStdString(a.model);
    case ParamsRole:
        return paramsText(a.params);
    case ControlRole:
        return index.row() == 0;
    case PromptRole:
        return QString::fromStdString(a.prompt.text());
    case SystemRole:
        return QString::fromStdString(a.system.text());
    case VariablesRole: {
        QStringList names;
        for (const auto* t : {&a.system, &a.prompt})
            for (const std::string& v : t->variables())
                if (!names.contains(QString::fromStdString(v)))
                    names << QString::fromStdString(v);
        return names;
    }
    default:
        return {};
    }
}

QHash<int, QByteArray> ExperimentArmModel::roleNames() const
{
    return {{NameRole, "name"},           {ProviderRole, "provider"},  {ModelRole, "modelName"},
            {ParamsRole, "params"},       {ControlRole, "control"},    {PromptRole, "prompt"},
            {SystemRole, "systemPrompt"}, {VariablesRole, "variables"}};
}
