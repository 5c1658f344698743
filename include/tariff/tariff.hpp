// tariff/tariff.hpp: the whole core (text output is opt-in: tariff/io.hpp).
//
// Layers, each header including only those below it:
//   rounding, error, detail/integer -> decimal -> currency, money, allocate
//   -> units, quantity -> rate
#pragma once

#include "allocate.hpp"
#include "currency.hpp"
#include "decimal.hpp"
#include "error.hpp"
#include "money.hpp"
#include "quantity.hpp"
#include "rate.hpp"
#include "rounding.hpp"
#include "units.hpp"
