#include "template_diff_model.h"

using llmopt::TemplateDiffLine;

TemplateDiffModel::TemplateDiffModel(QObject* parent)
    : QAbstractListModel(parent)
{
}

void TemplateDiffModel::setTexts(const std::string& left, const std::string& right)
{
    beginResetModel();
    m_lines.clear();
    m_added = m_removed = 0;
    m_bothEmpty = left.empty() && right.empty();
    if (!m_bothEmpty) {
        int l = 0;
        int r = 0;
        for (const TemplateDiffLine& d : llmopt::PromptTemplate::diff(left, right)) {
            Line line{d.kind, QString::fromStdString(d.text)};
            switch (d.kind) {
            case TemplateDiffLine::Kind::Same:
                line.left = ++l;
                line.right = ++r;
                break;
            case TemplateDiffLine::Kind::Removed:
                line.left = ++l;
                ++m_removed;
                break;
            case TemplateDiffLine::Kind::Added:
                line.right = ++r;
                ++m_added;
                break;
            }
            m_lines.push_back(std::move(line));
        }
    }
    endResetModel();
    Q_EMIT changed();
}

void TemplateDiffModel::clear()
{
    setTexts({}, {});
}

int TemplateDiffModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_lines.size());
}

QVariant TemplateDiffModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Line& line = m_lines[size_t(index.row())];
    switch (role) {
    case KindRole:
        return line.kind == TemplateDiffLine::Kind::Added  ? QStringLiteral("added")
            : line.kind == TemplateDiffLine::Kind::Removed ? QStringLiteral("removed")
                                                           : QStringLiteral("same");
    case Qt::DisplayRole:
    case TextRole:
        return line.text;
    case LeftLineRole:
        return line.left;
    case RightLineRole:
        return line.right;
    default:
        return {};
    }
}

QHash<int, QByteArray> TemplateDiffModel::roleNames() const
{
    return {{KindRole, "kind"},
            {TextRole, "text"},
            {LeftLineRole, "leftLine"},
            {RightLineRole, "rightLine"}};
}
