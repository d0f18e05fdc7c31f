/*
 * std::wstring with the SDK's 16-bit wchar_t.
 *
 * Debian's libc++ for wasm32 was compiled with a 32-bit wchar_t, and its headers declare
 * basic_string<wchar_t> as an extern template: a guest's calls to its out-of-line members (append,
 * replace, substr, find...) would reach code that lays the string out with 4-byte characters. This file,
 * compiled with the guests' flags and linked before libc++ (`ntwasm c++`), instantiates the whole
 * class again with 2-byte characters; the linker takes these definitions first.
 *
 * The wide non-template functions libc++ compiled (std::to_wstring, std::stoi(const wstring&) and
 * friends) have the same problem; `ntwasm c++` redirects a guest's calls to them (-Wl,--wrap) to the
 * versions below, written over the SDK's own wcstol, wcstod and swprintf-free formatting.
 */
#include <string>
#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cwchar>
#include <stdexcept>

#if _LIBCPP_ABI_VERSION != 2
#error "the wrapped symbol names below are libc++ ABI v2's (std::__2): update them for this libc++"
#endif

template class std::basic_string<wchar_t>;

namespace {

using std::wstring;

wstring widen(const char *s) {
  wstring w;
  for (; *s; s++) w.push_back(static_cast<wchar_t>(static_cast<unsigned char>(*s)));
  return w;
}

template <typename T> wstring format(const char *spec, T value) {
  char buf[64];
  std::snprintf(buf, sizeof buf, spec, value);
  return widen(buf);
}

/* libc++ throws here; without exceptions, a failed conversion ends the program as an uncaught one would. */
[[noreturn]] void fail(const char *func, const char *why) {
  std::fprintf(stderr, "%s: %s\n", func, why);
  std::abort();
}

template <typename R, typename F> R convert(const char *func, const wstring &s, size_t *idx, F parse) {
  const wchar_t *p = s.c_str();
  wchar_t *end;
  int saved = errno;
  errno = 0;
  R r = parse(p, &end);
  int e = errno;
  errno = saved;
  if (end == p) fail(func, "no conversion");
  if (e == ERANGE) fail(func, "out of range");
  if (idx) *idx = static_cast<size_t>(end - p);
  return r;
}

} // namespace

/* The mangled names are spelled out: `ntwasm c++` finds them here to pass -Wl,--wrap=NAME. */
#define WRAP(sym) __asm__("__wrap_" sym)

wstring ntwasm_to_wstring_i(int v) WRAP("_ZNSt3__210to_wstringEi");
wstring ntwasm_to_wstring_i(int v) { return format("%d", v); }
wstring ntwasm_to_wstring_l(long v) WRAP("_ZNSt3__210to_wstringEl");
wstring ntwasm_to_wstring_l(long v) { return format("%ld", v); }
wstring ntwasm_to_wstring_x(long long v) WRAP("_ZNSt3__210to_wstringEx");
wstring ntwasm_to_wstring_x(long long v) { return format("%lld", v); }
wstring ntwasm_to_wstring_j(unsigned v) WRAP("_ZNSt3__210to_wstringEj");
wstring ntwasm_to_wstring_j(unsigned v) { return format("%u", v); }
wstring ntwasm_to_wstring_m(unsigned long v) WRAP("_ZNSt3__210to_wstringEm");
wstring ntwasm_to_wstring_m(unsigned long v) { return format("%lu", v); }
wstring ntwasm_to_wstring_y(unsigned long long v) WRAP("_ZNSt3__210to_wstringEy");
wstring ntwasm_to_wstring_y(unsigned long long v) { return format("%llu", v); }
wstring ntwasm_to_wstring_f(float v) WRAP("_ZNSt3__210to_wstringEf");
wstring ntwasm_to_wstring_f(float v) { return format("%f", static_cast<double>(v)); }
wstring ntwasm_to_wstring_d(double v) WRAP("_ZNSt3__210to_wstringEd");
wstring ntwasm_to_wstring_d(double v) { return format("%f", v); }
wstring ntwasm_to_wstring_e(long double v) WRAP("_ZNSt3__210to_wstringEe");
wstring ntwasm_to_wstring_e(long double v) { return format("%Lf", v); }

int ntwasm_stoi(const wstring &s, size_t *idx, int base) WRAP("_ZNSt3__24stoiERKNS_12basic_stringIwNS_11char_traitsIwEENS_9allocatorIwEEEEPmi");
int ntwasm_stoi(const wstring &s, size_t *idx, int base) {
  long r = convert<long>("stoi", s, idx, [base](const wchar_t *p, wchar_t **e) { return std::wcstol(p, e, base); });
  if (r < INT_MIN || r > INT_MAX) fail("stoi", "out of range");
  return static_cast<int>(r);
}
long ntwasm_stol(const wstring &s, size_t *idx, int base) WRAP("_ZNSt3__24stolERKNS_12basic_stringIwNS_11char_traitsIwEENS_9allocatorIwEEEEPmi");
long ntwasm_stol(const wstring &s, size_t *idx, int base) {
  return convert<long>("stol", s, idx, [base](const wchar_t *p, wchar_t **e) { return std::wcstol(p, e, base); });
}
unsigned long ntwasm_stoul(const wstring &s, size_t *idx, int base) WRAP("_ZNSt3__25stoulERKNS_12basic_stringIwNS_11char_traitsIwEENS_9allocatorIwEEEEPmi");
unsigned long ntwasm_stoul(const wstring &s, size_t *idx, int base) {
  return convert<unsigned long>("stoul", s, idx, [base](const wchar_t *p, wchar_t **e) { return std::wcstoul(p, e, base); });
}
long long ntwasm_stoll(const wstring &s, size_t *idx, int base) WRAP("_ZNSt3__25stollERKNS_12basic_stringIwNS_11char_traitsIwEENS_9allocatorIwEEEEPmi");
long long ntwasm_stoll(const wstring &s, size_t *idx, int base) {
  return convert<long long>("stoll", s, idx, [base](const wchar_t *p, wchar_t **e) { return std::wcstoll(p, e, base); });
}
unsigned long long ntwasm_stoull(const wstring &s, size_t *idx, int base) WRAP("_ZNSt3__26stoullERKNS_12basic_stringIwNS_11char_traitsIwEENS_9allocatorIwEEEEPmi");
unsigned long long ntwasm_stoull(const wstring &s, size_t *idx, int base) {
  return convert<unsigned long long>("stoull", s, idx, [base](const wchar_t *p, wchar_t **e) { return std::wcstoull(p, e, base); });
}
float ntwasm_stof(const wstring &s, size_t *idx) WRAP("_ZNSt3__24stofERKNS_12basic_stringIwNS_11char_traitsIwEENS_9allocatorIwEEEEPm");
float ntwasm_stof(const wstring &s, size_t *idx) {
  return convert<float>("stof", s, idx, [](const wchar_t *p, wchar_t **e) { return std::wcstof(p, e); });
}
double ntwasm_stod(const wstring &s, size_t *idx) WRAP("_ZNSt3__24stodERKNS_12basic_stringIwNS_11char_traitsIwEENS_9allocatorIwEEEEPm");
double ntwasm_stod(const wstring &s, size_t *idx) {
  return convert<double>("stod", s, idx, [](const wchar_t *p, wchar_t **e) { return std::wcstod(p, e); });
}
long double ntwasm_stold(const wstring &s, size_t *idx) WRAP("_ZNSt3__25stoldERKNS_12basic_stringIwNS_11char_traitsIwEENS_9allocatorIwEEEEPm");
long double ntwasm_stold(const wstring &s, size_t *idx) {
  return convert<long double>("stold", s, idx, [](const wchar_t *p, wchar_t **e) { return std::wcstold(p, e); });
}
