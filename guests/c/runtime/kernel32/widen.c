/* UTF-8 → UTF-16 copies for the A forms of W calls (kernel32's A functions convert the same way). */
#include <stdlib.h>
#include "widen.h"

LPWSTR __ntwasm_widen(LPCSTR s) {
  if (!s) return NULL;
  int n = MultiByteToWideChar(CP_UTF8, 0, s, -1, NULL, 0);
  if (n <= 0) n = 1;
  LPWSTR w = malloc((size_t)n * sizeof(WCHAR));
  if (!w) return NULL;
  if (MultiByteToWideChar(CP_UTF8, 0, s, -1, w, n) <= 0) w[0] = 0;
  return w;
}
