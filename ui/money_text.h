#pragma once

#include <QCoreApplication>
#include <QLocale>
#include <QString>
#include <cmath>

// US dollars in the number format of the chosen language, the sign placed as
// that language does ("$1,234.50", "1.234,50 $").
inline QString usdText(double usd, int decimals)
{
    return QCoreApplication::translate("Money", "$%1",
                                       "US dollars: put the sign where your language does")
        .arg(QLocale().toString(usd, 'f', decimals));
}

// US dollars as the Costs screen shows them: cents from $1 up, more digits
// below, so that small per-bucket amounts do not read as $0.00.
inline QString moneyText(double usd)
{
    const double size = std::abs(usd);
    const int decimals = size >= 1 || size == 0 ? 2 : size >= 0.01 ? 3 : 5;
    return usdText(usd, decimals);
}
