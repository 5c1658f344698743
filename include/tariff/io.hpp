// tariff/io.hpp: text output (opt-in: the core headers do not include <ostream>).
//
// Output is the same in every locale: digits, '.', and ',' between groups
// of three in money ("CAD 42,440.00"). Money shows at least its currency's
// minor digits and more only when the exact amount has them
// ("CAD 2,440.00", "CAD 0.001"). Decimals print as stored ("2440.00000").
#pragma once

#include <ostream>
#include <string>

#include "rate.hpp"

namespace tariff {
namespace detail {

// Appends the decimal digits of |v| (grouped by three if `group`).
template <class R>
void append_integer(std::string& out, R v, bool group) {
    char buf[48];
    int n = 0;
    do {
        buf[n++] = static_cast<char>('0' + static_cast<int>(v % 10));
        v /= 10;
    } while (v != 0);
    for (int i = n - 1; i >= 0; --i) {
        out += buf[i];
        if (group && i > 0 && i % 3 == 0)
            out += ',';
    }
}

// coefficient * 10^-scale, with at least min_places and at most as many
// places as the exact value needs beyond that.
template <class R>
std::string format_decimal(basic_decimal<R> d, int min_places, bool trim, bool group) {
    R c = d.coefficient();
    int s = d.scale();
    if (trim)
        while (s > min_places && c % 10 == 0) {
            c /= 10;
            --s;
        }
    std::string out;
    if (c < 0)
        out += '-';
    R mag = magnitude(c);
    const R p = pow10<R>(s);
    append_integer(out, mag / p, group);
    if (s > 0 || min_places > 0) {
        out += '.';
        std::string frac;
        append_integer(frac, mag % p, false);
        out.append(static_cast<std::size_t>(s) - frac.size(), '0');
        out += frac;
        if (s < min_places)
            out.append(static_cast<std::size_t>(min_places - s), '0');
    }
    return out;
}

} // namespace detail

template <class R>
std::string to_string(basic_decimal<R> d) {
    return detail::format_decimal(d, 0, false, false);
}
template <class C, class R>
std::string to_string(basic_money<C, R> m) {
    return std::string(C::code) + ' ' +
           detail::format_decimal(m.amount(), C::minor_digits, true, true);
}
template <class U, class R>
std::string to_string(basic_quantity<U, R> q) {
    return detail::format_decimal(q.value(), 0, true, false) + ' ' + std::string(U::symbol);
}
inline std::string to_string(ad_valorem r) {
    return detail::format_decimal(r.percent(), 0, true, false) + " %";
}
template <class C, class U, class R>
std::string to_string(const specific_rate<C, U, R>& r) {
    return to_string(r.per_unit()) + " / " + std::string(U::symbol);
}

template <class R>
std::ostream& operator<<(std::ostream& os, basic_decimal<R> d) {
    return os << to_string(d);
}
template <class C, class R>
std::ostream& operator<<(std::ostream& os, basic_money<C, R> m) {
    return os << to_string(m);
}
template <class U, class R>
std::ostream& operator<<(std::ostream& os, basic_quantity<U, R> q) {
    return os << to_string(q);
}
inline std::ostream& operator<<(std::ostream& os, ad_valorem r) {
    return os << to_string(r);
}
template <class C, class U, class R>
std::ostream& operator<<(std::ostream& os, const specific_rate<C, U, R>& r) {
    return os << to_string(r);
}

} // namespace tariff
