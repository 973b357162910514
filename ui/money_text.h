#pragma once

#include <QLocale>
#include <QString>
#include <cmath>

// US dollars as the Costs screen shows them: cents from $1 up, more digits
// below, so that small per-bucket amounts do not read as $0.00.
inline QString moneyText(double usd)
{
    const double size = std::abs(usd);
    const int decimals = size >= 1 || size == 0 ? 2 : size >= 0.01 ? 3 : 5;
    return QStringLiteral("$") + QLocale().toString(usd, 'f', decimals);
}
