// Harness sanity case: uses no tariff header, so the compile-fail machinery can be
// exercised before (and independently of) the library itself.
//
// expect-error: tariff harness sanity

template <class T>
inline constexpr bool false_v = false;

#ifdef TARIFF_MISUSE
static_assert(false_v<int>, "tariff harness sanity");
#else
static_assert(!false_v<int>, "tariff harness sanity");
#endif

int main() {}
