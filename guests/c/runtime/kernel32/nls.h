/* Case mapping and sort weights (nls_tables.c), shared by compare.c, charcase.c and lstr.c. */
#ifndef NTWASM_RUNTIME_NLS_H
#define NTWASM_RUNTIME_NLS_H
#include <windows.h>

/* Code units start, start + step, ... (count of them) map to themselves + delta. */
struct ntwasm_case_run { unsigned short start, count; int delta; unsigned char step; };
extern const struct ntwasm_case_run __ntwasm_upper_runs[], __ntwasm_lower_runs[];
extern const unsigned __ntwasm_upper_runs_count, __ntwasm_lower_runs_count;

/*
 * CompareString's weights of U+0000..U+024F: a character with special = 0 has a primary weight (its
 * base letter, digit or symbol), a diacritic weight and a case weight (0 lower, 1 upper); one with
 * special = 1 (controls, the apostrophe, the hyphen, the soft hyphen) has no primary weight and
 * `primary` ranks it among those.
 */
struct ntwasm_sort_weight { unsigned char primary, diacritic, case_, special; };
extern const struct ntwasm_sort_weight __ntwasm_sort_weights[0x250];

/* Windows' simple case mapping of a UTF-16 code unit (CharUpperW, CharLowerW, LCMapString). */
WCHAR __ntwasm_upper(WCHAR c);
WCHAR __ntwasm_lower(WCHAR c);
#endif
