/*
 * String comparison (abi/crt/strings.ts): CompareStringW/A, CompareStringEx, CompareStringOrdinal,
 * lstrcmpA/W, lstrcmpiA/W.
 *
 * CompareString is Windows' linguistic ("word sort") comparison, not an ordinal one, with the weights
 * of nls_tables.c (Windows' default table as Wine 8 has it) for U+0000..U+024F:
 * 1. primary weights: the base letters, digits and symbols (symbols < digits < letters, "a" and "A" and
 *    "á" alike); Æ, æ, Œ, œ, Ĳ, ĳ and ß count as the two letters they stand for;
 * 2. then diacritic weights (unless NORM_IGNORENONSPACE), 3. then case (lower before upper, unless
 *    NORM_IGNORECASE), 4. then the characters with no primary weight: the apostrophe, the hyphen and
 *    the controls are ignored until this last step ("coop" < "co-op" < "cop"), where one that comes
 *    earlier in its string weighs more. SORT_STRINGSORT gives them primary weights below the symbols'.
 * NORM_IGNORESYMBOLS drops symbols, punctuation and those characters. Characters from U+0250 on sort
 * after the Latin letters by their lower-case code point (punctuation among the symbols), without
 * Windows' finer per-script rules. SORT_DIGITSASNUMBERS, NORM_IGNOREKANATYPE, NORM_IGNOREWIDTH and
 * NORM_LINGUISTIC_CASING are accepted and change nothing. Every locale compares the same way.
 */
#include <windows.h>
#include <stdlib.h>
#include <wctype.h>
#include "nls.h"

#define LOCALE_USE_CP_ACP_ 0x40000000
#define VALID_FLAGS (NORM_IGNORECASE | NORM_IGNORENONSPACE | NORM_IGNORESYMBOLS | SORT_DIGITSASNUMBERS | \
  LINGUISTIC_IGNORECASE | LINGUISTIC_IGNOREDIACRITIC | SORT_STRINGSORT | NORM_IGNOREKANATYPE | NORM_IGNOREWIDTH | \
  NORM_LINGUISTIC_CASING)

/* One character's weights; primary 0: none (it goes to the last level). */
struct weight { unsigned primary; unsigned char diacritic, case_, special; };

/* Where the symbols end: the digit zero's primary weight, scaled like every table weight. */
#define SCALE 0x10000u
#define LETTERS_END (200u * SCALE)

static int weigh(WCHAR c, DWORD flags, struct weight *w) {
  if (c == 0) return 0; /* ignored entirely */
  if (c < 0x250) {
    const struct ntwasm_sort_weight *t = &__ntwasm_sort_weights[c];
    w->diacritic = t->diacritic;
    w->case_ = t->case_;
    w->special = 0;
    if (t->special) {
      if (flags & NORM_IGNORESYMBOLS) return 0;
      if (flags & SORT_STRINGSORT) { w->primary = t->primary; return 1; } /* below every table weight */
      w->primary = 0;
      w->special = t->primary;
      return 1;
    }
    w->primary = (t->primary + 40u) * SCALE;
    if ((flags & NORM_IGNORESYMBOLS) && t->primary < __ntwasm_sort_weights['0'].primary) return 0;
    return 1;
  }
  w->diacritic = 0;
  w->special = 0;
  if (iswpunct(c) || iswspace(c)) {
    if (flags & NORM_IGNORESYMBOLS) return 0;
    /* Among the symbols: just below the digits. */
    w->primary = (__ntwasm_sort_weights['0'].primary + 40u - 1) * SCALE + c;
    w->case_ = 0;
    return 1;
  }
  WCHAR lower = __ntwasm_lower(c);
  w->primary = LETTERS_END + lower;
  w->case_ = lower != c;
  return 1;
}

/* The characters a UTF-16 unit stands for when sorting (1 or 2). */
static int expand(WCHAR c, WCHAR out[2]) {
  switch (c) {
  case 0x00C6: out[0] = 'A'; out[1] = 'E'; return 2; /* Æ */
  case 0x00E6: out[0] = 'a'; out[1] = 'e'; return 2; /* æ */
  case 0x00DF: out[0] = 's'; out[1] = 's'; return 2; /* ß */
  case 0x0152: out[0] = 'O'; out[1] = 'E'; return 2; /* Œ */
  case 0x0153: out[0] = 'o'; out[1] = 'e'; return 2; /* œ */
  case 0x0132: out[0] = 'I'; out[1] = 'J'; return 2; /* Ĳ */
  case 0x0133: out[0] = 'i'; out[1] = 'j'; return 2; /* ĳ */
  default: out[0] = c; return 1;
  }
}

struct key { struct weight *w; int *pos; int n; };

static int make_key(LPCWSTR s, int len, DWORD flags, struct key *k) {
  k->w = malloc(((size_t)len * 2 + 1) * sizeof *k->w);
  k->pos = malloc(((size_t)len * 2 + 1) * sizeof *k->pos);
  k->n = 0;
  if (!k->w || !k->pos) { free(k->w); free(k->pos); return 0; }
  for (int i = 0; i < len; i++) {
    WCHAR e[2];
    int m = expand(s[i], e);
    for (int j = 0; j < m; j++) {
      struct weight w;
      if (!weigh(e[j], flags, &w)) continue;
      k->pos[k->n] = i;
      k->w[k->n++] = w;
    }
  }
  return 1;
}

/* Compares the weights of one level, over the characters that have a primary weight. */
static int level(const struct key *a, const struct key *b, int which) {
  int i = 0, j = 0;
  for (;;) {
    while (i < a->n && !a->w[i].primary) i++;
    while (j < b->n && !b->w[j].primary) j++;
    if (i == a->n || j == b->n) return (i < a->n) - (j < b->n);
    unsigned x = which == 0 ? a->w[i].primary : which == 1 ? a->w[i].diacritic : a->w[i].case_;
    unsigned y = which == 0 ? b->w[j].primary : which == 1 ? b->w[j].diacritic : b->w[j].case_;
    if (x != y) return x < y ? -1 : 1;
    i++;
    j++;
  }
}

/* The last level: the characters without a primary weight, by position (earlier weighs more), then weight. */
static int special_level(const struct key *a, const struct key *b) {
  int i = 0, j = 0;
  for (;;) {
    while (i < a->n && a->w[i].primary) i++;
    while (j < b->n && b->w[j].primary) j++;
    if (i == a->n || j == b->n) return (i < a->n) - (j < b->n);
    if (a->pos[i] != b->pos[j]) return a->pos[i] < b->pos[j] ? 1 : -1;
    if (a->w[i].special != b->w[j].special) return a->w[i].special < b->w[j].special ? -1 : 1;
    i++;
    j++;
  }
}

static int compare(DWORD flags, LPCWSTR s1, int n1, LPCWSTR s2, int n2) {
  if (!s1 || !s2 || n1 < -1 || n2 < -1) { SetLastError(ERROR_INVALID_PARAMETER); return 0; }
  if (flags & ~(DWORD)VALID_FLAGS) { SetLastError(ERROR_INVALID_FLAGS); return 0; }
  if (flags & LINGUISTIC_IGNORECASE) flags |= NORM_IGNORECASE;
  if (flags & LINGUISTIC_IGNOREDIACRITIC) flags |= NORM_IGNORENONSPACE;
  if (n1 < 0) n1 = (int)wcslen(s1);
  if (n2 < 0) n2 = (int)wcslen(s2);
  struct key a, b;
  if (!make_key(s1, n1, flags, &a)) { SetLastError(ERROR_NOT_ENOUGH_MEMORY); return 0; }
  if (!make_key(s2, n2, flags, &b)) { free(a.w); free(a.pos); SetLastError(ERROR_NOT_ENOUGH_MEMORY); return 0; }
  int r = level(&a, &b, 0);
  if (!r && !(flags & NORM_IGNORENONSPACE)) r = level(&a, &b, 1);
  if (!r && !(flags & NORM_IGNORECASE)) r = level(&a, &b, 2);
  if (!r) r = special_level(&a, &b);
  free(a.w); free(a.pos); free(b.w); free(b.pos);
  return r < 0 ? CSTR_LESS_THAN : r > 0 ? CSTR_GREATER_THAN : CSTR_EQUAL;
}

int WINAPI CompareStringW(LCID Locale, DWORD dwCmpFlags, LPCWSTR lpString1, int cchCount1, LPCWSTR lpString2, int cchCount2) {
  (void)Locale;
  return compare(dwCmpFlags, lpString1, cchCount1, lpString2, cchCount2);
}

int WINAPI CompareStringEx(LPCWSTR lpLocaleName, DWORD dwCmpFlags, LPCWSTR lpString1, int cchCount1, LPCWSTR lpString2,
                           int cchCount2, LPVOID lpVersionInformation, LPVOID lpReserved, LPARAM lParam) {
  (void)lpLocaleName; (void)lpVersionInformation; (void)lpReserved; (void)lParam;
  return compare(dwCmpFlags, lpString1, cchCount1, lpString2, cchCount2);
}

/* A UTF-8 string as UTF-16 (malloc'd), n bytes or -1 for NUL-terminated; *out_len its length. */
static LPWSTR widen_n(LPCSTR s, int n, int *out_len) {
  if (n < 0) n = (int)strlen(s);
  int w = n ? MultiByteToWideChar(CP_ACP, 0, s, n, NULL, 0) : 0;
  LPWSTR r = malloc(((size_t)w + 1) * sizeof(WCHAR));
  if (!r) return NULL;
  if (w) MultiByteToWideChar(CP_ACP, 0, s, n, r, w);
  r[w] = 0;
  *out_len = w;
  return r;
}

int WINAPI CompareStringA(LCID Locale, DWORD dwCmpFlags, LPCSTR lpString1, int cchCount1, LPCSTR lpString2, int cchCount2) {
  (void)Locale;
  if (!lpString1 || !lpString2 || cchCount1 < -1 || cchCount2 < -1) { SetLastError(ERROR_INVALID_PARAMETER); return 0; }
  int n1, n2;
  LPWSTR a = widen_n(lpString1, cchCount1, &n1);
  LPWSTR b = a ? widen_n(lpString2, cchCount2, &n2) : NULL;
  int r = b ? compare(dwCmpFlags & ~(DWORD)LOCALE_USE_CP_ACP_, a, n1, b, n2) : 0;
  if (!b) SetLastError(ERROR_NOT_ENOUGH_MEMORY);
  free(a);
  free(b);
  return r;
}

int WINAPI CompareStringOrdinal(LPCWCH lpString1, int cchCount1, LPCWCH lpString2, int cchCount2, BOOL bIgnoreCase) {
  if (!lpString1 || !lpString2 || cchCount1 < -1 || cchCount2 < -1) { SetLastError(ERROR_INVALID_PARAMETER); return 0; }
  if (cchCount1 < 0) cchCount1 = (int)wcslen(lpString1);
  if (cchCount2 < 0) cchCount2 = (int)wcslen(lpString2);
  int n = cchCount1 < cchCount2 ? cchCount1 : cchCount2;
  for (int i = 0; i < n; i++) {
    WCHAR a = lpString1[i], b = lpString2[i];
    if (bIgnoreCase) { a = __ntwasm_upper(a); b = __ntwasm_upper(b); }
    if (a != b) return a < b ? CSTR_LESS_THAN : CSTR_GREATER_THAN;
  }
  return cchCount1 < cchCount2 ? CSTR_LESS_THAN : cchCount1 > cchCount2 ? CSTR_GREATER_THAN : CSTR_EQUAL;
}

/* lstrcmp: CompareString's result less 2; NULL sorts before any string. */
static int lstr(LPCWSTR a, LPCWSTR b, DWORD flags) {
  if (!a || !b) return a == b ? 0 : a ? 1 : -1;
  return compare(flags, a, -1, b, -1) - 2;
}

static int lstr_a(LPCSTR a, LPCSTR b, DWORD flags) {
  if (!a || !b) return a == b ? 0 : a ? 1 : -1;
  return CompareStringA(LOCALE_USER_DEFAULT, flags, a, -1, b, -1) - 2;
}

int WINAPI lstrcmpW(LPCWSTR lpString1, LPCWSTR lpString2) { return lstr(lpString1, lpString2, 0); }
int WINAPI lstrcmpiW(LPCWSTR lpString1, LPCWSTR lpString2) { return lstr(lpString1, lpString2, NORM_IGNORECASE); }
int WINAPI lstrcmpA(LPCSTR lpString1, LPCSTR lpString2) { return lstr_a(lpString1, lpString2, 0); }
int WINAPI lstrcmpiA(LPCSTR lpString1, LPCSTR lpString2) { return lstr_a(lpString1, lpString2, NORM_IGNORECASE); }
