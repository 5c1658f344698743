// tariff_calc/text.hpp: the text tariff-calc writes. Numbers go straight into
// a reused buffer (no allocation per row); nothing depends on the locale.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>

#include <tariff/decimal.hpp>
#include <tariff/to_chars.hpp>

namespace tariff_calc {

// A growable byte buffer whose appends are inlined (std::string's are calls
// into the standard library, and a row of output is some thirty of them).
class text_buffer {
public:
    [[gnu::always_inline]] text_buffer& operator+=(char c) {
        if (size_ == capacity_)
            grow(1);
        data_[size_++] = c;
        return *this;
    }
    [[gnu::always_inline]] text_buffer& operator+=(std::string_view s) {
        append(s.data(), s.size());
        return *this;
    }
    [[gnu::always_inline]] void append(const char* p, std::size_t n) {
        if (n == 0)
            return;
        if (capacity_ - size_ < n)
            grow(n);
        std::memcpy(data_.get() + size_, p, n);
        size_ += n;
    }
    // Room for n more bytes at the end: write them, then commit() how many.
    [[gnu::always_inline]] char* tail(std::size_t n) {
        if (capacity_ - size_ < n)
            grow(n);
        return data_.get() + size_;
    }
    void commit(std::size_t n) noexcept { size_ += n; }
    void clear() noexcept { size_ = 0; }
    bool empty() const noexcept { return size_ == 0; }
    std::size_t size() const noexcept { return size_; }
    const char* data() const noexcept { return data_.get(); }
    std::string_view view() const noexcept { return {data_.get(), size_}; }

private:
    [[gnu::noinline]] void grow(std::size_t n) {
        std::size_t capacity = capacity_ < 256 ? 256 : 2 * capacity_;
        while (capacity - size_ < n)
            capacity *= 2;
        auto bigger = std::make_unique<char[]>(capacity);
        if (size_ > 0)
            std::memcpy(bigger.get(), data_.get(), size_);
        data_ = std::move(bigger);
        capacity_ = capacity;
    }

    std::unique_ptr<char[]> data_;
    std::size_t size_ = 0;
    std::size_t capacity_ = 0;
};

namespace internal {
inline constexpr char digit_pairs[] =
    "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
    "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
    "8081828384858687888990919293949596979899";

// Writes the last `count` digits of v backwards before p (two at a time);
// v keeps the rest.
template <class U> // 32-bit arithmetic is cheaper, and most amounts fit it
inline char* put_digits_as(char* p, U& v, int count) noexcept {
    for (; count >= 2; count -= 2) {
        const auto pair = static_cast<std::size_t>(v % 100) * 2;
        v /= 100;
        *--p = digit_pairs[pair + 1];
        *--p = digit_pairs[pair];
    }
    if (count == 1) {
        *--p = static_cast<char>('0' + v % 10);
        v /= 10;
    }
    return p;
}
inline char* put_digits(char* p, std::uint64_t& v, int count) noexcept {
    if (v > 0xFFFF'FFFFu)
        return put_digits_as(p, v, count);
    auto narrow = static_cast<std::uint32_t>(v);
    p = put_digits_as(p, narrow, count);
    v = narrow;
    return p;
}
// Writes all the digits of v (at least one) backwards before p.
inline char* put_number(char* p, std::uint64_t v) noexcept {
    while (v >= 100)
        p = put_digits(p, v, 2);
    return put_digits(p, v, v >= 10 ? 2 : 1);
}
} // namespace internal

// Writes d in plain notation at p ("2440.00", "-0.5", "12"): at least
// min_places decimals, more only where the exact value has them; no
// grouping. Returns the end of the text, at most 41 bytes on (19 digits, a
// point, 18 places of padding, a sign: scale and min_places are at most 18).
// The digits are the library's (tariff::to_chars of the decimal without its
// trailing zeros, which writes it as stored); the places it lacks are padded.
inline char* put_decimal(char* p, tariff::decimal d, int min_places) noexcept {
    const tariff::decimal n = d.scale() > min_places ? tariff::normalize(d) : d;
    // At most 21 characters (19 digits, a point, a sign): never too long.
    p = tariff::to_chars(p, p + tariff::max_chars<tariff::decimal>, n).ptr;
    if (n.scale() < min_places) {
        if (n.scale() == 0)
            *p++ = '.';
        for (int i = n.scale(); i < min_places; ++i)
            *p++ = '0';
    }
    return p;
}

// Appends d as put_decimal writes it.
template <class Out> // std::string or text_buffer
void append_decimal(Out& out, tariff::decimal d, int min_places) {
    char buf[48];
    out.append(buf, static_cast<std::size_t>(put_decimal(buf, d, min_places) - buf));
}
inline void append_decimal(text_buffer& out, tariff::decimal d, int min_places) {
    char* p = out.tail(48);
    out.commit(static_cast<std::size_t>(put_decimal(p, d, min_places) - p));
}

template <class Out>
void append_unsigned(Out& out, std::uint64_t v) {
    char buf[24];
    char* const end = buf + sizeof buf;
    const char* p = internal::put_number(end, v);
    out.append(p, static_cast<std::size_t>(end - p));
}

// Whether a CSV field must be quoted (RFC 4180).
inline bool needs_quotes(std::string_view field) noexcept {
    for (const char ch : field)
        if (ch == ',' || ch == '"' || ch == '\r' || ch == '\n')
            return true;
    return false;
}

// Appends a field, quoted (with quotes doubled) when needed.
template <class Out>
void append_field(Out& out, std::string_view field) {
    if (!needs_quotes(field)) {
        out += field;
        return;
    }
    out += '"';
    for (const char ch : field) {
        if (ch == '"')
            out += '"';
        out += ch;
    }
    out += '"';
}

// The length of the UTF-8 sequence at text[i] (1 to 4), or 0 if it is not
// one: a stray continuation byte, a truncated sequence, an overlong form, a
// surrogate or a code point above U+10FFFF (RFC 3629).
inline std::size_t utf8_sequence(std::string_view text, std::size_t i) noexcept {
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char c = b(i);
    if (c < 0x80)
        return 1;
    std::size_t n = 0;
    unsigned char lo = 0x80, hi = 0xBF; // the second byte's range
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        if (c == 0xE0)
            lo = 0xA0; // overlong
        if (c == 0xED)
            hi = 0x9F; // surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        if (c == 0xF0)
            lo = 0x90; // overlong
        if (c == 0xF4)
            hi = 0x8F; // above U+10FFFF
    } else {
        return 0;
    }
    if (i + n > text.size() || b(i + 1) < lo || b(i + 1) > hi)
        return 0;
    for (std::size_t k = 2; k < n; ++k)
        if (b(i + k) < 0x80 || b(i + k) > 0xBF)
            return 0;
    return n;
}

// What is wrong with free text that tariff-calc writes out (an id, a
// component's name): empty if nothing; else the first bad byte, as
// "not valid UTF-8 (at byte 3)" or "a control character (\x00) at byte 3".
// Control characters are C0 (below 0x20), DEL and C1 (U+0080 to U+009F).
inline std::string text_problem(std::string_view text) {
    constexpr char hex[] = "0123456789ABCDEF";
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t n = utf8_sequence(text, i);
        if (n == 0)
            return "not valid UTF-8 (at byte " + std::to_string(i + 1) + ")";
        const auto c = static_cast<unsigned char>(text[i]);
        const bool c1 = n == 2 && c == 0xC2 && static_cast<unsigned char>(text[i + 1]) < 0xA0;
        if (c < 0x20 || c == 0x7F || c1) {
            const auto shown = c1 ? static_cast<unsigned char>(text[i + 1]) : c;
            return std::string("a control character (") + (c1 ? "U+00" : "\\x") + hex[shown >> 4] +
                   hex[shown & 15] + ") at byte " + std::to_string(i + 1);
        }
        i += n;
    }
    return {};
}

// A file name for a message: as given, but with control characters and
// bytes that are not UTF-8 shown as \xNN.
inline std::string printable(std::string_view text) {
    constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t n = utf8_sequence(text, i);
        const auto ch = static_cast<unsigned char>(text[i]);
        const bool c1 = n == 2 && ch == 0xC2 && static_cast<unsigned char>(text[i + 1]) < 0xA0;
        if (n == 0 || ch < 0x20 || ch == 0x7F || c1) {
            out += "\\x";
            out += hex[ch >> 4];
            out += hex[ch & 15];
            ++i;
        } else {
            out.append(text.data() + i, n);
            i += n;
        }
    }
    return out;
}

// A field's text for an error message: in double quotes, shortened to 40
// bytes (never inside a UTF-8 character), control characters and bytes that
// are not UTF-8 shown as \xNN, so that the message itself is clean text.
inline std::string quoted(std::string_view text) {
    constexpr std::size_t limit = 40;
    constexpr char hex[] = "0123456789ABCDEF";
    std::string out = "\"";
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t n = utf8_sequence(text, i);
        if (i + (n == 0 ? 1 : n) > limit)
            break;
        const auto ch = static_cast<unsigned char>(text[i]);
        const bool c1 = n == 2 && ch == 0xC2 && static_cast<unsigned char>(text[i + 1]) < 0xA0;
        if (n == 0 || ch < 0x20 || ch == 0x7F || c1) {
            // One byte at a time: a C1 control's second byte comes next.
            out += "\\x";
            out += hex[ch >> 4];
            out += hex[ch & 15];
            ++i;
        } else {
            out.append(text.data() + i, n);
            i += n;
        }
    }
    if (i < text.size())
        out += "...";
    out += '"';
    return out;
}

} // namespace tariff_calc
