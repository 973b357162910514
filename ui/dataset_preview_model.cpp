#include "dataset_preview_model.h"

using llmopt::offline::DatasetItem;

DatasetPreviewModel::DatasetPreviewModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void DatasetPreviewModel::setItems(const std::vector<DatasetItem>& items,
                                   const std::vector<std::string>& variables, bool withReference)
{
    beginResetModel();
    m_columns = {tr("id")};
    for (const std::string& v : variables)
        m_columns << QString::fromStdString(v);
    m_referenceColumn = withReference ? int(m_columns.size()) : -1;
    if (withReference)
        m_columns << tr("reference");
    m_columnMissing.assign(size_t(m_columns.size()), false);
    m_rows.clear();
    for (size_t i = 0; i < items.size() && i < kPreviewItems; ++i) {
        const DatasetItem& item = items[i];
        std::vector<Cell> row;
        row.push_back({QString::fromStdString(item.id), false});
        for (size_t c = 0; c < variables.size(); ++c) {
            const auto it = item.variables.find(variables[c]);
            const bool missing = it == item.variables.end();
            row.push_back({missing ? QString() : QString::fromStdString(it->second), missing});
            if (missing)
                m_columnMissing[c + 1] = true;
        }
        if (withReference)
            row.push_back(
                {item.reference ? QString::fromStdString(*item.reference) : QString(), false});
        m_rows.push_back(std::move(row));
    }
    endResetModel();
    Q_EMIT changed();
}

void DatasetPreviewModel::clear()
{
    beginResetModel();
    m_columns.clear();
    m_columnMissing.clear();
    m_referenceColumn = -1;
    m_rows.clear();
    endResetModel();
    Q_EMIT changed();
}

QVariantList DatasetPreviewModel::columnMissing() const
{
    QVariantList list;
    for (bool m : m_columnMissing)
        list << m;
    return list;
}

int DatasetPreviewModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int DatasetPreviewModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QVariant DatasetPreviewModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Cell& cell = m_rows[size_t(index.row())][size_t(index.column())];
    switch (role) {
    case Qt::DisplayRole:
        return cell.text;
    case Qt::ToolTipRole:
        return cell.missing ? tr("This item has no \"%1\"").arg(m_columns[index.column()])
                            : cell.text;
    case MissingRole:
        return cell.missing;
    case KindRole:
        return index.column() == 0                ? QStringLiteral("id")
            : index.column() == m_referenceColumn ? QStringLiteral("reference")
                                                  : QStringLiteral("variable");
    default:
        return {};
    }
}

QVariant DatasetPreviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Horizontal)
        return section >= 0 && section < m_columns.size() ? QVariant(m_columns[section])
                                                          : QVariant();
    return section + 1;
}

QHash<int, QByteArray> DatasetPreviewModel::roleNames() const
{
    return {{Qt::DisplayRole, "display"},
            {Qt::ToolTipRole, "toolTip"},
            {MissingRole, "missing"},
            {KindRole, "kind"}};
}
