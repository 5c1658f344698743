// tariff/tariff.hpp: the whole core (text output is opt-in: tariff/io.hpp).
//
// Layers, each header including only those below it:
//   rounding, error, detail/integer -> decimal -> currency, money, allocate
//   -> units, quantity -> rate -> expression, exchange, hs_code, date
//   -> assessment, parse -> quota
//   runtime (currencies, exchange tables and quantities known at run time)
//   sits on exchange, date and quantity.
#pragma once

#include "allocate.hpp"
#include "assessment.hpp"
#include "choose.hpp"
#include "consignment.hpp"
#include "currency.hpp"
#include "date.hpp"
#include "decimal.hpp"
#include "error.hpp"
#include "exchange.hpp"
#include "expression.hpp"
#include "hs_code.hpp"
#include "meursing.hpp"
#include "money.hpp"
#include "parse.hpp"
#include "qualified.hpp"
#include "quantity.hpp"
#include "quota.hpp"
#include "rate.hpp"
#include "rounding.hpp"
#include "runtime.hpp"
#include "schedule_currency.hpp"
#include "seasonal.hpp"
#include "units.hpp"
#include "value_bases.hpp"
#include "version.hpp"
