// boundary_diff: the C++ side of the boundary differential test.
//
// Reads cases from stdin, one a line, as tests/oracle/boundary.py writes them:
//     <op> <operands...> => =<expected value>      or      ... => !<error class>
// Every expectation there is computed independently (Python's decimal and
// fractions); nothing here decides what is right. This program parses the
// operands with the library's own exact parsing (text, never floating point),
// evaluates the operation through the public API only -- the throwing form
// and, where there is one, the non-throwing (try_ forms, evaluate,
// try_assess) form -- and compares each with the expectation: the same
// value (and, for +, - and *, the documented scale), or an error of the
// expected class ("big" accepts overflow or inexact). Every exception is
// caught; a std::terminate (an exception leaving a noexcept function) is
// reported with its case and the index after which to resume
// ("CRASHED-AT <index>"), which boundary.py --driver does.
//
// Output: the first --max-report mismatches with their full case, then the
// failures grouped by operation and outcome, then "<N> passed, <N> failed".
// Exit status 0 only if nothing failed.
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <iostream>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <tariff/io.hpp>
#include <tariff/tariff.hpp>

// Under ASan/UBSan (built with -fno-sanitize-recover) a finding ends the
// process; the death callback still reports which case it was.
#if defined(__SANITIZE_ADDRESS__)
#define BOUNDARY_DIFF_SANITIZER 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(undefined_behavior_sanitizer)
#define BOUNDARY_DIFF_SANITIZER 1
#endif
#endif
#if defined(BOUNDARY_DIFF_SANITIZER)
#include <sanitizer/common_interface_defs.h>
#endif

namespace {

using namespace tariff;

struct CLF : currency<"CLF", 4> {}; // a currency with 4 minor digits

// ---------------------------------------------------------------------------
// What an evaluation gave: a value (kept as a wide_decimal, which every
// narrower value widens to exactly), an integer, or an error class.

struct outcome {
    bool ok = false;
    wide_decimal value{};
    std::string error; // errc enumerator name, or a description of a foreign exception

    static outcome of(wide_decimal v) {
        outcome o;
        o.ok = true;
        o.value = v;
        return o;
    }
    static outcome fail(std::string e) {
        outcome o;
        o.error = std::move(e);
        return o;
    }
};

const char* errc_name(errc e) {
    switch (e) {
    case errc::ok:
        return "ok";
    case errc::overflow:
        return "overflow";
    case errc::division_by_zero:
        return "division_by_zero";
    case errc::negative_quantity:
        return "negative_quantity";
    case errc::inexact:
        return "inexact";
    case errc::invalid_argument:
        return "invalid_argument";
    case errc::invalid_text:
        return "invalid_text";
    case errc::missing_quantity:
        return "missing_quantity";
    case errc::outside_period:
        return "outside_period";
    case errc::period_closed:
        return "period_closed";
    case errc::unknown_entry:
        return "unknown_entry";
    case errc::return_exceeds_allocation:
        return "return_exceeds_allocation";
    case errc::legal_wording:
        return "legal_wording";
    case errc::currency_mismatch:
        return "currency_mismatch";
    case errc::missing_exchange_rate:
        return "missing_exchange_rate";
    case errc::no_season:
        return "no_season";
    case errc::overlapping_seasons:
        return "overlapping_seasons";
    case errc::unresolved_placeholder:
        return "unresolved_placeholder";
    case errc::missing_value_base:
        return "missing_value_base";
    }
    return "errc(?)";
}

std::string describe(const outcome& o) {
    return o.ok ? "=" + to_string(o.value) : "!" + o.error;
}

// A case line this program cannot read (a harness error, never a library result).
struct bad_case {
    std::string why;
};

// Runs f, turning every exception into an outcome.
template <class F>
outcome guarded(F&& f) {
    try {
        return f();
    } catch (const bad_case&) {
        throw;
    } catch (const tariff::overflow_error& e) {
        if (e.code() != errc::overflow)
            return outcome::fail("overflow_error with code " + std::string(errc_name(e.code())));
        return outcome::fail("overflow");
    } catch (const tariff::domain_error& e) {
        return outcome::fail(errc_name(e.code()));
    } catch (const std::exception& e) {
        return outcome::fail(std::string("foreign exception: ") + e.what());
    } catch (...) {
        return outcome::fail("unknown exception");
    }
}

template <class T>
outcome from_result(const result<T>& r) {
    if (!r)
        return outcome::fail(errc_name(r.error()));
    return outcome::of(wide_decimal(r.value_or({})));
}

// ---------------------------------------------------------------------------
// Parsing a case

std::vector<std::string_view> split(std::string_view s, char sep) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    while (true) {
        const auto p = s.find(sep, start);
        out.push_back(s.substr(start, p == std::string_view::npos ? p : p - start));
        if (p == std::string_view::npos)
            return out;
        start = p + 1;
    }
}

template <class R>
basic_decimal<R> number(std::string_view text) {
    const auto p = [&] {
        if constexpr (std::is_same_v<R, std::int64_t>)
            return try_parse_decimal(text);
        else
            return try_parse_wide_decimal(text);
    }();
    if (!p)
        throw bad_case{"operand '" + std::string(text) + "' does not parse: " + p.error().reason};
    return p.value();
}
decimal dec(std::string_view t) {
    return number<std::int64_t>(t);
}

int integer(std::string_view t) {
    const std::string s(t);
    char* end = nullptr;
    const long v = std::strtol(s.c_str(), &end, 10);
    if (end == s.c_str() || *end != '\0')
        throw bad_case{"not an integer: " + s};
    return static_cast<int>(v);
}

std::int64_t integer64(std::string_view t) {
    const std::string s(t);
    char* end = nullptr;
    const long long v = std::strtoll(s.c_str(), &end, 10);
    if (end == s.c_str() || *end != '\0')
        throw bad_case{"not an integer: " + s};
    return static_cast<std::int64_t>(v);
}

// Any value of the underlying type: the cases include values outside the
// seven enumerators on purpose (a mode read from a byte or a file).
rounding_mode mode_of(std::string_view t) {
    return static_cast<rounding_mode>(static_cast<unsigned char>(integer(t)));
}

template <class F>
outcome with_currency(std::string_view code, F&& f) {
    if (code == "CAD")
        return f(CAD{});
    if (code == "JPY")
        return f(JPY{});
    if (code == "KWD")
        return f(KWD{});
    if (code == "CLF")
        return f(CLF{});
    throw bad_case{"unknown currency " + std::string(code)};
}

template <class F>
outcome with_unit(std::string_view u, F&& f) {
    if (u == "each")
        return f(units::each{});
    if (u == "pair")
        return f(units::pair{});
    if (u == "dozen")
        return f(units::dozen{});
    if (u == "g")
        return f(units::gram{});
    if (u == "kg")
        return f(units::kilogram{});
    if (u == "100kg")
        return f(units::hundred_kilograms{});
    if (u == "tonne")
        return f(units::tonne{});
    if (u == "l")
        return f(units::litre{});
    if (u == "hl")
        return f(units::hectolitre{});
    if (u == "m3")
        return f(units::cubic_metre{});
    if (u == "lpa")
        return f(units::litre_pure_alcohol{});
    if (u == "pfl")
        return f(units::proof_litre{});
    if (u == "kWh")
        return f(units::kilowatt_hour{});
    if (u == "MWh")
        return f(units::megawatt_hour{});
    throw bad_case{"unknown unit " + std::string(u)};
}

const unit_info& unit_info_named(std::string_view u) {
    const unit_info* info = nullptr;
    with_unit(u, [&](auto unit) {
        info = &unit_info_of<decltype(unit)>;
        return outcome{};
    });
    return *info;
}

// ---------------------------------------------------------------------------
// Judging

struct expectation {
    bool ok = false;
    wide_decimal value{};
    bool check_scale = false;
    std::string error;
};

bool matches(const expectation& e, const outcome& o, std::string& why) {
    if (e.ok) {
        if (!o.ok) {
            why = "expected a value, got an error";
            return false;
        }
        if (!(o.value == e.value)) {
            why = "wrong value";
            return false;
        }
        if (e.check_scale && o.value.scale() != e.value.scale()) {
            why = "right value, wrong scale";
            return false;
        }
        return true;
    }
    if (o.ok) {
        why = "expected an error, got a value";
        return false;
    }
    // "a|b": either error is right; "big" is "overflow|inexact".
    const std::string accepted = e.error == "big" ? "overflow|inexact" : e.error;
    for (const auto alternative : split(accepted, '|'))
        if (o.error == alternative)
            return true;
    why = "wrong error";
    return false;
}

expectation expect_value(std::string_view text, bool check_scale) {
    expectation e;
    if (!text.empty() && text[0] == '!') {
        e.error = std::string(text.substr(1));
        return e;
    }
    if (text.empty() || text[0] != '=')
        throw bad_case{"bad expectation " + std::string(text)};
    e.ok = true;
    e.value = number<int128_t>(text.substr(1));
    e.check_scale = check_scale;
    return e;
}

struct verdict {
    bool pass = true;
    std::string detail; // what differed, per form
    std::string family; // op: expected -> got, for grouping
};

void judge(verdict& v, std::string_view op, std::string_view form, const expectation& e,
           const outcome& o) {
    std::string why;
    if (matches(e, o, why))
        return;
    const std::string exp = e.ok ? "value" : "!" + e.error;
    const std::string got = o.ok ? "value" : "!" + o.error;
    if (v.pass)
        v.family =
            std::string(op) + " [" + std::string(form) + "] expected " + exp + ", got " + got +
            (why == "wrong value" || why == "right value, wrong scale" ? " (" + why + ")" : "");
    v.pass = false;
    v.detail += "    " + std::string(form) + ": " + why + ": " + describe(o) + "\n";
}

// ---------------------------------------------------------------------------
// The operations

template <class R>
outcome arith(std::string_view op, std::string_view a_text, std::string_view b_text) {
    return guarded([&] {
        const auto a = number<R>(a_text);
        const auto b = number<R>(b_text);
        if (op == "add")
            return outcome::of(a + b);
        if (op == "sub")
            return outcome::of(a - b);
        return outcome::of(a * b);
    });
}

outcome mixed_arith(std::string_view op, std::string_view a_text, std::string_view b_text) {
    return guarded([&] {
        const decimal a = number<std::int64_t>(a_text);
        const wide_decimal b = number<int128_t>(b_text);
        if (op == "add")
            return outcome::of(a + b);
        if (op == "sub")
            return outcome::of(a - b);
        if (op == "mul")
            return outcome::of(a * b);
        throw bad_case{"mixed widths: only +, - and *"};
    });
}

template <class R>
outcome decimal_op(const std::vector<std::string_view>& t) {
    const std::string_view op = t[0];
    if (op == "add" || op == "sub" || op == "mul")
        return arith<R>(op, t[2], t[3]);
    return guarded([&] {
        const auto a = number<R>(t[2]);
        if (op == "cmp") {
            const auto b = number<R>(t[3]);
            const auto c = a <=> b;
            return outcome::of(c < 0 ? -1 : c > 0 ? 1 : 0);
        }
        if (op == "div")
            return outcome::of(divide(a, number<R>(t[3]), integer(t[4]), mode_of(t[5])));
        if (op == "round")
            return outcome::of(round(a, integer(t[3]), mode_of(t[4])));
        if (op == "rmul")
            return outcome::of(round_to_multiple(a, number<R>(t[3]), mode_of(t[4])));
        throw bad_case{"unknown operation"};
    });
}

// Money: the operators and plain functions, and the try_ forms where
// they exist. Returns the outcomes by form.
std::vector<std::pair<std::string, outcome>> money_op(const std::vector<std::string_view>& t) {
    std::vector<std::pair<std::string, outcome>> out;
    with_currency(t[1], [&](auto c) {
        using C = decltype(c);
        using M = money<C>;
        const std::string_view op = t[0];
        const M a(dec(t[2]));
        auto amount = [](M m) { return outcome::of(m.amount()); };
        auto checked_amount = [](result<M> r) {
            if (!r)
                return outcome::fail(errc_name(r.error()));
            return outcome::of(r.value_or({}).amount());
        };
        if (op == "madd" || op == "msub") {
            const M b(dec(t[3]));
            out.emplace_back("operator",
                             guarded([&] { return amount(op == "madd" ? a + b : a - b); }));
            out.emplace_back("compound", guarded([&] {
                                 M x = a;
                                 if (op == "madd")
                                     x += b;
                                 else
                                     x -= b;
                                 return amount(x);
                             }));
            out.emplace_back("checked", guarded([&] {
                                 return checked_amount(op == "madd" ? try_add(a, b)
                                                                    : try_subtract(a, b));
                             }));
        } else if (op == "mmul") {
            const decimal k = dec(t[3]);
            out.emplace_back("operator", guarded([&] { return amount(a * k); }));
            out.emplace_back("operator k*m", guarded([&] { return amount(k * a); }));
            out.emplace_back("checked",
                             guarded([&] { return checked_amount(try_multiply(a, k)); }));
        } else if (op == "mmuli") {
            const std::int64_t k = integer64(t[3]);
            out.emplace_back("operator", guarded([&] { return amount(a * k); }));
        } else if (op == "mround") {
            const auto mode = mode_of(t[3]);
            out.emplace_back("round", guarded([&] { return amount(round(a, mode)); }));
            out.emplace_back("checked",
                             guarded([&] { return checked_amount(try_round(a, mode)); }));
        } else if (op == "mgran") {
            const M g(dec(t[3]));
            const auto mode = mode_of(t[4]);
            out.emplace_back("round", guarded([&] { return amount(round(a, g, mode)); }));
        } else if (op == "mdiv") {
            const decimal k = dec(t[3]);
            const auto mode = mode_of(t[4]);
            out.emplace_back("divide", guarded([&] { return amount(divide(a, k, mode)); }));
            out.emplace_back("checked",
                             guarded([&] { return checked_amount(try_divide(a, k, mode)); }));
        } else if (op == "minor") {
            out.emplace_back("minor_units", guarded([&] { return outcome::of(a.minor_units()); }));
        } else {
            throw bad_case{"unknown money operation"};
        }
        return outcome{};
    });
    return out;
}

outcome specific_op(std::string_view rate_unit, std::string_view qty_unit, std::string_view per,
                    std::string_view qty) {
    return with_unit(rate_unit, [&](auto u) {
        return with_unit(qty_unit, [&](auto v) {
            using U = decltype(u);
            using V = decltype(v);
            if constexpr (same_dimension<U, V>) {
                return guarded([&] {
                    const specific_rate<CAD, U> rate(money<CAD>(dec(per)), U{});
                    return outcome::of(rate(quantity<V>(dec(qty))).amount());
                });
            } else {
                throw bad_case{"units of different dimensions"};
                return outcome{};
            }
        });
    });
}

outcome convert_op(std::string_view from, std::string_view to, std::string_view qty) {
    return with_unit(from, [&](auto u) {
        return with_unit(to, [&](auto v) {
            using U = decltype(u);
            using V = decltype(v);
            if constexpr (same_dimension<U, V>) {
                return guarded([&] { return outcome::of(quantity<U>(dec(qty)).in(V{}).value()); });
            } else {
                throw bad_case{"units of different dimensions"};
                return outcome{};
            }
        });
    });
}

// The same conversion by the converting constructor (explicit where not every value converts).
outcome construct_op(std::string_view from, std::string_view to, std::string_view qty) {
    return with_unit(from, [&](auto u) {
        return with_unit(to, [&](auto v) {
            using U = decltype(u);
            using V = decltype(v);
            if constexpr (same_dimension<U, V>) {
                return guarded(
                    [&] { return outcome::of(quantity<V>(quantity<U>(dec(qty))).value()); });
            } else {
                throw bad_case{"units of different dimensions"};
                return outcome{};
            }
        });
    });
}

std::vector<std::pair<std::string, outcome>> exchange_op(const std::vector<std::string_view>& t) {
    std::vector<std::pair<std::string, outcome>> out;
    with_currency(t[1], [&](auto f) {
        return with_currency(t[2], [&](auto to) {
            using F = decltype(f);
            using T = decltype(to);
            if constexpr (!std::is_same_v<F, T>) {
                const std::string_view op = t[0];
                if (op == "xinv") {
                    out.emplace_back("inverse", guarded([&] {
                                         const exchange_rate<F, T> x(dec(t[3]));
                                         return outcome::of(
                                             x.inverse(integer(t[4]), mode_of(t[5])).rate());
                                     }));
                } else if (op == "xexact") {
                    out.emplace_back("exact", guarded([&] {
                                         const exchange_rate<F, T> x(dec(t[3]));
                                         return outcome::of(x.exact(money<F>(dec(t[4]))).amount());
                                     }));
                } else {
                    out.emplace_back(
                        "convert", guarded([&] {
                            const exchange_rate<F, T> x(dec(t[3]));
                            return outcome::of(
                                x.convert(money<F>(dec(t[4])), mode_of(t[5])).amount());
                        }));
                }
            } else {
                throw bad_case{"an exchange within one currency"};
            }
            return outcome{};
        });
    });
    return out;
}

// A duty expression from its text: av:<percent>, sp:<unit>:<per unit>,
// fx:<amount>, or L(a,b) at_least, M(a,b) at_most, S(a,b) sum, X(a,b) difference.
template <class C>
duty_expression<C> build_expression(std::string_view s, std::size_t& i) {
    if (i + 1 < s.size() && s[i + 1] == '(') {
        const char op = s[i];
        i += 2;
        const auto a = build_expression<C>(s, i);
        if (i >= s.size() || s[i] != ',')
            throw bad_case{"expression: ',' expected"};
        ++i;
        const auto b = build_expression<C>(s, i);
        if (i >= s.size() || s[i] != ')')
            throw bad_case{"expression: ')' expected"};
        ++i;
        switch (op) {
        case 'L':
            return duty_expression<C>(at_least(a, b));
        case 'M':
            return duty_expression<C>(at_most(a, b));
        case 'S':
            return duty_expression<C>(a + b);
        case 'X':
            return duty_expression<C>(a - b);
        default:
            throw bad_case{"expression: unknown operator"};
        }
    }
    const std::size_t end = s.find_first_of(",)", i);
    const std::string_view leaf = s.substr(i, end == std::string_view::npos ? end : end - i);
    i += leaf.size();
    const auto parts = split(leaf, ':');
    if (parts[0] == "av" && parts.size() == 2)
        return duty_expression<C>(ad_valorem::from_percent(dec(parts[1])));
    if (parts[0] == "fx" && parts.size() == 2)
        return duty_expression<C>::fixed(money<C>(dec(parts[1])));
    if (parts[0] == "sp" && parts.size() == 3)
        return duty_expression<C>::specific(dec(parts[2]), unit_info_named(parts[1]));
    throw bad_case{"expression: bad leaf " + std::string(leaf)};
}

template <class C>
duty_expression<C> expression_of(std::string_view s) {
    std::size_t i = 0;
    auto e = build_expression<C>(s, i);
    if (i != s.size())
        throw bad_case{"expression: trailing text"};
    return e;
}

std::vector<std::pair<std::string, outcome>> expr_op(const std::vector<std::string_view>& t) {
    // expr <C> <value> <unit> <quantity> <expression>
    std::vector<std::pair<std::string, outcome>> out;
    with_currency(t[1], [&](auto c) {
        using C = decltype(c);
        auto base = [&] {
            return duty_base<C>(money<C>(dec(t[2]))).with(unit_info_named(t[3]), dec(t[4]));
        };
        // The base first, then the expression (the order boundary.py expects errors in).
        out.emplace_back("operator()", guarded([&] {
                             const auto b = base();
                             return outcome::of(expression_of<C>(t[5])(b).amount());
                         }));
        out.emplace_back("evaluate", guarded([&] {
                             const auto b = base();
                             const auto r = expression_of<C>(t[5]).try_explain(b);
                             if (!r)
                                 return outcome::fail(errc_name(r.error()));
                             return outcome::of(r.value_or({}).amount.amount());
                         }));
        return outcome{};
    });
    return out;
}

// assess <C> <value> <unit> <qty> <mode> <granularity> <each|totals> <value granularity>
//        <tax percent or -> <duty expression>...
// Outcomes: duties(), taxes(), total() as three values (or an error).
struct assessed {
    outcome duties, taxes, total;
};

template <class C>
duty_path<C> path_of(const std::vector<std::string_view>& t) {
    static const char* names[] = {"d0", "d1", "d2", "d3", "d4", "d5", "d6", "d7"};
    duty_path<C> p("p");
    for (std::size_t i = 10; i < t.size(); ++i)
        p = p.with_duty(names[(i - 10) % 8], "", expression_of<C>(t[i]));
    if (t[9] != "-")
        p = p.with_tax(tax_component<C>{"T", "", ad_valorem::from_percent(dec(t[9]))});
    return p;
}

std::vector<std::pair<std::string, assessed>> assess_op(const std::vector<std::string_view>& t) {
    std::vector<std::pair<std::string, assessed>> out;
    if (t.size() < 11)
        throw bad_case{"assess: too few fields"};
    with_currency(t[1], [&](auto c) {
        using C = decltype(c);
        auto setup = [&] {
            const auto base =
                duty_base<C>(money<C>(dec(t[2]))).with(unit_info_named(t[3]), dec(t[4]));
            rounding_policy<C> policy{mode_of(t[5])};
            policy.granularity = money<C>(dec(t[6]));
            policy.stage = t[7] == "each" ? rounding_stage::each_component : rounding_stage::totals;
            policy.value_granularity = money<C>(dec(t[8]));
            return std::pair{base, policy};
        };
        auto totals = [](const assessment<C>& a) {
            assessed r;
            r.duties = outcome::of(a.duties().amount());
            r.taxes = outcome::of(a.taxes().amount());
            r.total = guarded([&] { return outcome::of(a.total().amount()); });
            return r;
        };
        auto failed = [](outcome o) { return assessed{o, o, o}; };
        {
            // compare(empty path, this path).difference() is this path's total.
            assessed r;
            const outcome o = guarded([&] {
                const auto [base, policy] = setup();
                const auto path = path_of<C>(t);
                const duty_path<C> empty("empty"); // an assessment refers to its path
                const auto c = compare(empty, path, base, policy);
                r = totals(c.second);
                r.total = guarded([&] { return outcome::of(c.difference().amount()); });
                return outcome::of(0);
            });
            out.emplace_back("compare difference", o.ok ? r : failed(o));
        }
        {
            assessed r;
            const outcome o = guarded([&] {
                const auto [base, policy] = setup();
                const auto path = path_of<C>(t);
                r = totals(assess(path, base, policy));
                return outcome::of(0);
            });
            out.emplace_back("assess", o.ok ? r : failed(o));
        }
        {
            assessed r;
            const outcome o = guarded([&] {
                const auto [base, policy] = setup();
                const auto path = path_of<C>(t);
                const auto a = try_assess(path, base, policy);
                if (!a)
                    return outcome::fail(errc_name(a.error()));
                r = totals(a.value_or(assessment<C>{}));
                return outcome::of(0);
            });
            out.emplace_back("try_assess", o.ok ? r : failed(o));
        }
        return outcome{};
    });
    return out;
}

// ---------------------------------------------------------------------------

long long g_index = 0; // the index of the case being evaluated
std::string g_line;
long long g_passed = 0, g_failed = 0;
// Failures grouped by operation, form and outcome: count and first case.
std::map<std::string, std::pair<long long, std::string>> g_families;

void print_summary() {
    if (!g_families.empty()) {
        std::printf("failures by family (count, family, first case):\n");
        for (const auto& [name, f] : g_families)
            std::printf("  %8lld  %s\n            %s\n", f.first, name.c_str(), f.second.c_str());
    }
    std::printf("%lld passed, %lld failed\n", g_passed, g_failed);
}

// The case being evaluated ended the process: report it, the counts so far,
// and where to resume (boundary.py --driver restarts after it).
void report_crash(const char* what) {
    std::printf("MISMATCH case %lld: %s\n    %s\n", g_index, g_line.c_str(), what);
    auto& fam = g_families[what];
    if (fam.first++ == 0)
        fam.second = g_line;
    print_summary();
    std::printf("CRASHED-AT %lld\n", g_index);
    std::fflush(stdout);
}

[[noreturn]] void on_terminate() {
    report_crash("std::terminate (an exception left a noexcept function, or none was caught)");
    std::_Exit(3);
}

extern "C" void on_signal(int sig) {
    report_crash(sig == SIGFPE    ? "signal SIGFPE (e.g. INT64_MIN / -1)"
                 : sig == SIGSEGV ? "signal SIGSEGV"
                 : sig == SIGABRT ? "signal SIGABRT"
                                  : "signal");
    std::_Exit(4);
}

#if defined(BOUNDARY_DIFF_SANITIZER)
extern "C" void on_sanitizer_death() {
    report_crash("sanitizer error (its report is on stderr)");
}
#endif

verdict run_case(const std::string& line) {
    verdict v;
    const auto arrow = line.find(" => ");
    if (arrow == std::string::npos)
        throw bad_case{"no ' => '"};
    const std::string_view body = std::string_view(line).substr(0, arrow);
    const std::string_view expected = std::string_view(line).substr(arrow + 4);
    const auto t = split(body, ' ');
    const std::string_view op = t[0];

    if (op == "add" || op == "sub" || op == "mul" || op == "cmp" || op == "div" || op == "round" ||
        op == "rmul") {
        const bool scale = op == "add" || op == "sub" || op == "mul";
        const auto e = expect_value(expected, scale);
        // D: two decimals; W: two wide_decimals; M: a decimal and a wide_decimal.
        const outcome o = t[1] == "W"   ? decimal_op<int128_t>(t)
                          : t[1] == "M" ? mixed_arith(op, t[2], t[3])
                                        : decimal_op<std::int64_t>(t);
        judge(v, std::string(op) + " " + std::string(t[1]), "operator", e, o);
        return v;
    }
    if (op[0] == 'm') {
        const bool scale = op == "madd" || op == "msub" || op == "mmul" || op == "mmuli";
        const auto e = expect_value(expected, scale);
        for (const auto& [form, o] : money_op(t))
            judge(v, op, form, e, o);
        return v;
    }
    if (op == "pct" || op == "pctof") {
        const auto e = expect_value(expected, false);
        const decimal p = dec(t[1]);
        if (op == "pct") {
            judge(v, op, "from_percent", e,
                  guarded([&] { return outcome::of(ad_valorem::from_percent(p).fraction()); }));
            judge(v, op, "try_from_percent", e, guarded([&] {
                      const auto r = ad_valorem::try_from_percent(p);
                      if (!r)
                          return outcome::fail(errc_name(r.error()));
                      return outcome::of(r.value_or({}).fraction());
                  }));
        } else {
            judge(v, op, "percent", e,
                  guarded([&] { return outcome::of(ad_valorem::from_fraction(p).percent()); }));
        }
        return v;
    }
    if (op == "adv") {
        const auto e = expect_value(expected, false);
        judge(v, op, "ad_valorem()", e, with_currency(t[1], [&](auto c) {
                  using C = decltype(c);
                  return guarded([&] {
                      const auto rate = ad_valorem::from_percent(dec(t[3]));
                      return outcome::of(rate(money<C>(dec(t[2]))).amount());
                  });
              }));
        return v;
    }
    if (op == "spec") {
        judge(v, op, "specific_rate()", expect_value(expected, false),
              specific_op(t[1], t[2], t[3], t[4]));
        return v;
    }
    if (op == "qconv") {
        const auto e = expect_value(expected, false);
        judge(v, op, "quantity.in()", e, convert_op(t[1], t[2], t[3]));
        judge(v, op, "constructor", e, construct_op(t[1], t[2], t[3]));
        return v;
    }
    if (op == "qin") {
        // duty_base::with(unit, q) keeps q in base units; try_quantity_in(unit2) gives it back.
        const auto e = expect_value(expected, false);
        judge(v, op, "quantity_in", e, guarded([&] {
                  const auto base =
                      duty_base<CAD>(money<CAD>{}).with(unit_info_named(t[1]), dec(t[3]));
                  const auto r = base.try_quantity_in(unit_info_named(t[2]));
                  if (!r)
                      return outcome::fail(errc_name(r.error()));
                  return outcome::of(r.value_or({}));
              }));
        return v;
    }
    if (op == "xexact" || op == "xconv" || op == "xinv") {
        const auto e = expect_value(expected, false);
        for (const auto& [form, o] : exchange_op(t))
            judge(v, op, form, e, o);
        return v;
    }
    if (op == "expr") {
        const auto e = expect_value(expected, false);
        for (const auto& [form, o] : expr_op(t))
            judge(v, op, form, e, o);
        return v;
    }
    if (op == "assess") {
        // "=duties,taxes,=total" or "=duties,taxes,!overflow" or "!error"
        expectation ed, et, etotal;
        if (!expected.empty() && expected[0] == '!') {
            ed = et = etotal = expect_value(expected, false);
        } else {
            const auto parts = split(expected.substr(1), ',');
            if (parts.size() != 3)
                throw bad_case{"assess: bad expectation"};
            ed = expect_value("=" + std::string(parts[0]), false);
            et = expect_value("=" + std::string(parts[1]), false);
            etotal = expect_value(parts[2], false);
        }
        for (const auto& [form, r] : assess_op(t)) {
            judge(v, op, form + " duties()", ed, r.duties);
            judge(v, op, form + " taxes()", et, r.taxes);
            judge(v, op, form + " total()", etotal, r.total);
        }
        return v;
    }
    if (op == "selftest-terminate") // boundary.py --self-test: the crash report and the resume
        std::terminate();
    throw bad_case{"unknown operation " + std::string(op)};
}

} // namespace

int main(int argc, char** argv) {
    long long max_report = 20;
    for (int i = 1; i < argc; ++i) {
        const std::string_view a = argv[i];
        if (a == "--first-index" && i + 1 < argc) {
            g_index = std::atoll(argv[++i]);
        } else if (a == "--max-report" && i + 1 < argc) {
            max_report = std::atoll(argv[++i]);
        } else {
            std::fprintf(stderr, "usage: boundary_diff [--first-index N] [--max-report N] < cases\n"
                                 "cases: python3 tests/oracle/boundary.py --count N --seed S\n");
            return 2;
        }
    }
    std::set_terminate(on_terminate);
    std::signal(SIGFPE, on_signal);
    std::signal(SIGSEGV, on_signal);
    std::signal(SIGABRT, on_signal);
#if defined(BOUNDARY_DIFF_SANITIZER)
    __sanitizer_set_death_callback(on_sanitizer_death);
#endif
    std::ios::sync_with_stdio(false);
    long long reported = 0;
    for (; std::getline(std::cin, g_line); ++g_index) {
        if (g_line.empty())
            continue;
        verdict v;
        try {
            v = run_case(g_line);
        } catch (const bad_case& b) {
            v.pass = false;
            v.family = "malformed case";
            v.detail = "    " + b.why + "\n";
        }
        if (v.pass) {
            ++g_passed;
            continue;
        }
        ++g_failed;
        auto& fam = g_families[v.family];
        if (fam.first++ == 0)
            fam.second = g_line;
        if (reported++ < max_report)
            std::printf("MISMATCH case %lld: %s\n%s", g_index, g_line.c_str(), v.detail.c_str());
    }
    print_summary();
    return g_failed == 0 ? 0 : 1;
}
